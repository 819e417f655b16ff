// awb: the Agent Workbench command line. Parses the command and hands it to the engine.

#include <QCoreApplication>

#include "Commands.h"
#include "Terminal.h"

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("awb"));
    QCoreApplication::setOrganizationName(QStringLiteral("Agent Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AWB_VERSION));
    using namespace awb::cli;

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("help")) {
        printOut(usage());
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QLatin1String("--version")) {
        printOut(QStringLiteral("awb %1\n").arg(QStringLiteral(AWB_VERSION)));
        return ExitOk;
    }
    const QString command = args.takeFirst();
    const QString sub = args.value(0);
    auto take = [&args] { return args.mid(1); };

    if (command == QLatin1String("run"))
        return runAgent(args);
    if (command == QLatin1String("bench"))
        return benchAgent(args);
    if (command == QLatin1String("resume"))
        return resumeRun(args);
    if (command == QLatin1String("continue"))
        return continueRun(args);
    if (command == QLatin1String("replay"))
        return replayRun(args);
    if (command == QLatin1String("demo") && sub == QLatin1String("init"))
        return demoInit(take());
    if (command == QLatin1String("runs") && sub == QLatin1String("list"))
        return runsList(take());
    if (command == QLatin1String("runs") && sub == QLatin1String("show"))
        return runsShow(take());
    if (command == QLatin1String("tools") && sub == QLatin1String("list"))
        return toolsList(take());
    if (command == QLatin1String("tools") && sub == QLatin1String("call"))
        return toolsCall(take());
    if (command == QLatin1String("audit") && sub == QLatin1String("verify"))
        return auditVerify(take());
    if (command == QLatin1String("audit") && sub == QLatin1String("export"))
        return auditExport(take());
    if (command == QLatin1String("keys") && (sub == QLatin1String("set") || sub == QLatin1String("delete")))
        return keysCommand(sub, take());
    printErr(QStringLiteral("awb: unknown command \"%1\"\n").arg((command + QLatin1Char(' ') + sub).trimmed()) + usage());
    return ExitUsage;
}
