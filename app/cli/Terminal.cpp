#include "Terminal.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace awb::cli {

namespace {
QString shorten(const QString& s, int max)
{
    QString flat = s;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return flat.size() <= max ? flat : flat.left(max - 1) + QChar(0x2026);
}
} // namespace

Result<QString> readSecret(const QString& prompt)
{
    constexpr qint64 kMaxSecretBytes = 64 * 1024; // stdin may be /dev/zero
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        printErr(prompt);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QByteArray line = in.readLine(kMaxSecretBytes + 1);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        printErr(QString());
    }
    if (line.size() >= kMaxSecretBytes && !line.endsWith('\n'))
        return Error::make(QStringLiteral("the first line of standard input is longer than 64 KB, "
                                          "which is no key; nothing was stored"),
                           QStringLiteral("usage"));
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

void printErr(const QString& line)
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printOut(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

ProgressPrinter::ProgressPrinter(QString runId, bool quiet, QObject* parent)
    : QObject(parent), m_runId(std::move(runId)), m_quiet(quiet), m_err(stderr)
{
}

void ProgressPrinter::endTextLine()
{
    if (m_inText) {
        m_err << '\n';
        m_err.flush();
        m_inText = false;
    }
}

void ProgressPrinter::onEvent(const RunEvent& e)
{
    if (m_quiet || (!m_runId.isEmpty() && e.runId != m_runId))
        return;
    const Json& d = e.data;
    const QString step = e.stepId.isEmpty() ? QString() : QStringLiteral("[%1] ").arg(e.stepId);
    switch (e.kind) {
    case EventKind::RunStarted: {
        const bool scripted = d.value("scripted", false);
        printErr(QStringLiteral("run %1: agent %2, model %3/%4%5")
                     .arg(e.runId, jsonString(d, "agent"), jsonString(d, "provider"), jsonString(d, "model"),
                          scripted ? QStringLiteral(" (scripted: a deterministic model double, not a real LLM)")
                                   : QString()));
        break;
    }
    case EventKind::RunResumed:
        endTextLine();
        printErr(QStringLiteral("run %1 resumed by %2; %3 completed steps are reused, not repeated")
                     .arg(e.runId, jsonString(d, "actor"))
                     .arg(d.value("reused_steps", 0)));
        break;
    case EventKind::StepCreated: {
        const QString kind = jsonString(d, "kind");
        if (kind == QLatin1String("tool"))
            printErr(QStringLiteral("%1tool %2 %3").arg(step, jsonString(d, "name"), shorten(toQ(d.value("arguments", Json::object()).dump()), 160)));
        else if (kind == QLatin1String("approval"))
            printErr(QStringLiteral("%1approval needed for %2 (step %3)").arg(step, jsonString(d, "name"), jsonString(d, "parent")));
        break;
    }
    case EventKind::StepStarted:
        if (d.value("attempt", 1) > 1)
            printErr(QStringLiteral("%1started again (attempt %2)").arg(step).arg(d.value("attempt", 1)));
        break;
    case EventKind::TextDelta:
        if (!m_inText) {
            m_err << step << "model: ";
            m_inText = true;
        }
        m_err << jsonString(d, "text");
        m_err.flush();
        break;
    case EventKind::ModelResponded: {
        endTextLine();
        const Json usage = d.value("usage", Json::object());
        printErr(QStringLiteral("%1model replied (%2 in / %3 out tokens)")
                     .arg(step)
                     .arg(usage.value("input_tokens", 0))
                     .arg(usage.value("output_tokens", 0)));
        break;
    }
    case EventKind::ToolSucceeded:
        printErr(QStringLiteral("%1done in %2 ms, result %3").arg(step).arg(d.value("duration_ms", 0)).arg(jsonString(d, "handle")));
        break;
    case EventKind::StepFailed:
        endTextLine();
        printErr(QStringLiteral("%1failed: %2").arg(step, jsonString(d.value("error", Json::object()), "message")));
        break;
    case EventKind::ApprovalDecided:
        printErr(QStringLiteral("%1%2 by %3").arg(step, d.value("approved", false) ? QStringLiteral("approved") : QStringLiteral("rejected"),
                                                  jsonString(d, "actor")));
        break;
    case EventKind::RunPaused:
        endTextLine();
        printErr(QStringLiteral("run %1 is waiting for approval; approve with: awb resume %1 --workspace %2 --approve-all "
                                "(or --reject)")
                     .arg(e.runId, m_workspace));
        break;
    case EventKind::RunFinished:
        endTextLine();
        printErr(QStringLiteral("run %1 %2").arg(e.runId, jsonString(d, "status")));
        break;
    case EventKind::StepRetried:
        endTextLine();
        printErr(QStringLiteral("%1%2; retrying in %3 ms (attempt %4)")
                     .arg(step, jsonString(d.value("error", Json::object()), "message"))
                     .arg(d.value("delay_ms", 0))
                     .arg(d.value("attempt", 0)));
        break;
    case EventKind::ModelFellBack:
        endTextLine();
        printErr(QStringLiteral("%1%2 failed (%3); continuing on %4")
                     .arg(step, jsonString(d, "from"), jsonString(d.value("error", Json::object()), "message"), jsonString(d, "to")));
        break;
    case EventKind::UserMessage:
    case EventKind::ApprovalRequested:
        break;
    }
}

} // namespace awb::cli
