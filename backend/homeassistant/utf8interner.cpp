// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8interner.h"

#include <functional>

namespace hai {

namespace {

quint64 hashBytes(std::string_view bytes)
{
    return quint64(std::hash<std::string_view>{}(bytes)) | 1; // 0 marks an empty slot
}

QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

} // namespace

Utf8Interner::Utf8Interner()
    : m_slots(kSlots)
{}

QString Utf8Interner::intern(std::string_view utf8)
{
    if (utf8.size() > kMaxBytes)
        return toQString(utf8);
    const quint64 hash = hashBytes(utf8);
    size_t index = size_t(hash) & (kSlots - 1);
    for (;;) {
        Slot &slot = m_slots[index];
        if (slot.hash == 0)
            break;
        if (slot.hash == hash && slot.bytes == utf8)
            return slot.value;
        index = (index + 1) & (kSlots - 1);
    }
    if (m_used >= kSlots * 3 / 4) { // full: start over rather than grow
        for (Slot &slot : m_slots)
            slot = Slot();
        m_used = 0;
        index = size_t(hash) & (kSlots - 1);
    }
    Slot &slot = m_slots[index];
    slot.hash = hash;
    slot.bytes.assign(utf8);
    slot.value = toQString(utf8);
    ++m_used;
    return slot.value;
}

} // namespace hai
