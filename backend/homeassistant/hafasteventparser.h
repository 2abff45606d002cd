// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "haevent.h"

#include <QByteArray>
#include <QList>

#include <memory>
#include <utility>

namespace hai {

// The hot path of ingestion: reads frames made only of state_changed event messages (one
// object, or a coalesced array) straight into HaEvents with simdjson, without building a
// QJsonDocument. It is strict: a frame holding anything else (a result, a pong, another event
// type, an unexpected key or type, bad UTF-8, a bad time) is declined as a whole, and the
// caller parses it the general way (HaFrameParser + HaEventParser), which counts and reports
// what is wrong. For input both accept, both give the same HaEvent.
class HaFastEventParser
{
public:
    using Parsed = QList<std::pair<int, HaEvent>>; // subscription id, event

    HaFastEventParser();
    ~HaFastEventParser();
    HaFastEventParser(const HaFastEventParser &) = delete;
    HaFastEventParser &operator=(const HaFastEventParser &) = delete;

    // True when every message of the frame was read into `out` (appended in frame order).
    // On false, `out` is left as it was.
    bool parseFrame(const QByteArray &utf8, Parsed *out);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hai
