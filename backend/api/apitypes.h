// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace hai {

struct PageRequest;

// A request as the controllers see it: method, decoded path, captured path parameters,
// query, headers (lower-case names) and the parsed JSON body when the route takes one.
struct ApiRequest
{
    QByteArray method;
    QString path;
    QHash<QString, QString> pathParams;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QJsonDocument json;

    QString pathParam(const QString &name) const { return pathParams.value(name); }
    QString queryValue(const QString &name) const;
};

struct ApiResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(QPair<QByteArray, QByteArray>(name, value));
    }

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse text(const QByteArray &body, const QByteArray &contentType);
    static ApiResponse noContent();
    // {"error":{"code":...,"message":...}}
    static ApiResponse error(int status, const QString &code, const QString &message);
};

// Query-string checks shared by the list routes. Each returns an error response naming the
// parameter, or nothing when the request is fine.
std::optional<ApiResponse> rejectUnknownQuery(const ApiRequest &request,
                                              const QStringList &allowed);
std::optional<ApiResponse> readPage(const ApiRequest &request, PageRequest *page);

} // namespace hai
