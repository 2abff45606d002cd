// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzip.h"

#include <zlib.h>

namespace hai {

namespace {

constexpr int kGzipWindowBits = 15 + 16; // 32 KiB window, gzip header and trailer
constexpr int kAutoWindowBits = 15 + 32; // inflate detects gzip or zlib

} // namespace

QByteArray Gzip::compress(const QByteArray &data, int level)
{
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    // deflateBound() guarantees one call with Z_FINISH is enough.
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.resize(written);
    return out;
}

QByteArray Gzip::decompress(const QByteArray &data)
{
    QByteArray out;
    qsizetype inputOffset = 0;
    // A gzip file may hold several members; inflate one at a time.
    while (inputOffset < data.size()) {
        z_stream stream{};
        if (inflateInit2(&stream, kAutoWindowBits) != Z_OK)
            return {};
        stream.next_in =
            reinterpret_cast<Bytef *>(const_cast<char *>(data.constData() + inputOffset));
        stream.avail_in = uInt(data.size() - inputOffset);
        int result = Z_OK;
        char buffer[64 * 1024];
        while (result == Z_OK) {
            stream.next_out = reinterpret_cast<Bytef *>(buffer);
            stream.avail_out = sizeof(buffer);
            result = inflate(&stream, Z_NO_FLUSH);
            if (result != Z_OK && result != Z_STREAM_END)
                break;
            out.append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
        }
        inputOffset += qsizetype(stream.total_in);
        inflateEnd(&stream);
        if (result != Z_STREAM_END)
            return {};
    }
    return out;
}

} // namespace hai
