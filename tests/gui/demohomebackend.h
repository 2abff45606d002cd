// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"
#include "demo/demohome.h"

#include <QTemporaryDir>

#include <memory>

namespace hai::test {

// A real Backend connected to a DemoHome the test owns, so the test can rename and move
// devices and set states while the GUI watches. No InfluxDB (points are spooled); REST API on
// a free port. The backend stops before the home does.
struct DemoHomeBackend
{
    bool start(const DemoHomeOptions &options, QString *error)
    {
        if (!dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        demo = std::make_unique<DemoHome>(options);
        if (!demo->listen()) {
            *error = demo->errorString();
            return false;
        }
        Settings settings;
        settings.dataDir = dir.path();
        settings.registryDb.sqlitePath = dir.filePath(QStringLiteral("metadata.db"));
        settings.apiPort = 0;
        settings.haUrl = demo->url();
        settings.haToken = demo->token();
        backend = std::make_unique<Backend>(settings);
        return backend->start(error);
    }

    QTemporaryDir dir;
    std::unique_ptr<DemoHome> demo; // lives in the test's thread
    std::unique_ptr<Backend> backend;
};

} // namespace hai::test
