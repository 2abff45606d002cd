// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>

#include <memory>

namespace hai {

// Owns a worker thread: on destruction it quits the event loop, waits, then deletes.
struct ThreadDeleter
{
    void operator()(QThread *thread) const;
};
using ThreadPtr = std::unique_ptr<QThread, ThreadDeleter>;

// Starts a named thread; the name shows in logs and debuggers.
ThreadPtr startNamedThread(const QString &name);

// Runs `function` in the thread of `context` and returns its result: directly when the caller
// is already there (tests drive modules without threads), else through a blocking queued call.
template <typename Function>
auto invokeIn(QObject *context, Function function) -> decltype(function())
{
    if (context->thread() == QThread::currentThread())
        return function();
    decltype(function()) result{};
    QMetaObject::invokeMethod(
        context, [&result, &function] { result = function(); }, Qt::BlockingQueuedConnection);
    return result;
}

} // namespace hai
