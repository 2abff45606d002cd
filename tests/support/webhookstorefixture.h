// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/databaselocation.h"
#include "registry/database.h"

#include <QString>

#include <memory>

class QTemporaryDir;

namespace hai {
class WebhookStore;
}

namespace hai::test {

// A WebhookStore on a migrated registry database, the way the app uses it: store() writes
// through the writer connection, reader() reads through a connection of its own, as the REST
// API does. Open it once; the destructor closes the stores before their connections and removes
// openSqlite()'s directory last.
class WebhookStoreFixture
{
public:
    WebhookStoreFixture();
    ~WebhookStoreFixture();
    WebhookStoreFixture(const WebhookStoreFixture &) = delete;
    WebhookStoreFixture &operator=(const WebhookStoreFixture &) = delete;

    // Opens `location` as writer and reader and migrates it to the newest schema.
    bool open(const DatabaseLocation &location, QString *error);
    // open() on registry.db in a new temporary directory: directory().
    bool openSqlite(QString *error);

    // openSqlite()'s directory, where the legacy import looks for its files too.
    QString directory() const;
    Database &database() { return m_writer; }
    WebhookStore &store() { return *m_store; }
    WebhookStore &reader() { return *m_reader; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Database m_writer;
    Database m_readerDatabase;
    std::unique_ptr<WebhookStore> m_store;
    std::unique_ptr<WebhookStore> m_reader;
};

} // namespace hai::test
