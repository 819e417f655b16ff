#pragma once
// What `awb` prints while a run executes: progress and streamed text on stderr, in plain lines a
// person can follow and a script can ignore. It reads the same published journal events as the GUI.

#include <QObject>
#include <QTextStream>

#include "engine/RunEvent.h"
#include "util/Result.h"

namespace awb::cli {

class ProgressPrinter : public QObject
{
    Q_OBJECT
public:
    ProgressPrinter(QString runId, bool quiet, QObject* parent = nullptr);
    void setRunId(const QString& runId) { m_runId = runId; }
    void setWorkspace(const QString& root) { m_workspace = root; }
    void onEvent(const awb::RunEvent& event);

private:
    void endTextLine();

    QString m_runId;
    QString m_workspace = QStringLiteral("DIR");
    bool m_quiet = false;
    bool m_inText = false;
    QTextStream m_err;
};

// Writes to stderr / stdout with UTF-8, flushing each line.
void printErr(const QString& line);
void printOut(const QString& text);
// Reads one line from standard input; on a terminal, prompts and hides the echo. A line longer
// than 64 KB is refused (code "usage"): a secret is one short line, never a stream.
Result<QString> readSecret(const QString& prompt);

} // namespace awb::cli
