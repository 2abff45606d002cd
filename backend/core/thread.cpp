// SPDX-License-Identifier: GPL-3.0-or-later
#include "thread.h"

namespace hai {

void ThreadDeleter::operator()(QThread *thread) const
{
    if (!thread)
        return;
    thread->quit();
    thread->wait();
    delete thread;
}

ThreadPtr startNamedThread(const QString &name)
{
    ThreadPtr thread(new QThread);
    thread->setObjectName(name);
    thread->start();
    return thread;
}

} // namespace hai
