// SPDX-License-Identifier: GPL-3.0-or-later
#include "openapi.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace hai {

namespace {

QJsonObject errorResponse(const QString &description)
{
    return {
        {u"description"_s, description},
        {u"content"_s,
         QJsonObject{{u"application/json"_s,
                      QJsonObject{{u"schema"_s,
                                   QJsonObject{{u"$ref"_s, u"#/components/schemas/Error"_s}}}}}}}};
}

QJsonArray parameters(const Route &route)
{
    QJsonArray list;
    static const QRegularExpression placeholder(u"\\{([a-z_]+)\\}"_s);
    auto it = placeholder.globalMatch(route.pattern);
    while (it.hasNext()) {
        list.append(QJsonObject{{u"name"_s, it.next().captured(1)},
                                {u"in"_s, u"path"_s},
                                {u"required"_s, true},
                                {u"schema"_s, QJsonObject{{u"type"_s, u"string"_s}}}});
    }
    for (const QString &name : route.queryParams) {
        const bool numeric = name == u"limit"_s || name == u"offset"_s;
        list.append(QJsonObject{
            {u"name"_s, name},
            {u"in"_s, u"query"_s},
            {u"required"_s, false},
            {u"schema"_s, QJsonObject{{u"type"_s, numeric ? u"integer"_s : u"string"_s}}}});
    }
    return list;
}

QJsonObject operation(const Route &route)
{
    QJsonObject responses{
        {QString::number(route.successStatus),
         QJsonObject{{u"description"_s, u"Success"_s},
                     {u"content"_s, QJsonObject{{route.contentType, QJsonObject{}}}}}},
        {u"400"_s, errorResponse(u"Bad request: a parameter or the body is invalid"_s)}};
    if (route.pattern.contains(u'{'))
        responses.insert(u"404"_s, errorResponse(u"No such item"_s));
    if (route.requiresAuth)
        responses.insert(u"401"_s, errorResponse(u"Missing or wrong API token"_s));
    if (route.takesJsonBody) {
        responses.insert(u"413"_s, errorResponse(u"Body larger than 16 MiB"_s));
        responses.insert(u"415"_s, errorResponse(u"Body is not JSON"_s));
    }
    const QString operationId =
        QString::fromLatin1(route.method).toLower() +
        QString(route.pattern).replace(u'/', u'_').remove(u'{').remove(u'}').remove(u'.');
    QJsonObject op{{u"summary"_s, route.summary},
                   {u"operationId"_s, operationId},
                   {u"tags"_s, QJsonArray{route.tag}},
                   {u"responses"_s, responses}};
    const QJsonArray params = parameters(route);
    if (!params.isEmpty())
        op.insert(u"parameters"_s, params);
    if (route.requiresAuth)
        op.insert(u"security"_s, QJsonArray{QJsonObject{{u"bearerAuth"_s, QJsonArray{}}}});
    if (route.takesJsonBody) {
        op.insert(u"requestBody"_s,
                  QJsonObject{{u"required"_s, true},
                              {u"content"_s, QJsonObject{{u"application/json"_s, QJsonObject{}}}}});
    }
    return op;
}

} // namespace

QJsonObject buildOpenApiDocument(const QList<Route> &routes)
{
    QJsonObject paths;
    for (const Route &route : routes) {
        QJsonObject item = paths.value(route.pattern).toObject();
        item.insert(QString::fromLatin1(route.method).toLower(), operation(route));
        paths.insert(route.pattern, item);
    }
    const QJsonObject errorSchema{
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{
             {u"error"_s,
              QJsonObject{{u"type"_s, u"object"_s},
                          {u"properties"_s,
                           QJsonObject{{u"code"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                       {u"message"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}}}}}};
    return {{u"openapi"_s, u"3.0.3"_s},
            {u"info"_s, QJsonObject{{u"title"_s, u"HA Ingestor REST API"_s},
                                    {u"version"_s, QStringLiteral(HAI_VERSION)}}},
            {u"paths"_s, paths},
            {u"components"_s,
             QJsonObject{{u"securitySchemes"_s,
                          QJsonObject{{u"bearerAuth"_s, QJsonObject{{u"type"_s, u"http"_s},
                                                                    {u"scheme"_s, u"bearer"_s}}}}},
                         {u"schemas"_s, QJsonObject{{u"Error"_s, errorSchema}}}}}};
}

} // namespace hai
