// Time to first window and memory at idle: the real MainWindow and SessionController, wired as in
// app/main.cpp, on the demo workspace. Without --workspace the program creates the demo workspace
// in a temporary folder and runs itself --runs times on it (each a fresh process, so each start is
// measured from exec); with --workspace DIR it is one such start. Prints figures, asserts nothing.

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>

#include <ctime>

#include "GuiBench.h"
#include "chat/ChatTranscript.h"
#include "chat/ChatView.h"
#include "demo/DemoWorkspace.h"
#include "mainwindow/MainWindow.h"
#include "session/SessionController.h"

using namespace awb;
using namespace awb::guibench;

namespace {

// Milliseconds from the kernel starting this process (exec) to now, from /proc/self/stat.
double msSinceExec()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startS = fields[19].toDouble() / double(::sysconf(_SC_CLK_TCK));
    timespec now{};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startS) * 1000.0;
}

// Notes the first expose of the window's QWindow and the first paint of the main window.
class FirstPaint : public QObject
{
public:
    QElapsedTimer* clock = nullptr;
    double exposeMs = -1;
    double paintMs = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && exposeMs < 0 && watched->isWindowType())
            exposeMs = double(clock->nsecsElapsed()) / 1e6;
        if (event->type() == QEvent::Paint && paintMs < 0 && watched->isWidgetType())
            paintMs = double(clock->nsecsElapsed()) / 1e6;
        return false;
    }
};

int runOnce(int argc, char* argv[], const QString& workspace, int idleMs)
{
    QElapsedTimer clock; // first thing of main's work: everything before is exec and linking
    clock.start();
    const double execToMain = msSinceExec();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("AgentWorkbenchBench"));
    QApplication::setApplicationName(QStringLiteral("agent-workbench-bench"));
    const double appMs = double(clock.nsecsElapsed()) / 1e6;

    ui::SessionController controller;
    ui::MainWindow window(&controller);
    const double constructedMs = double(clock.nsecsElapsed()) / 1e6;
    FirstPaint first;
    first.clock = &clock;
    window.installEventFilter(&first);
    window.winId(); // creates the QWindow so its expose can be watched
    window.windowHandle()->installEventFilter(&first);
    window.show();
    controller.openWorkspace(workspace);

    double openedMs = -1;
    double chatReadyMs = -1;
    QObject::connect(&controller, &ui::SessionController::workspaceOpened, &app,
                     [&] { openedMs = double(clock.nsecsElapsed()) / 1e6; });
    QObject::connect(&controller, &ui::SessionController::workspaceFailed, &app,
                     [&](const QString&, const QString& message) {
                         line(QStringLiteral("workspace failed to open: ") + message);
                         QCoreApplication::exit(1);
                     });
    ui::ChatTranscript* transcript = window.chat()->transcript();
    if (transcript->isReady())
        chatReadyMs = double(clock.nsecsElapsed()) / 1e6;
    QObject::connect(transcript, &ui::ChatTranscript::ready, &app,
                     [&] { chatReadyMs = double(clock.nsecsElapsed()) / 1e6; });

    // Idle: once the window is painted, the workspace open and the chat page loaded, wait idleMs
    // with nothing happening, then read the memory of this process and its children.
    QTimer poll;
    poll.setInterval(50);
    double settledMs = -1;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        const double now = double(clock.nsecsElapsed()) / 1e6;
        if (settledMs < 0 && first.paintMs >= 0 && openedMs >= 0 && chatReadyMs >= 0)
            settledMs = now;
        if (settledMs >= 0 && now - settledMs >= idleMs)
            QCoreApplication::exit(0);
        if (now > 120000) {
            line(QStringLiteral("timed out waiting for the window, the workspace or the chat"));
            QCoreApplication::exit(1);
        }
    });
    poll.start();
    const int rc = QApplication::exec();
    if (rc != 0)
        return rc;

    line(QStringLiteral("platform %1, chat %2, load average %3")
             .arg(QGuiApplication::platformName(),
                  transcript->isRich() ? QStringLiteral("QtWebEngine")
                                       : QStringLiteral("QTextBrowser"),
                  loadAverage()));
    line(QStringLiteral("exec -> main: %1 ms").arg(execToMain, 0, 'f', 1));
    line(QStringLiteral("main -> QApplication constructed: %1 ms").arg(appMs, 0, 'f', 1));
    line(QStringLiteral("main -> MainWindow constructed: %1 ms").arg(constructedMs, 0, 'f', 1));
    line(QStringLiteral("main -> first expose: %1 ms").arg(first.exposeMs, 0, 'f', 1));
    line(QStringLiteral("main -> first paint of the window: %1 ms").arg(first.paintMs, 0, 'f', 1));
    line(QStringLiteral("exec -> first paint of the window: %1 ms")
             .arg(execToMain + first.paintMs, 0, 'f', 1));
    line(QStringLiteral("main -> workspace opened: %1 ms").arg(openedMs, 0, 'f', 1));
    line(QStringLiteral("main -> chat page loaded: %1 ms").arg(chatReadyMs, 0, 'f', 1));

    qint64 rss = 0;
    qint64 pss = 0;
    line(QStringLiteral("memory after %1 ms idle (kB):").arg(idleMs));
    for (const ProcMemory& m : treeMemory()) {
        line(QStringLiteral("  pid %1 %2: RSS %3, PSS %4")
                 .arg(m.pid)
                 .arg(m.name)
                 .arg(m.rssKb)
                 .arg(m.pssKb));
        rss += m.rssKb;
        pss += m.pssKb;
    }
    line(QStringLiteral("memory total: PSS %1 MB, RSS %2 MB (RSS double-counts shared pages)")
             .arg(double(pss) / 1024.0, 0, 'f', 1)
             .arg(double(rss) / 1024.0, 0, 'f', 1));
    window.close();
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    // Child mode is decided before anything else, so its clock starts first.
    QString workspace;
    int idleMs = 3000;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--workspace") && i + 1 < argc)
            workspace = QString::fromLocal8Bit(argv[++i]);
        else if (a.startsWith(QLatin1String("--idle-ms=")))
            idleMs = a.mid(10).toInt();
        else if (a.startsWith(QLatin1String("--runs=")))
            runs = a.mid(7).toInt();
        else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            line(QStringLiteral(
                "usage: gui_startup_bench [--runs=N] [--idle-ms=MS] [--workspace DIR]"));
            return 0;
        }
    }
    if (!workspace.isEmpty())
        return runOnce(argc, argv, workspace, idleMs);

    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        line(QStringLiteral("cannot create a temporary folder"));
        return 1;
    }
    // The audit key from the environment, and settings in a private folder (not the user's).
    qputenv("AWB_AUDIT_KEY", "gui-benchmark-audit-key");
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
    const QString root = dir.filePath(QStringLiteral("demo"));
    auto demo = demo::createDemoWorkspace(root);
    if (!demo.ok()) {
        line(QStringLiteral("demo workspace: ") + demo.errorMessage());
        return 1;
    }
    int failed = 0;
    for (int r = 1; r <= runs; ++r) {
        line(QStringLiteral("## start %1 of %2").arg(r).arg(runs));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(
            QCoreApplication::applicationFilePath(),
            {QStringLiteral("--workspace"), root, QStringLiteral("--idle-ms=%1").arg(idleMs)});
        if (!child.waitForFinished(180000) || child.exitStatus() != QProcess::NormalExit ||
            child.exitCode() != 0) {
            line(QStringLiteral("start %1 failed").arg(r));
            ++failed;
        }
    }
    return failed ? 1 : 0;
}
