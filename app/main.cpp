// agent-workbench: the desktop front end. Parses arguments, loads the translation for the system
// locale and wires a SessionController to the main window; everything else lives in ui/ and core/.

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <unistd.h>

#include "mainwindow/MainWindow.h"
#include "session/SessionController.h"
#include "settings/SettingsStore.h"

int main(int argc, char* argv[])
{
    // Chromium (QtWebEngine, the chat) refuses to start its sandbox as root and aborts; started as
    // root (packaging/setup.sh run under sudo), the window comes up without that sandbox instead.
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX")) {
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
        std::fputs("agent-workbench: running as root, so the chat's web engine runs without its "
                   "sandbox; run as a normal user to keep it\n",
                   stderr);
    }
    // QtWebEngine (the chat) shares OpenGL contexts with the widgets; it must be said before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("AgentWorkbench"));
    QApplication::setApplicationName(QStringLiteral("agent-workbench"));
    // Lets Wayland and the desktop match the window to packaging/agent-workbench.desktop and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("agent-workbench"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("agent-workbench")));
    QApplication::setApplicationDisplayName(QStringLiteral("Agent Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(AWB_VERSION));
    // No style sheet and no palette of our own: the window follows the system palette.

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale::system(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale::system(), QStringLiteral("awb"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Run LLM agents against real data and watch every step."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(
        QStringList{QStringLiteral("w"), QStringLiteral("workspace")},
        QApplication::translate("main", "Open the workspace in DIR."), QStringLiteral("DIR"));
    parser.addOption(workspace);
    parser.process(app);

    // Before the first QSettings: it would read a settings file that is a pipe forever.
    if (awb::Status s = awb::ui::settings::checkSettingsFiles(); !s) {
        QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), s.errorMessage());
        return 1;
    }

    awb::ui::SessionController controller;
    awb::ui::MainWindow window(&controller);
    window.show();

    QString dir = parser.value(workspace);
    if (dir.isEmpty()) {
        // Reopen the last workspace when it still exists; otherwise start empty.
        const QString last = QSettings().value(QStringLiteral("workspace/last")).toString();
        if (!last.isEmpty() && QDir(last).exists(QStringLiteral("workspace.json")))
            dir = last;
    }
    if (!dir.isEmpty())
        controller.openWorkspace(dir);
    return QApplication::exec();
}
