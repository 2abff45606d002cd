// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace hai::test {

// A throwaway webhook receiver: Debian's `webhook` (adnanh/webhook 2.8.0) on a free loopback
// port in a temp dir, serving one hook at /hooks/receive:
//   webhook -hooks <dir>/hooks.json -ip 127.0.0.1 -port <port> -logfile <dir>/webhook.log
// Its trigger rule is payload-hmac-sha256 over the X-Webhook-Signature header ("sha256=<hex>")
// with the given secret. Answers:
//   200 (empty body)  the signature matches and the request was recorded;
//   500 "Error occurred while evaluating hook rules."  the signature does not match (webhook
//                     treats a bad signature as a rule error, whatever the options say);
//   401 "Hook rules were not satisfied."  no signature header: without
//                     trigger-rule-mismatch-http-response-code it would answer 200 here;
//   405               not a POST.
// Each accepted request runs record.sh synchronously (include-command-output-in-response), so
// the record exists before the 200 goes out. It appends, under flock, the headers and the raw
// body (pass-file-to-command with raw-request-body: byte-exact) to <dir>/received, one record
// per request in the order they took the lock.
//
// stop() (SIGTERM) then start() comes back on the same port with the records kept; kill() is a
// crash (SIGKILL). Everything is bounded in time.
class WebhookReceiver
{
public:
    struct Delivery
    {
        QString deliveryId; // X-Webhook-ID
        QString eventType;  // X-Webhook-Event
        QByteArray body;
        QByteArray signature; // X-Webhook-Signature
        QByteArray timestamp; // X-Webhook-Timestamp
        QByteArray userAgent;
        QByteArray contentType;
    };

    WebhookReceiver();
    ~WebhookReceiver(); // stops the receiver
    WebhookReceiver(const WebhookReceiver &) = delete;
    WebhookReceiver &operator=(const WebhookReceiver &) = delete;

    // $HAI_WEBHOOK, else /usr/bin/webhook, else `webhook` on PATH, else empty.
    static QString findBinary();
    static QString missingMessage(); // what to install, for QSKIP

    // Starts with `secret` (a restart may change it); false with the reason in *error.
    bool start(const QString &secret, QString *error);
    bool start(QString *error) { return start(m_secret, error); } // the same secret again
    void stop();
    void kill();

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:<port>/hooks/receive
    qint64 pid() const { return m_process.processId(); }
    QString dir() const { return m_dir.path(); }
    // The tail of webhook's log, to attach to failure messages (it never holds the secret).
    QString log() const;

    // Every request recorded so far, in arrival order. Reads only what is new since last time.
    QList<Delivery> received() const;
    // Runs the event loop until at least `count` are recorded; false on timeout.
    bool waitForCount(int count, int timeoutMs) const;
    void clearReceived();

private:
    bool startOnce(QString *error);
    bool writeFiles(QString *error) const;
    bool waitUntilListening(QString *error);

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_secret;
    quint16 m_port = 0;
    bool m_portPinned = false;
    mutable QList<Delivery> m_received;
    mutable qint64 m_readOffset = 0;
};

} // namespace hai::test
