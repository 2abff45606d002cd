// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace hai {

// A small, fast, seedable generator (splitmix64). DemoHome needs the same home and the same
// traffic for the same seed on every platform, which std:: distributions do not promise.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed = 1)
        : m_state(seed)
    {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound); bound must be > 0.
    int bounded(int bound) { return int((next() >> 33) % quint64(bound)); }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform in [low, high).
    double range(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }

private:
    quint64 m_state;
};

} // namespace hai
