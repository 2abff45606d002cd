// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string_view>
#include <vector>

namespace hai {

// Turns short UTF-8 strings that repeat (attribute keys, entity ids, units, names) into
// shared QStrings: one allocation the first time, a reference count after that. Events cross
// from the "ha" thread to the "ingest" thread, and every string freed there was allocated
// here, so fewer allocations also means less malloc lock traffic between the two. An open
// addressing table with a fixed number of slots; when it fills up it starts over, so memory
// stays bounded whatever the input.
class Utf8Interner
{
public:
    static constexpr size_t kSlots = 8192;  // a power of two
    static constexpr size_t kMaxBytes = 64; // longer strings are not worth a slot

    Utf8Interner();
    QString intern(std::string_view utf8);

private:
    struct Slot
    {
        quint64 hash = 0;
        std::string bytes;
        QString value;
    };
    std::vector<Slot> m_slots;
    size_t m_used = 0;
};

} // namespace hai
