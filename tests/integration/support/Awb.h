#pragma once
// Drives the real `awb` binary and the real services around it (an SMTP sink on 127.0.0.1) for
// the integration tests. Every wait is bounded.

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>
#include <vector>

#include "util/Json.h"

namespace awb::test {

struct AwbResult
{
    int exitCode = -1;
    bool crashed = false; // killed by a signal (the fault injection's SIGKILL)
    QByteArray out;
    QByteArray err;
    Json json() const; // stdout parsed; null when it is not JSON
    QString describe() const;
};

// Runs awb with args; extraEnv is applied over the test's environment (empty value: unset).
AwbResult runAwb(const QStringList& args, const QMap<QString, QString>& extraEnv = {}, int timeoutMs = 120000);

// An SMTP sink process (tests/support/smtp_sink.py) saving messages into its own folder.
class SmtpSink
{
public:
    SmtpSink() = default;
    ~SmtpSink();
    // Returns false (with the reason in error()) when the sink did not start.
    bool start(const QStringList& extraArgs = {});
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port); }
    QStringList messages() const; // paths of the saved .eml files, in arrival order
    QString error() const { return m_error; }

private:
    QProcess m_process;
    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_error;
};

// The mock LLM server (tests/support/mock_llm_server.py) that speaks each provider's wire format
// and answers as the scripted model; its request log lives in its own folder.
class MockLlmServer
{
public:
    MockLlmServer() = default;
    ~MockLlmServer();
    // script: the scripted model's script; extraArgs: --require-key, --fail, --cut-stream, ...
    bool start(const QString& script, const QStringList& extraArgs = {});
    int port() const { return m_port; }
    // http://127.0.0.1:PORT followed by suffix (e.g. "/v1" for the OpenAI kinds).
    QString url(const QString& suffix = {}) const;
    QString logDir() const;
    // The requests it received, in arrival order: {method, path, query, headers, body}.
    std::vector<Json> requests() const;
    QString error() const { return m_error; }
    QString stderrText() const; // the tail of what the server wrote to stderr

private:
    QProcess m_process;
    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_error;
};

// The request of DESIGN section 1 that the demo answers.
inline QString demoRequest()
{
    return QStringLiteral("Reconcile Q3 revenue against the ERP ledger, flag anomalies, and email the CFO a one-page summary");
}

// Every file under dir, recursively (for "the key appears in no file" checks).
QStringList allFiles(const QString& dir);

// `awb demo init DIR/ws` with the given environment; the workspace's path, or empty on failure.
QString initDemo(const QTemporaryDir& dir, const QMap<QString, QString>& env);
// The arguments of an unattended demo run (approve all, JSON, quiet) on workspace ws.
QStringList demoRunArgs(const QString& ws);
// The emails in workspace ws's outbox (written when no SMTP server is configured).
QStringList outboxEmails(const QString& ws);

} // namespace awb::test
