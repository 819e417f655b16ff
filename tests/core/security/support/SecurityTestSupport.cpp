#include "core/security/support/SecurityTestSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

#include "security/AuditKey.h"
#include "store/Migrations.h"

namespace awb::test {

sql::Database openScratchDatabase(const QTemporaryDir& dir)
{
    auto db = store::openWorkspaceDatabase(dir.filePath(QStringLiteral("workspace.db")));
    if (!db)
        qFatal("cannot open the scratch database: %s", qPrintable(db.errorMessage()));
    return std::move(db).value();
}

QString pythonExecutable()
{
    if (QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable())
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

ProcessResult runProcess(const QString& program, const QStringList& arguments,
                         const QProcessEnvironment& environment, const QByteArray& input,
                         int timeoutMs)
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString keychainUnavailableReason()
{
    const Keychain::State state = Keychain::probe();
    if (state == Keychain::State::Available)
        return {};
    return QStringLiteral("the keychain is %1; run the test inside "
                          "tests/support/keyring-session.sh to get a private unlocked one")
        .arg(Keychain::stateName(state));
}

bool keychainRequired()
{
    return qEnvironmentVariable("AWB_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

Json runChildWithoutBus(const QString& mode)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AWB_TEST_CHILD_MODE"), mode);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/awb-test/no-bus"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QString::fromLatin1(AuditKey::kEnvironmentVariable));
    const ProcessResult child = runProcess(QCoreApplication::applicationFilePath(), {}, env);
    if (!child.finished || child.exitCode != 0)
        return Json{{"failed", true}, {"stderr", child.err.toStdString()}};
    auto parsed = parseJson(child.out);
    return parsed ? *parsed : Json{{"failed", true}, {"stdout", child.out.toStdString()}};
}

int runChildMode(const QString& mode)
{
    QElapsedTimer timer;
    timer.start();
    Json out;
    if (mode == QLatin1String("keychain-read")) {
        auto read = Keychain::read(QStringLiteral("test/child-probe"));
        out["ok"] = read.ok();
        out["found"] = read.ok() && read->has_value();
        if (!read) {
            out["code"] = toStd(read.error().code);
            out["message"] = toStd(read.errorMessage());
        }
        Status write =
            Keychain::write(QStringLiteral("test/child-probe"), QStringLiteral("secret"));
        out["write_code"] = write.ok() ? "" : toStd(write.error().code);
        out["state"] = toStd(Keychain::stateName(Keychain::probe()));
    } else if (mode == QLatin1String("audit-key")) {
        const QString root = QCoreApplication::applicationDirPath();
        auto key = AuditKey::resolve(root);
        out["ok"] = key.ok();
        if (!key) {
            out["code"] = toStd(key.error().code);
            out["message"] = toStd(key.errorMessage());
        }
    } else {
        std::fprintf(stderr, "unknown child mode %s\n", qPrintable(mode));
        return 2;
    }
    out["elapsed_ms"] = timer.elapsed();
    const QByteArray text = canonicalJson(out);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    return 0;
}

} // namespace awb::test
