// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"

#include <QTemporaryDir>

#include <memory>

namespace hai::test {

// A real Backend driven by the built-in DemoHome, in a temporary data folder: REST API on a
// free port, no InfluxDB (so points are spooled). For the shell's GUI tests and screenshots.
struct DemoBackend
{
    // False with `error` set when the backend did not start.
    bool start(QString *error)
    {
        if (!dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        Settings settings;
        settings.demo = true;
        settings.dataDir = dir.path();
        settings.registryDb.sqlitePath = dir.filePath(QStringLiteral("metadata.db"));
        settings.apiPort = 0;
        backend = std::make_unique<Backend>(settings);
        return backend->start(error);
    }

    QTemporaryDir dir;
    std::unique_ptr<Backend> backend;
};

} // namespace hai::test
