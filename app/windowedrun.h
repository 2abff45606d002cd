// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace hai {

// The app with its window: the setup wizard on a first start, then the backend and the main
// window. Settings → Apply restarts the backend and the window inside this process.
int runWindowed(int argc, char *argv[]);

} // namespace hai
