// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "webhook.h"

#include <QString>

namespace hai {

class WebhookStore;

// The seed versions kept webhooks in <data-dir>/webhooks.json: a JSON list of
// {webhook_id?, url, events, secret, team?, created_at?}. On startup such a file is imported
// once, in one transaction, and renamed to webhooks.json.bak-<yyyyMMddTHHmmss>.
class LegacyWebhookImport
{
public:
    struct Report
    {
        bool found = false; // the file existed
        bool ok = false;    // parsed, stored and backed up
        int entries = 0;    // entries in the file
        int imported = 0;   // of those, new in the store
        QString backupPath; // where the file went
        QString error;      // why nothing was imported; the file is then left untouched
    };

    // Parses the file's contents. Entries without webhook_id get a stable id derived from
    // url, events and secret (a name-based UUID), so importing the same file twice stores each
    // webhook once. `team` becomes the name (else the URL's host); created_at may be epoch
    // seconds or ISO 8601. Every entry must pass WebhookValidator; the first failure is
    // reported as "webhooks.json[3].secret: ...", and nothing is imported.
    static bool parse(const QByteArray &json, double now, WebhookList *webhooks, QString *error);

    // Looks for `<dataDir>/webhooks.json`; imports and renames it when it is valid.
    static Report run(const QString &dataDir, WebhookStore &store, double now);
};

} // namespace hai
