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

QStringList allFiles(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

} // namespace awb::test
