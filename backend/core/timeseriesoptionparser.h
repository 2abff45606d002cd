// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optionparsing.h"
#include "settings.h"

namespace hai {

// Validates the influx-* and spool options into settings->influx and settings->mapping.
// Needs settings->demo already parsed: --demo with no --influx-url runs a managed influxd.
bool parseTimeseriesOptions(const RawOptions &raw, Settings *settings, QString *error);

} // namespace hai
