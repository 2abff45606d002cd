// SPDX-License-Identifier: GPL-3.0-or-later
#include "spoolfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/uio.h>
#include <unistd.h>

namespace hai {

bool SpoolFile::open(const QString &path, int flags)
{
    close();
    m_path = path;
    m_fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC, 0644);
    return m_fd >= 0;
}

void SpoolFile::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool SpoolFile::readAt(qint64 offset, char *out, qint64 size) const
{
    while (size > 0) {
        const ssize_t got = ::pread(m_fd, out, size_t(size), off_t(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        out += got;
        offset += got;
        size -= got;
    }
    return true;
}

bool SpoolFile::writeAt(qint64 offset, const QByteArray &data)
{
    const char *from = data.constData();
    qint64 size = data.size();
    while (size > 0) {
        const ssize_t done = ::pwrite(m_fd, from, size_t(size), off_t(offset));
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            return false;
        from += done;
        offset += done;
        size -= done;
    }
    return true;
}

bool SpoolFile::append(const QByteArray &first, const QByteArray &second)
{
    iovec parts[2] = {{const_cast<char *>(first.constData()), size_t(first.size())},
                      {const_cast<char *>(second.constData()), size_t(second.size())}};
    int index = 0;
    while (index < 2) {
        if (parts[index].iov_len == 0) {
            ++index;
            continue;
        }
        const ssize_t done = ::writev(m_fd, parts + index, 2 - index);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            return false;
        // Resume a short write where it stopped.
        size_t rest = size_t(done);
        while (index < 2 && rest >= parts[index].iov_len)
            rest -= parts[index++].iov_len;
        if (index < 2) {
            parts[index].iov_base = static_cast<char *>(parts[index].iov_base) + rest;
            parts[index].iov_len -= rest;
        }
    }
    return true;
}

bool SpoolFile::truncate(qint64 size)
{
    return ::ftruncate(m_fd, off_t(size)) == 0;
}

bool SpoolFile::dataSync()
{
    return ::fdatasync(m_fd) == 0;
}

bool SpoolFile::lockExclusive()
{
    return ::flock(m_fd, LOCK_EX | LOCK_NB) == 0;
}

bool SpoolFile::syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool SpoolFile::remove(const QString &path)
{
    return ::unlink(QFile::encodeName(path).constData()) == 0;
}

QString SpoolFile::lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace hai
