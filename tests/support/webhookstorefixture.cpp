// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhookstorefixture.h"

#include "registrysamples.h"
#include "webhooks/webhookstore.h"

#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace hai::test {

WebhookStoreFixture::WebhookStoreFixture() = default;

WebhookStoreFixture::~WebhookStoreFixture() = default;

bool WebhookStoreFixture::open(const DatabaseLocation &location, QString *error)
{
    if (!openMigrated(m_writer, location, error) ||
        !m_readerDatabase.open(location, Database::Role::Reader, error))
        return false;
    m_store = std::make_unique<WebhookStore>(m_writer);
    m_reader = std::make_unique<WebhookStore>(m_readerDatabase);
    return true;
}

bool WebhookStoreFixture::openSqlite(QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = u"cannot create a temporary directory: "_s + m_dir->errorString();
        return false;
    }
    DatabaseLocation location;
    location.sqlitePath = m_dir->filePath(u"registry.db"_s);
    return open(location, error);
}

QString WebhookStoreFixture::directory() const
{
    return m_dir ? m_dir->path() : QString();
}

} // namespace hai::test
