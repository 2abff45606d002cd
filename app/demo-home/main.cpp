// SPDX-License-Identifier: GPL-3.0-or-later
// ha-demo-home: serves a simulated Home Assistant (DemoHome) until SIGINT/SIGTERM.
// Prints HA_URL=... and HA_TOKEN=... on stdout once it listens, so scripts can read them.
#include "core/logging.h"
#include "core/shutdownsignals.h"
#include "demo/demohome.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

[[noreturn]] void fail(const QString &text)
{
    std::fprintf(stderr, "ha-demo-home: %s\n", qPrintable(text));
    std::exit(2);
}

qint64 integerOption(const QCommandLineParser &parser, const QString &name, qint64 minimum,
                     qint64 maximum, qint64 fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).trimmed().toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        fail(u"--%1: '%2' is not a whole number from %3 to %4"_s.arg(
            name, parser.value(name), QString::number(minimum), QString::number(maximum)));
    return value;
}

double numberOption(const QCommandLineParser &parser, const QString &name, double minimum,
                    double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double value = parser.value(name).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < minimum)
        fail(u"--%1: '%2' is not a number >= %3"_s.arg(name, parser.value(name),
                                                       QString::number(minimum)));
    return value;
}

void parseListen(const QString &text, QHostAddress *host, quint16 *port)
{
    const int colon = int(text.lastIndexOf(u':'));
    if (colon <= 0)
        fail(u"--listen: '%1' is not HOST:PORT"_s.arg(text));
    QString hostText = text.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    bool ok = false;
    const int number = text.mid(colon + 1).toInt(&ok);
    if (!ok || number < 0 || number > 65535)
        fail(u"--listen: port '%1' is out of range (0-65535)"_s.arg(text.mid(colon + 1)));
    if (hostText == u"localhost"_s)
        *host = QHostAddress(QHostAddress::LocalHost);
    else if (!host->setAddress(hostText))
        fail(u"--listen: '%1' is not an IP address"_s.arg(hostText));
    *port = quint16(number);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"ha-demo-home"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HAI_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A simulated Home Assistant WebSocket API on loopback, for demos, tests and "
        u"benchmarks. Prints HA_URL=... and HA_TOKEN=... on stdout when it is ready."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const hai::DemoHomeOptions defaults;
    parser.addOptions({
        {u"listen"_s, u"Address to serve on; port 0 picks a free one (default 127.0.0.1:8123)."_s,
         u"HOST:PORT"_s},
        {u"seed"_s, u"Seed of the generated home (default 1)."_s, u"N"_s},
        {u"devices"_s, u"Number of devices (default %1)."_s.arg(defaults.devices), u"N"_s},
        {u"entities-per-device"_s,
         u"Entities per device (default %1)."_s.arg(defaults.entitiesPerDevice), u"N"_s},
        {u"areas"_s, u"Number of areas (default %1)."_s.arg(defaults.areas), u"N"_s},
        {u"floors"_s, u"Number of floors (default %1)."_s.arg(defaults.floors), u"N"_s},
        {u"token"_s, u"Access token clients must send (default demo-token)."_s, u"TOKEN"_s},
        {u"ha-version"_s,
         u"Home Assistant version to pose as (default %1)."_s.arg(defaults.haVersion), u"X.Y.Z"_s},
        {u"rate"_s, u"Steady state_changed events per second (default 0)."_s, u"R"_s},
        {u"burst"_s,
         u"Send N state changes as fast as clients drain, once the first client subscribes."_s,
         u"N"_s},
        {u"always-coalesce"_s,
         u"Coalesce queued messages into JSON arrays even without supported_features."_s},
        {u"response-delay"_s, u"Delay before answering each command."_s, u"MS"_s},
        {u"huge-states"_s, u"Pad get_states so its frame is at least BYTES long."_s, u"BYTES"_s},
        {u"drop-every"_s, u"Drop every connection (no close frame) every SECONDS."_s, u"SECONDS"_s},
        {u"refuse-for"_s,
         u"Refuse connections for SECONDS: after each drop with --drop-every, else at startup."_s,
         u"SECONDS"_s},
        {u"recorder-commit"_s,
         u"Recorder commit interval; history lags by this (default 1000, 0 = none)."_s, u"MS"_s},
        {u"verbose"_s, u"Log debug messages."_s},
    });
    if (!parser.parse(QCoreApplication::arguments()))
        fail(parser.errorText() + u" (see --help)"_s);
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        fail(u"unexpected argument '%1' (see --help)"_s.arg(parser.positionalArguments().first()));

    hai::installLogging(parser.isSet(u"verbose"_s) ? hai::LogLevel::Debug : hai::LogLevel::Info,
                        {});

    QHostAddress host(QHostAddress::LocalHost);
    quint16 port = 8123;
    if (parser.isSet(u"listen"_s))
        parseListen(parser.value(u"listen"_s), &host, &port);

    hai::DemoHomeOptions options;
    options.seed =
        quint64(integerOption(parser, u"seed"_s, 0, std::numeric_limits<qint64>::max(), 1));
    options.devices = int(integerOption(parser, u"devices"_s, 0, 1000000, options.devices));
    options.entitiesPerDevice =
        int(integerOption(parser, u"entities-per-device"_s, 0, 1000, options.entitiesPerDevice));
    options.areas = int(integerOption(parser, u"areas"_s, 0, 10000, options.areas));
    options.floors = int(integerOption(parser, u"floors"_s, 0, 1000, options.floors));
    if (parser.isSet(u"token"_s)) {
        options.token = parser.value(u"token"_s);
        if (options.token.isEmpty())
            fail(u"--token: must not be empty"_s);
    }
    if (parser.isSet(u"ha-version"_s)) {
        options.haVersion = parser.value(u"ha-version"_s);
        if (options.versionCode() == 0)
            fail(u"--ha-version: '%1' is not like 2026.8.0"_s.arg(options.haVersion));
    }
    options.eventsPerSecond = numberOption(parser, u"rate"_s, 0, 0);
    const int burst = int(integerOption(parser, u"burst"_s, 0, std::numeric_limits<int>::max(), 0));
    options.alwaysCoalesce = parser.isSet(u"always-coalesce"_s);
    options.responseDelayMs = int(integerOption(parser, u"response-delay"_s, 0, 3600000, 0));
    options.hugeStatesBytes = integerOption(parser, u"huge-states"_s, 0, qint64(1) << 31, 0);
    options.recorderCommitMs =
        int(integerOption(parser, u"recorder-commit"_s, 0, 3600000, options.recorderCommitMs));
    const double dropEvery = numberOption(parser, u"drop-every"_s, 0, 0);
    const double refuseFor = numberOption(parser, u"refuse-for"_s, 0, 0);

    QElapsedTimer generation;
    generation.start();
    hai::DemoHome home(options);
    qCInfo(lcDemo, "Generated %d devices and %d entities in %lld ms", home.deviceCount(),
           home.entityCount(), generation.elapsed());
    if (!home.listen(host, port))
        fail(u"--listen: cannot listen on %1:%2: %3"_s.arg(host.toString(), QString::number(port),
                                                           home.errorString()));

    std::fprintf(stdout, "HA_URL=%s\nHA_TOKEN=%s\n", qPrintable(home.url().toString()),
                 qPrintable(home.token()));
    std::fflush(stdout);

    if (dropEvery > 0)
        home.setDropInterval(int(dropEvery * 1000), int(refuseFor * 1000));
    else if (refuseFor > 0)
        home.refuseConnectionsFor(int(refuseFor * 1000));

    QElapsedTimer burstClock;
    if (burst > 0) {
        QObject::connect(&home, &hai::DemoHome::clientSubscribed, &home,
                         [&home, &burstClock, burst] {
                             if (burstClock.isValid())
                                 return;
                             burstClock.start();
                             home.emitBurst(burst);
                         });
        QObject::connect(&home, &hai::DemoHome::burstFinished, &home, [&burstClock, burst] {
            const double seconds = std::max(1e-9, double(burstClock.nsecsElapsed()) / 1e9);
            qCInfo(lcDemo, "Burst of %d events finished in %.3f s (%.0f events/s)", burst, seconds,
                   burst / seconds);
        });
    }

    hai::ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &hai::ShutdownSignals::shutdownRequested, &app,
                     [&home](int number) {
                         qCInfo(lcDemo, "Signal %d: stopping after %lld state changes", number,
                                home.emittedStateChanges());
                         home.close();
                         QCoreApplication::quit();
                     });
    const int code = app.exec();
    hai::uninstallLogging();
    return code;
}
