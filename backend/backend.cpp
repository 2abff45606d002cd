// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.h"

#include "api/httpapi.h"
#include "core/logging.h"
#include "registry/registryservice.h"

using namespace Qt::StringLiterals;

namespace hai {

namespace {
// Deletes a worker in its own thread, so its connections and sockets close where they live.
template <typename Worker>
void destroyIn(Worker *&worker)
{
    if (!worker)
        return;
    Worker *doomed = worker;
    worker = nullptr;
    invokeIn(doomed, [doomed] {
        delete doomed;
        return true;
    });
}
} // namespace

Backend::Backend(const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

Backend::~Backend()
{
    stop();
}

bool Backend::start(QString *error)
{
    m_registryThread = startNamedThread(u"registry"_s);
    m_registry = new RegistryService(m_settings.registryDb);
    m_registry->moveToThread(m_registryThread.get());
    RegistryService *registry = m_registry;
    QString reason;
    if (!invokeIn(registry, [registry, &reason] { return registry->open(&reason); })) {
        *error = u"--registry-db: "_s + reason;
        stop();
        return false;
    }

    m_apiThread = startNamedThread(u"api"_s);
    m_api = new HttpApi(m_settings, m_registry);
    m_api->moveToThread(m_apiThread.get());
    HttpApi *api = m_api;
    if (!invokeIn(api, [api, &reason] { return api->start(&reason); })) {
        *error = reason;
        stop();
        return false;
    }
    m_apiPort = api->port();
    qCInfo(lcCore).noquote() << "started: registry" << m_settings.registryDb.displayName()
                             << "| REST API"
                             << m_settings.apiHost.toString() + u':' + QString::number(m_apiPort);
    return true;
}

void Backend::stop()
{
    destroyIn(m_api);
    m_apiThread.reset();
    destroyIn(m_registry);
    m_registryThread.reset();
}

} // namespace hai
