// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/configtemplate.h"
#include "core/optiontable.h"
#include "core/settingsloader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

static constexpr QFileDevice::Permissions kAnyoneElse = QFile::ReadGroup | QFile::WriteGroup |
                                                        QFile::ExeGroup | QFile::ReadOther |
                                                        QFile::WriteOther | QFile::ExeOther;
using hai::SettingsLoader;

class TestConfigTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryOptionCommentedOut();
    void untouchedTemplateGivesTheDefaults();
    void uncommentedLinesAreRead();
    void writesOwnerOnlyAndNeverReplaces();
};

void TestConfigTemplate::listsEveryOptionCommentedOut()
{
    const QString text = hai::ConfigTemplate::text();
    for (const hai::OptionSpec &spec : hai::optionTable()) {
        if (spec.name == u"config"_s)
            QVERIFY(!text.contains(u"\n;config="_s));
        else
            QVERIFY2(text.contains(u"\n;"_s + spec.name + u'='), qPrintable(spec.name));
    }
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(u';'), qPrintable(line));
}

void TestConfigTemplate::untouchedTemplateGivesTheDefaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.ini"_s);
    QString error;
    QVERIFY2(hai::ConfigTemplate::write(path, &error), qPrintable(error));
    const QStringList base{u"ha-ingestor"_s, u"--data-dir"_s, dir.filePath(u"d"_s)};
    const auto fromTemplate = SettingsLoader::load(base + QStringList{u"--config"_s, path}, {});
    QCOMPARE(fromTemplate.outcome, SettingsLoader::Outcome::Run);
    const auto fromNothing =
        SettingsLoader::load(base + QStringList{u"--config"_s, dir.filePath(u"none.ini"_s)}, {});
    QCOMPARE(fromNothing.outcome, SettingsLoader::Outcome::Invalid); // --config must exist
    QCOMPARE(fromTemplate.settings.apiPort, quint16(8006));
    QCOMPARE(fromTemplate.settings.influx.batchSize, 5000);
    QVERIFY(!fromTemplate.settings.haUrl.isValid());
}

void TestConfigTemplate::uncommentedLinesAreRead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.ini"_s);
    QString error;
    QVERIFY(hai::ConfigTemplate::write(path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    file.close();
    text.replace(u"\n;ha-url=\n"_s, u"\nha-url=http://ha.example:8123\n"_s);
    text.replace(u"\n;influx-batch-size=\n"_s, u"\ninflux-batch-size=700\n"_s);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
    file.close();
    const auto loaded = SettingsLoader::load(
        {u"ha-ingestor"_s, u"--config"_s, path, u"--data-dir"_s, dir.filePath(u"d"_s)}, {});
    QCOMPARE(loaded.outcome, SettingsLoader::Outcome::Run);
    QCOMPARE(loaded.settings.haUrl, QUrl(u"http://ha.example:8123"_s));
    QCOMPARE(loaded.settings.influx.batchSize, 700);
}

void TestConfigTemplate::writesOwnerOnlyAndNeverReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/dir/t.ini"_s);
    QString error;
    QVERIFY(hai::ConfigTemplate::write(path, &error));
    QCOMPARE(QFile::permissions(path) & kAnyoneElse, QFileDevice::Permissions());
    QVERIFY(QFile::permissions(path).testFlags(QFile::ReadOwner | QFile::WriteOwner));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("ha-url=http://mine:8123\n");
    file.close();
    QVERIFY(!hai::ConfigTemplate::write(path, &error));
    QVERIFY2(error.contains(u"not replacing"_s), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("ha-url=http://mine:8123\n"));
}

QTEST_GUILESS_MAIN(TestConfigTemplate)
#include "tst_configtemplate.moc"
