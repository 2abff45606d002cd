// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeseriesoptionparser.h"

#include "optionreader.h"

using namespace Qt::StringLiterals;
using namespace hai::optionparsing;

namespace hai {

namespace {

bool validTagKey(const QString &key)
{
    return !key.isEmpty() && !key.startsWith(u'_');
}

bool readTarget(OptionReader &in, const Settings &settings, InfluxOptions *influx)
{
    if (in.has(u"influx-url"_s)) {
        QString reason;
        if (!parseUrl(in.value(u"influx-url"_s), {u"http"_s, u"https"_s}, &influx->url, &reason))
            return in.fail(u"influx-url"_s, reason);
    }
    influx->managed = settings.demo && influx->url.isEmpty();
    if (!in.readBool(u"influx-managed"_s, &influx->managed))
        return false;
    if (influx->managed && !influx->url.isEmpty())
        return in.fail(u"influx-managed"_s,
                       u"cannot be combined with --influx-url (pick one InfluxDB)"_s);

    if (!in.readChoice<int>(u"influx-api"_s, {{u"1"_s, 1}, {u"2"_s, 2}}, &influx->api))
        return false;
    if (in.has(u"influx-db"_s))
        influx->database = in.value(u"influx-db"_s).trimmed();
    if (influx->database.isEmpty())
        return in.fail(u"influx-db"_s, u"must not be empty"_s);
    influx->username = in.value(u"influx-username"_s);
    influx->password = in.value(u"influx-password"_s);
    if (influx->username.isEmpty() != influx->password.isEmpty())
        return in.fail(influx->username.isEmpty() ? u"influx-username"_s : u"influx-password"_s,
                       u"--influx-username and --influx-password go together"_s);
    influx->org = in.value(u"influx-org"_s).trimmed();
    influx->bucket = in.value(u"influx-bucket"_s).trimmed();
    influx->token = in.value(u"influx-token"_s);
    if (influx->api == 2 && influx->managed)
        return in.fail(u"influx-api"_s, u"the managed influxd (1.6) speaks API 1 only"_s);
    if (influx->api == 2 && (influx->org.isEmpty() || influx->bucket.isEmpty()))
        return in.fail(influx->org.isEmpty() ? u"influx-org"_s : u"influx-bucket"_s,
                       u"API 2 needs both --influx-org and --influx-bucket"_s);
    return in.readBool(u"influx-create-db"_s, &influx->createDatabase);
}

bool readWriter(OptionReader &in, InfluxOptions *influx)
{
    return in.readInt(u"influx-batch-size"_s, 1, 100000, &influx->batchSize) &&
           in.readInt(u"influx-flush-ms"_s, 10, 60000, &influx->flushIntervalMs) &&
           (in.value(u"influx-gzip-bytes"_s).trimmed() == u"auto"_s ||
            in.readInt(u"influx-gzip-bytes"_s, 0, qint64(1) << 30, &influx->gzipMinBytes)) &&
           in.readInt(u"spool-max-mb"_s, 1, qint64(1) << 24, &influx->spoolMaxBytes,
                      qint64(1024) * 1024);
}

bool readMapping(OptionReader &in, MappingOptions *mapping)
{
    if (!in.readChoice<PointSchema>(
            u"influx-schema"_s, {{u"homeiq"_s, PointSchema::HomeIq}, {u"ha"_s, PointSchema::Ha}},
            &mapping->schema) ||
        !in.readChoice<AttributeFields>(u"influx-attribute-fields"_s,
                                        {{u"none"_s, AttributeFields::None},
                                         {u"numeric"_s, AttributeFields::Numeric},
                                         {u"all"_s, AttributeFields::All}},
                                        &mapping->attributeFields))
        return false;
    mapping->include = parseList(in.value(u"influx-include"_s));
    mapping->exclude = parseList(in.value(u"influx-exclude"_s));
    mapping->attributeTags = parseList(in.value(u"influx-attribute-tags"_s));
    for (const QString &tag : std::as_const(mapping->attributeTags)) {
        if (!validTagKey(tag))
            return in.fail(
                u"influx-attribute-tags"_s,
                u"'%1' is not a tag name (names starting with _ are reserved)"_s.arg(tag));
    }
    for (const QString &pair : parseList(in.value(u"influx-tags"_s))) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString key = pair.left(equals).trimmed();
        const QString tagValue = equals < 0 ? QString() : pair.mid(equals + 1).trimmed();
        if (equals < 0 || !validTagKey(key) || tagValue.isEmpty())
            return in.fail(u"influx-tags"_s, u"'%1' is not KEY=VALUE (keys must not start "
                                             u"with _, values must not be empty)"_s.arg(pair));
        mapping->staticTags.append({key, tagValue});
    }
    if (in.has(u"influx-measurement"_s)) {
        mapping->measurement = in.value(u"influx-measurement"_s).trimmed();
        if (mapping->measurement.isEmpty() || mapping->measurement.startsWith(u'_'))
            return in.fail(u"influx-measurement"_s, u"must be a name that does not start with _"_s);
    }
    if (in.has(u"influx-event-types"_s)) {
        mapping->eventTypes = parseList(in.value(u"influx-event-types"_s));
        if (mapping->eventTypes.isEmpty())
            return in.fail(u"influx-event-types"_s, u"name at least one event type"_s);
    }
    return true;
}

} // namespace

bool parseTimeseriesOptions(const RawOptions &raw, Settings *settings, QString *error)
{
    OptionReader in(raw, error);
    return readTarget(in, *settings, &settings->influx) && readWriter(in, &settings->influx) &&
           readMapping(in, &settings->mapping);
}

} // namespace hai
