// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hai {

// The app without a window: --headless, no display, and everything that only prints
// (--help, --version, --write-config, bad options). Returns the process exit code.
int runHeadless(int argc, char *argv[]);

} // namespace hai
