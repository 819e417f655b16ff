#include "FuzzSupport.h"

#include <QtGlobal>

// libFuzzer calls this once before the first input, in every target this file is linked into.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // Warnings about hostile input (a workspace.json that does not parse, a pattern that does not
    // compile) are expected by the thousand; a fatal message still ends the run (Qt aborts).
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg)
            std::fprintf(stderr, "%s\n", message.toUtf8().constData());
    });
    return 0;
}
