// SPDX-License-Identifier: GPL-3.0-or-later
#include "configtemplate.h"

#include "optiontable.h"
#include "privatefile.h"

#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

// The INI groups follow the option names' prefixes, so the file reads in sections.
QString sectionOf(const QString &name)
{
    if (name.startsWith(u"ha-"_s) || name == u"demo"_s)
        return u"Home Assistant"_s;
    if (name.startsWith(u"influx-"_s) || name.startsWith(u"spool-"_s))
        return u"InfluxDB"_s;
    if (name.startsWith(u"webhook-"_s))
        return u"Webhooks"_s;
    if (name.startsWith(u"api-"_s) || name == u"cors-origins"_s)
        return u"REST API"_s;
    return u"General"_s;
}

} // namespace

QString ConfigTemplate::text()
{
    QString out =
        u"; HA Ingestor settings. Remove the ';' in front of a line to set it.\n"
        u"; Precedence: command line > environment > this file > defaults.\n"
        u"; Values may be quoted (\"...\"); lists are comma-separated.\n"
        u"; Secrets (ha-token, influx-token, influx-password, api-token) may sit here when the\n"
        u"; file is readable only by you (chmod 600), or come from the environment instead.\n"
        u"; Headless users need at least ha-url and ha-token (or demo=true).\n"_s;
    const QStringList sections{u"General"_s, u"Home Assistant"_s, u"InfluxDB"_s, u"REST API"_s,
                               u"Webhooks"_s};
    for (const QString &section : sections) {
        out += u"\n; ---- "_s + section + u" ----\n"_s;
        for (const OptionSpec &spec : optionTable()) {
            if (spec.name == u"config"_s || sectionOf(spec.name) != section)
                continue; // the file cannot name itself
            out += u"\n; "_s + spec.help + u'\n';
            QStringList facts;
            if (!spec.envName.isEmpty())
                facts << u"environment "_s + spec.envName;
            if (!spec.defaultText.isEmpty())
                facts << u"default "_s + spec.defaultText;
            if (!facts.isEmpty())
                out += u"; ("_s + facts.join(u", "_s) + u")\n"_s;
            out += u';' + spec.name + u'=' + (spec.isFlag() ? u"false"_s : QString()) + u'\n';
        }
    }
    return out;
}

bool ConfigTemplate::write(const QString &path, QString *error)
{
    const QByteArray bytes = text().toUtf8();
    if (path == u"-"_s) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        return true;
    }
    if (QFileInfo::exists(path)) {
        *error = u"'%1' exists; not replacing it (remove it or pick another name)"_s.arg(path);
        return false;
    }
    return writePrivateFile(path, bytes, error);
}

} // namespace hai
