// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hai {

// `ha-ingestor --write-config FILE`: every setting of the option table as a commented INI
// line with its help, environment variable and default, for people who run the app
// headless and edit the file by hand. Reading the untouched template gives the defaults.
namespace ConfigTemplate {

QString text();

// Writes text() to path ("-": standard output) with mode 0600, since the file is meant to
// receive tokens. Refuses to replace an existing file: it may hold someone's settings.
bool write(const QString &path, QString *error);

} // namespace ConfigTemplate

} // namespace hai
