// SPDX-License-Identifier: GPL-3.0-or-later
#include "apitypes.h"

#include "registry/registryfilters.h"

using namespace Qt::StringLiterals;

namespace hai {

QString ApiRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse ApiResponse::text(const QByteArray &body, const QByteArray &contentType)
{
    ApiResponse response;
    response.body = body;
    response.contentType = contentType;
    return response;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

ApiResponse ApiResponse::error(int status, const QString &code, const QString &message)
{
    return json({{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}}, status);
}

std::optional<ApiResponse> rejectUnknownQuery(const ApiRequest &request, const QStringList &allowed)
{
    const auto items = request.query.queryItems();
    for (const auto &item : items) {
        if (!allowed.contains(item.first)) {
            return ApiResponse::error(400, u"bad_request"_s,
                                      u"unknown query parameter '%1' (allowed: %2)"_s.arg(
                                          item.first, allowed.join(u", "_s)));
        }
    }
    return std::nullopt;
}

namespace {
std::optional<ApiResponse> readInt(const ApiRequest &request, const QString &name, int minimum,
                                   int *value)
{
    if (!request.query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const int parsed = request.queryValue(name).toInt(&ok);
    if (!ok || parsed < minimum) {
        return ApiResponse::error(
            400, u"bad_request"_s,
            u"query parameter '%1' must be an integer >= %2"_s.arg(name, QString::number(minimum)));
    }
    *value = parsed;
    return std::nullopt;
}
} // namespace

std::optional<ApiResponse> readPage(const ApiRequest &request, PageRequest *page)
{
    if (auto error = readInt(request, u"limit"_s, 1, &page->limit))
        return error;
    if (auto error = readInt(request, u"offset"_s, 0, &page->offset))
        return error;
    page->limit = std::min(page->limit, PageRequest::kMaxLimit);
    return std::nullopt;
}

} // namespace hai
