#pragma once
// Shared fixtures of the security tests: a scratch workspace database, running helper processes
// (Python, this test binary in a "child mode" with a broken D-Bus address), and the rule for tests
// that need a real keychain (skip, or fail when AWB_REQUIRE_KEYCHAIN=1 as in CI).

#include <QByteArray>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include "security/Keychain.h"
#include "store/Sqlite.h"
#include "util/Json.h"

namespace awb::test {

// Opens (creating and migrating) a workspace database inside dir.
sql::Database openScratchDatabase(const QTemporaryDir& dir);

// /usr/bin/python3 if present, else python3 from PATH; empty when there is none.
QString pythonExecutable();

struct ProcessResult
{
    bool finished = false; // false: could not start, or timed out (and was killed)
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
ProcessResult runProcess(const QString& program, const QStringList& arguments,
                         const QProcessEnvironment& environment, const QByteArray& input = {},
                         int timeoutMs = 60000);

// Why the keychain cannot be used for tests, or empty when it is available and unlocked.
QString keychainUnavailableReason();
bool keychainRequired(); // AWB_REQUIRE_KEYCHAIN=1

// Runs this test binary again in the given child mode with DBUS_SESSION_BUS_ADDRESS pointing at a
// socket that does not exist (and without DISPLAY or AWB_AUDIT_KEY); returns its JSON output.
Json runChildWithoutBus(const QString& mode);
// The child side: performs the mode's action and prints one JSON object. Returns the exit code.
int runChildMode(const QString& mode);

} // namespace awb::test

// For tests that need the real keychain: QSKIP with the reason, or QFAIL when it is required.
#define AWB_REQUIRE_KEYCHAIN()                                                                     \
    do {                                                                                           \
        const QString awbReason = awb::test::keychainUnavailableReason();                          \
        if (!awbReason.isEmpty()) {                                                                \
            if (awb::test::keychainRequired())                                                     \
                QFAIL(qPrintable(awbReason + QStringLiteral(" (AWB_REQUIRE_KEYCHAIN=1)")));        \
            QSKIP(qPrintable(awbReason));                                                          \
        }                                                                                          \
    } while (false)

// QTEST_GUILESS_MAIN, plus the child mode used by runChildWithoutBus().
#define AWB_SECURITY_TEST_MAIN(TestObject)                                                         \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        QCoreApplication app(argc, argv);                                                          \
        if (const QString mode = qEnvironmentVariable("AWB_TEST_CHILD_MODE"); !mode.isEmpty())     \
            return awb::test::runChildMode(mode);                                                  \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
