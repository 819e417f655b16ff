#pragma once
// Shared fixtures for the mail tests: the Python SMTP sink (tests/support/smtp_sink.py) run as a
// child process, a self-signed certificate made with openssl, and an in-memory effect journal.

#include <QByteArray>
#include <QMutex>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

#include "tools/Tool.h"

namespace mailtest {

struct ReceivedMessage
{
    QByteArray eml;
    awb::Json envelope; // {"mail_from", "rcpt_tos", "tls", "auth_user"}
};

class SmtpSink
{
public:
    SmtpSink() = default;
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    // Starts the sink with its messages in maildir; returns an error text, empty on success.
    QString start(const QString& maildir, const QStringList& extraArgs = {});
    void stop();
    quint16 port() const { return m_port; }
    QString url(const QString& scheme = QStringLiteral("smtp")) const;
    // Messages accepted so far, in order.
    std::vector<ReceivedMessage> messages() const;

private:
    std::unique_ptr<QProcess> m_process;
    QString m_maildir;
    quint16 m_port = 0;
};

// Writes cert.pem and key.pem for CN/SAN 127.0.0.1 into dir; returns an error text or empty.
QString makeSelfSignedCertificate(const QString& dir);

// Decodes the attachment with the given file name from a multipart message; empty if absent.
QByteArray attachmentData(const QByteArray& eml, const QString& fileName);

class MemoryEffectJournal : public awb::EffectJournal
{
public:
    awb::Result<Record> lookup(const QString& key) const override;
    awb::Status record(const QString& key, State state, const awb::Json& detail) override;

    std::vector<std::pair<QString, State>> history; // every record() call, in order
    bool failRecords = false;                       // simulate a journal that cannot write

private:
    mutable QMutex m_mutex;
    std::map<QString, Record> m_records;
};

} // namespace mailtest
