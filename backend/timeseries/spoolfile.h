// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hai {

// A POSIX file descriptor with the few calls the spool needs (pread, writev, fdatasync,
// ftruncate), retried on EINTR and short transfers. QFile has no fdatasync or positional
// reads, and the spool's durability promise rests on exactly those.
class SpoolFile
{
public:
    SpoolFile() = default;
    ~SpoolFile() { close(); }
    SpoolFile(const SpoolFile &) = delete;
    SpoolFile &operator=(const SpoolFile &) = delete;

    // `flags` as for open(2); O_CLOEXEC is added.
    bool open(const QString &path, int flags);
    void close();
    bool isOpen() const { return m_fd >= 0; }
    int fd() const { return m_fd; }
    QString path() const { return m_path; }

    bool readAt(qint64 offset, char *out, qint64 size) const;
    bool writeAt(qint64 offset, const QByteArray &data);
    // Appends `first` then `second` with one writev(2) where possible.
    bool append(const QByteArray &first, const QByteArray &second);
    bool truncate(qint64 size);
    bool dataSync();
    bool lockExclusive(); // flock(LOCK_EX | LOCK_NB)

    // fsync of a directory, so that a new or removed name survives a crash.
    static bool syncDirectory(const QString &path);
    static bool remove(const QString &path);
    static QString lastError(); // strerror(errno)

private:
    int m_fd = -1;
    QString m_path;
};

} // namespace hai
