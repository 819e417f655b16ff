#include "Awb.h"

#include <QDirIterator>
#include <QElapsedTimer>

namespace awb::test {

Json AwbResult::json() const
{
    Json j = Json::parse(out.constData(), nullptr, false);
    return j.is_discarded() ? Json() : j;
}

QString AwbResult::describe() const
{
    return QStringLiteral("exit %1%2\n--- stdout\n%3\n--- stderr\n%4")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (killed by a signal)") : QString())
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.right(6000)));
}

AwbResult runAwb(const QStringList& args, const QMap<QString, QString>& extraEnv, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it) {
        if (it.value().isEmpty())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(AWB_BINARY), args);
    AwbResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "awb did not start: " + p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "awb timed out\n";
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    return r;
}

SmtpSink::~SmtpSink()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool SmtpSink::start(const QStringList& extraArgs)
{
    const QString script = QStringLiteral(AWB_SOURCE_DIR "/tests/support/smtp_sink.py");
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    QStringList{script, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--maildir"), m_dir.path()} +
                        extraArgs);
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer;
    while (clock.elapsed() < 20000) {
        if (!m_process.waitForReadyRead(1000) && m_process.state() == QProcess::NotRunning)
            break;
        buffer += m_process.readAllStandardOutput();
        const int at = buffer.indexOf("PORT ");
        if (at >= 0 && buffer.indexOf('\n', at) > at) {
            m_port = buffer.mid(at + 5, buffer.indexOf('\n', at) - at - 5).trimmed().toInt();
            return m_port > 0;
        }
    }
    m_error = QStringLiteral("the SMTP sink did not report its port: %1").arg(QString::fromUtf8(m_process.readAllStandardError()));
    return false;
}

QStringList SmtpSink::messages() const
{
    QStringList out;
    const QStringList names = QDir(m_dir.path()).entryList({QStringLiteral("*.eml")}, QDir::Files);
    std::vector<std::pair<int, QString>> numbered;
    for (const QString& n : names)
        numbered.push_back({n.section(QLatin1Char('.'), 0, 0).toInt(), QDir(m_dir.path()).filePath(n)});
    std::sort(numbered.begin(), numbered.end());
    for (const auto& [n, path] : numbered)
        out << path;
    return out;
}

MockLlmServer::~MockLlmServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool MockLlmServer::start(const QString& script, const QStringList& extraArgs)
{
    // stderr goes to a file: nothing reads the pipe while awb runs, so it must never fill up.
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("stderr.txt")));
    m_process.start(QStringLiteral("/usr/bin/python3"),
                    QStringList{QStringLiteral(AWB_SOURCE_DIR "/tests/support/mock_llm_server.py"),
                                QStringLiteral("--port"), QStringLiteral("0"),
                                QStringLiteral("--script"), script, QStringLiteral("--log"),
                                logDir()} +
                        extraArgs);
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer;
    while (clock.elapsed() < 20000) {
        if (!m_process.waitForReadyRead(1000) && m_process.state() == QProcess::NotRunning)
            break;
        buffer += m_process.readAllStandardOutput();
        const int at = buffer.indexOf("PORT ");
        if (at >= 0 && buffer.indexOf('\n', at) > at) {
            m_port = buffer.mid(at + 5, buffer.indexOf('\n', at) - at - 5).trimmed().toInt();
            return m_port > 0;
        }
    }
    m_error = QStringLiteral("the mock LLM server did not report its port: %1").arg(stderrText());
    return false;
}

QString MockLlmServer::url(const QString& suffix) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(suffix);
}

QString MockLlmServer::logDir() const
{
    return m_dir.filePath(QStringLiteral("requests"));
}

std::vector<Json> MockLlmServer::requests() const
{
    std::vector<Json> out;
    for (int n = 1;; ++n) {
        QFile f(QDir(logDir()).filePath(QStringLiteral("%1.json").arg(n)));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        out.push_back(Json::parse(f.readAll().toStdString(), nullptr, false));
    }
}

QString MockLlmServer::stderrText() const
{
    QFile f(m_dir.filePath(QStringLiteral("stderr.txt")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll().right(4000)) : QString();
}

QStringList allFiles(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

QString initDemo(const QTemporaryDir& dir, const QMap<QString, QString>& env)
{
    const QString ws = dir.path() + QStringLiteral("/ws");
    const AwbResult r = runAwb({QStringLiteral("demo"), QStringLiteral("init"), ws}, env);
    return r.exitCode == 0 ? ws : QString();
}

QStringList demoRunArgs(const QString& ws)
{
    return {QStringLiteral("run"),           QStringLiteral("q3-reconciliation"),
            QStringLiteral("--workspace"),   ws,
            QStringLiteral("--input"),       demoRequest(),
            QStringLiteral("--approve-all"), QStringLiteral("--json"),
            QStringLiteral("--quiet")};
}

QStringList outboxEmails(const QString& ws)
{
    return QDir(ws + QStringLiteral("/outbox")).entryList({QStringLiteral("*.eml")}, QDir::Files);
}

} // namespace awb::test
