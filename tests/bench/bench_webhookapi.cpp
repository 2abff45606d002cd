// SPDX-License-Identifier: GPL-3.0-or-later
// POST /api/v1/webhooks/register under load on the real headless binary: `wrk -t2 -c16`
// (16 concurrent clients) with a Lua script that posts a valid registration, then how many
// rows were stored, whether any answer was not 201, and whether the app logged
// "database is locked". Also the latency of GET /api/v1/webhooks/list with that many rows.
//   bench_webhookapi [--seconds S]
#include "benchstats.h"
#include "freeport.h"
#include "httpclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kToken = "bench-token-0123456789";

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// wrk's Lua hook: every request is a POST of one registration.
QByteArray luaScript()
{
    return "wrk.method = \"POST\"\n"
           "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
           "wrk.headers[\"Authorization\"] = \"Bearer " +
           kToken +
           "\"\n"
           "wrk.body = '{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"state_changed\"],"
           "\"secret\":\"bench-secret-0123456789\",\"filter\":{\"domains\":[\"sensor\"]}}'\n"
           "local statuses = {}\n"
           "response = function(status) statuses[status] = (statuses[status] or 0) + 1 end\n";
}

QString field(const QString &out, const QString &label)
{
    const qsizetype at = out.indexOf(label);
    return at < 0
               ? u"?"_s
               : out.mid(at + label.size(), out.indexOf(u'\n', at) - at - label.size()).trimmed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"seconds"_s, u"Duration of the wrk run"_s, u"S"_s, u"10"_s}});
    parser.process(app);
    const int seconds = parser.value(u"seconds"_s).toInt();
    if (QStandardPaths::findExecutable(u"wrk"_s).isEmpty()) {
        print(u"wrk is not installed (apt-get install wrk)"_s);
        return 0;
    }

    QTemporaryDir dir;
    const quint16 port = hai::test::freeLoopbackPort();
    QProcess process;
    process.setStandardOutputFile(dir.filePath(u"app.out"_s));
    process.setStandardErrorFile(dir.filePath(u"app.out"_s));
    // An empty settings file: the app runs without Home Assistant and ignores the user's file.
    QFile(dir.filePath(u"empty.ini"_s)).open(QIODevice::WriteOnly);
    process.start(QStringLiteral(HAI_INGESTOR_BINARY),
                  {u"--headless"_s, u"--config"_s, dir.filePath(u"empty.ini"_s), u"--log-level"_s,
                   u"warning"_s, u"--data-dir"_s, dir.path(), u"--api-token"_s,
                   QString::fromLatin1(kToken), u"--api-listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    if (!process.waitForStarted()) {
        print(u"cannot start the app"_s);
        return 1;
    }
    hai::test::HttpClient http(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    for (int attempt = 0; attempt < 100 && http.get(u"/health"_s).status == 0; ++attempt)
        QThread::msleep(100);

    const QString script = dir.filePath(u"register.lua"_s);
    QFile lua(script);
    if (!lua.open(QIODevice::WriteOnly) || lua.write(luaScript()) < 0)
        return 1;
    lua.close();
    QProcess wrk;
    wrk.start(u"wrk"_s, {u"-t2"_s, u"-c16"_s, u"-d%1s"_s.arg(seconds), u"-s"_s, script,
                         u"http://127.0.0.1:%1/api/v1/webhooks/register"_s.arg(port)});
    wrk.waitForFinished((seconds + 30) * 1000);
    const QString out = QString::fromUtf8(wrk.readAllStandardOutput());
    const QString non2xx = field(out, u"Non-2xx or 3xx responses:"_s);
    print(u"POST /api/v1/webhooks/register, wrk -t2 -c16 -d%1s:"_s.arg(seconds));
    print(u"  %1 registrations/s, latency avg %2 (wrk), non-2xx answers: %3"_s.arg(
        field(out, u"Requests/sec:"_s),
        field(out, u"Latency"_s).section(u' ', 0, 0, QString::SectionSkipEmpty),
        non2xx == u"?"_s ? u"0"_s : non2xx));

    const auto headers = QHash<QByteArray, QByteArray>{{"authorization", "Bearer " + kToken}};
    const int stored =
        http.send("GET", u"/api/v1/webhooks/list"_s, {}, headers).json()[u"count"_s].toInt();
    print(u"  stored webhooks: %1 (wrk counted %2 requests)"_s.arg(stored).arg(
        out.section(u"requests in"_s, 0, 0).section(u'\n', -1).trimmed()));

    QList<double> samples;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        http.send("GET", u"/api/v1/webhooks/list"_s, {}, headers, 60000);
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    print(u"  GET /api/v1/webhooks/list with %1 webhooks: %2"_s.arg(stored).arg(
        hai::test::Percentiles::of(samples).format(u"ms"_s)));

    ::kill(pid_t(process.processId()), SIGTERM);
    process.waitForFinished(15000);
    QFile log(dir.filePath(u"app.out"_s));
    const bool locked =
        log.open(QIODevice::ReadOnly) && log.readAll().contains("database is locked");
    print(u"  \"database is locked\" in the app's log: %1"_s.arg(locked ? u"yes"_s : u"no"_s));
    return 0;
}
