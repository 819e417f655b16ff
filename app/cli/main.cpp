// awb: the Agent Workbench command line. Parses the command and hands it to the engine.

#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "Commands.h"
#include "Terminal.h"

namespace {

int dispatch(QStringList args)
{
    using namespace awb::cli;
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
    if (command == QLatin1String("audit") && sub == QLatin1String("key") &&
        (args.value(1) == QLatin1String("export") || args.value(1) == QLatin1String("import")))
        return auditKeyCommand(args.value(1), args.mid(2));
    if (command == QLatin1String("store") && sub == QLatin1String("check"))
        return storeCheck(take());
    if (command == QLatin1String("store") && sub == QLatin1String("salvage"))
        return storeSalvage(take());
    if (command == QLatin1String("keys") && (sub == QLatin1String("set") || sub == QLatin1String("delete")))
        return keysCommand(sub, take());
    printErr(QStringLiteral("awb: unknown command \"%1\"\n").arg((command + QLatin1Char(' ') + sub).trimmed()) + usage());
    return ExitUsage;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("awb"));
    QCoreApplication::setOrganizationName(QStringLiteral("Agent Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AWB_VERSION));
    const int status = dispatch(QCoreApplication::arguments().mid(1));
    // What a command printed on stdout (--json, an export to -) is part of its result: a full
    // disk or a closed pipe there is a failure, not a success.
    // A reader that stopped early (`| head`) is not an error of ours.
    if ((std::fflush(stdout) != 0 || std::ferror(stdout)) && errno != EPIPE) {
        awb::cli::printErr(QStringLiteral("awb: cannot write to standard output: %1")
                               .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return status == awb::cli::ExitOk ? awb::cli::ExitFailed : status;
    }
    return status;
}
