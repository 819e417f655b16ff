#include "core/mail/support/MailTestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace mailtest {

SmtpSink::~SmtpSink()
{
    stop();
}

QString SmtpSink::start(const QString& maildir, const QStringList& extraArgs)
{
    stop();
    m_maildir = maildir;
    m_process = std::make_unique<QProcess>();
    QStringList args = {QStringLiteral(AWB_SOURCE_DIR "/tests/support/smtp_sink.py"),
                        QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--maildir"),
                        maildir};
    args += extraArgs;
    // Debian's interpreter: the one on PATH may lack python3-aiosmtpd.
    m_process->start(QStringLiteral("/usr/bin/python3"), args);
    if (!m_process->waitForStarted(10000))
        return QStringLiteral("cannot start /usr/bin/python3: %1").arg(m_process->errorString());
    QElapsedTimer timer;
    timer.start();
    while (!m_process->canReadLine()) {
        if (m_process->state() == QProcess::NotRunning || timer.elapsed() > 20000)
            return QStringLiteral(
                       "the SMTP sink did not start (is python3-aiosmtpd installed?): %1")
                .arg(QString::fromUtf8(m_process->readAllStandardError()));
        m_process->waitForReadyRead(500);
    }
    const QByteArray line = m_process->readLine().trimmed();
    if (!line.startsWith("PORT "))
        return QStringLiteral("unexpected first line from the SMTP sink: %1")
            .arg(QString::fromUtf8(line));
    m_port = quint16(line.mid(5).toUInt());
    return {};
}

void SmtpSink::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: the sink exits cleanly
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QString SmtpSink::url(const QString& scheme) const
{
    return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_port);
}

std::vector<ReceivedMessage> SmtpSink::messages() const
{
    std::vector<ReceivedMessage> out;
    for (int n = 1;; ++n) {
        QFile eml(QDir(m_maildir).filePath(QStringLiteral("%1.eml").arg(n)));
        QFile json(QDir(m_maildir).filePath(QStringLiteral("%1.json").arg(n)));
        if (!eml.open(QIODevice::ReadOnly) || !json.open(QIODevice::ReadOnly))
            break;
        out.push_back(
            {eml.readAll(), awb::Json::parse(json.readAll().toStdString(), nullptr, false)});
    }
    return out;
}

QString makeSelfSignedCertificate(const QString& dir)
{
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), QDir(dir).filePath(QStringLiteral("key.pem")),
             QStringLiteral("-out"), QDir(dir).filePath(QStringLiteral("cert.pem")),
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
             QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!p.waitForStarted(10000))
        return QStringLiteral("cannot run openssl (install the openssl package)");
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("openssl failed: %1")
            .arg(QString::fromUtf8(p.readAllStandardError()));
    return {};
}

QByteArray attachmentData(const QByteArray& eml, const QString& fileName)
{
    static const QRegularExpression boundaryRe(QStringLiteral("boundary=\"([^\"]+)\""));
    const auto m = boundaryRe.match(QString::fromUtf8(eml));
    if (!m.hasMatch())
        return {};
    const QByteArray delimiter = "\r\n--" + m.captured(1).toUtf8();
    qsizetype pos = 0;
    while ((pos = eml.indexOf(delimiter, pos)) >= 0) {
        const qsizetype start = pos + delimiter.size();
        const qsizetype next = eml.indexOf(delimiter, start);
        const QByteArray part = eml.mid(start, next < 0 ? -1 : next - start);
        const qsizetype headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd > 0 &&
            part.left(headerEnd).contains("filename=\"" + fileName.toUtf8() + "\"")) {
            QByteArray body = part.mid(headerEnd + 4);
            body.replace("\r\n", "");
            return QByteArray::fromBase64(body);
        }
        pos = start;
    }
    return {};
}

awb::Result<MemoryEffectJournal::Record> MemoryEffectJournal::lookup(const QString& key) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_records.find(key);
    return it == m_records.end() ? Record{} : it->second;
}

awb::Status MemoryEffectJournal::record(const QString& key, State state, const awb::Json& detail)
{
    QMutexLocker lock(&m_mutex);
    if (failRecords)
        return awb::Error::make(QStringLiteral("disk full (simulated)"),
                                QStringLiteral("io_error"));
    m_records[key] = Record{state, detail};
    history.emplace_back(key, state);
    return awb::Status::success();
}

} // namespace mailtest
