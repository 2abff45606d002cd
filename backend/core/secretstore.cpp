// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

const QString kService = u"ha-ingestor"_s;

QString entryKey(const QString &configPath, const QString &option)
{
    return configPath + u':' + option;
}

// Runs a QtKeychain job to its end. QtKeychain only works asynchronously; the callers (startup
// and the settings dialog) need the answer before they go on, so a local loop waits for it,
// bounded because a hung secret service must not hang the app. EntryNotFound counts as done:
// callers treat a missing entry as an empty secret.
bool runJob(QKeychain::Job *job, int timeoutMs, QString *error, QString *readValue = nullptr)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    // Context `loop`: the connection ends with this frame, also when the job outlives it.
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished) {
        if (error)
            *error = u"the system keychain did not answer within %1 ms"_s.arg(timeoutMs);
        // The job stays alive and deletes itself when the service answers at last: QtKeychain
        // still holds it (deleting it now would crash in its callback, and disconnecting it
        // would leave QtKeychain's queue waiting for it forever).
        job->setAutoDelete(true);
        return false;
    }
    const QKeychain::Error code = job->error();
    if (code == QKeychain::NoError && readValue)
        *readValue = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    if (code != QKeychain::NoError && code != QKeychain::EntryNotFound && error)
        *error = job->errorString();
    delete job;
    return code == QKeychain::NoError || code == QKeychain::EntryNotFound;
}

} // namespace

SecretStore::SecretStore(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{}

bool SecretStore::isAvailable()
{
    if (m_available >= 0)
        return m_available == 1;
    // A round trip of a throwaway entry: some backends accept writes they cannot read back.
    const QString probe = u"probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    const bool ok = write(probe, u"probe"_s, u"ok"_s, &error) &&
                    read(probe, u"probe"_s, &error) == u"ok"_s && remove(probe, u"probe"_s, &error);
    m_available = ok ? 1 : 0;
    m_reason = ok ? QString() : (error.isEmpty() ? u"no keychain answered"_s : error);
    if (!ok)
        qCInfo(lcCore).noquote() << "system keychain not available:" << m_reason;
    return ok;
}

bool SecretStore::write(const QString &configPath, const QString &option, const QString &value,
                        QString *error)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(entryKey(configPath, option));
    job->setTextData(value);
    return runJob(job, m_timeoutMs, error);
}

QString SecretStore::read(const QString &configPath, const QString &option, QString *error)
{
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(entryKey(configPath, option));
    QString value;
    runJob(job, m_timeoutMs, error, &value);
    return value;
}

bool SecretStore::remove(const QString &configPath, const QString &option, QString *error)
{
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(entryKey(configPath, option));
    return runJob(job, m_timeoutMs, error);
}

void SecretStore::fillSecrets(Settings *settings, SecretStore &store)
{
    if (!settings->secretsInKeychain || settings->configFile.isEmpty())
        return;
    const std::pair<const char *, QString *> secrets[] = {
        {"ha-token", &settings->haToken},
        {"influx-token", &settings->influx.token},
        {"influx-password", &settings->influx.password},
        {"api-token", &settings->apiToken},
    };
    for (const auto &[name, value] : secrets) {
        if (!value->isEmpty())
            continue; // the command line or the environment gave it; they win
        QString error;
        *value = store.read(settings->configFile, QLatin1String(name), &error);
        if (!error.isEmpty())
            qCWarning(lcCore).noquote()
                << "cannot read" << name << "from the system keychain:" << error;
    }
}

} // namespace hai
