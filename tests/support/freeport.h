// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace hai::test {

// A loopback TCP port that was free a moment ago (bound to port 0, then released).
quint16 freeLoopbackPort();

} // namespace hai::test
