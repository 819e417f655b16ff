// Workspace: create/open, workspace.json errors that name the file and the JSON path, paths that
// may not leave the workspace, a workspace.json that is a link, a pipe or endless (refused at
// once), and SMTP settings (AWB_SMTP_URL override, no passwords in files).

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "store/Workspace.h"
#include "support/HostileFiles.h"

using namespace awb;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

// JSON text from a value; moc mis-lexes raw strings that contain "//".
QByteArray jsonBytes(const Json& value)
{
    return QByteArray::fromStdString(value.dump());
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root; // a fresh workspace folder per test

    QString settingsFile() const { return m_root + QStringLiteral("/workspace.json"); }

    Workspace openValid(const QByteArray& json)
    {
        writeFile(settingsFile(), json);
        auto ws = Workspace::open(m_root);
        if (!ws.ok())
            qWarning() << ws.errorMessage();
        return ws.ok() ? std::move(ws).value() : Workspace();
    }

private slots:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        static int counter = 0;
        m_root = m_tmp.filePath(QStringLiteral("ws%1").arg(++counter));
        QVERIFY(QDir().mkpath(m_root));
        qunsetenv("AWB_SMTP_URL");
    }

    void cleanup() { qunsetenv("AWB_SMTP_URL"); }

    void createMakesLayoutAndSettings()
    {
        auto ws = Workspace::create(m_root, QStringLiteral("Acme Finance"));
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.errorMessage()));
        QCOMPARE(ws->root(), m_root);
        QCOMPARE(ws->settings().name, QStringLiteral("Acme Finance"));
        for (const QString& dir :
             {ws->agentsDir(), ws->dataDir(), ws->reportsDir(), ws->outboxDir(), ws->stateDir()})
            QVERIFY2(QFileInfo(dir).isDir(), qPrintable(dir));
        QCOMPARE(ws->databasePath(), m_root + QStringLiteral("/.awb/workspace.db"));
        QFile f(settingsFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Json j = Json::parse(f.readAll().toStdString());
        QCOMPARE(j["schema_version"].get<int>(), Workspace::kSchemaVersion);
        QCOMPARE(j["name"].get<std::string>(), std::string("Acme Finance"));
    }

    void createKeepsExistingSettings()
    {
        writeFile(settingsFile(), R"({"schema_version": 1, "name": "Original"})");
        auto ws = Workspace::create(m_root, QStringLiteral("Replacement"));
        QVERIFY(ws.ok());
        QCOMPARE(ws->settings().name, QStringLiteral("Original"));
    }

    void openWithoutSettingsSaysHowToCreateOne()
    {
        auto ws = Workspace::open(m_root);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, QStringLiteral("not_a_workspace"));
        QVERIFY2(ws.errorMessage().contains(QLatin1String("workspace.json")),
                 qPrintable(ws.errorMessage()));
        QVERIFY2(ws.errorMessage().contains(QLatin1String("awb demo init")),
                 qPrintable(ws.errorMessage()));
    }

    void openNormalisesTheRoot_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("trailing slash") << "/";
        QTest::newRow("trailing dot") << "/.";
        QTest::newRow("dot dot") << "/../{name}";
    }
    void openNormalisesTheRoot()
    {
        QFETCH(QString, suffix);
        suffix.replace(QLatin1String("{name}"), QFileInfo(m_root).fileName());
        writeFile(settingsFile(), R"({"schema_version": 1})");
        auto ws = Workspace::open(m_root + suffix);
        QVERIFY(ws.ok());
        QCOMPARE(ws->root(), m_root);
        // resolve() compares prefixes of the root; a stray "/" would refuse every path.
        auto inside = ws->resolve(QStringLiteral("data/ledger.csv"));
        QVERIFY2(inside.ok(), qPrintable(inside.ok() ? QString() : inside.errorMessage()));
        QCOMPARE(*inside, m_root + QStringLiteral("/data/ledger.csv"));
    }

    void openErrorNamesFileAndPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("invalid JSON")
            << QByteArray("{\n  \"schema_version\": 1,\n}") << "line 3, column 1"
            << "invalid JSON";
        QTest::newRow("not an object") << QByteArray("[]") << "at /:"
                                       << "expected a JSON object";
        QTest::newRow("missing version") << QByteArray("{}") << "at /schema_version:"
                                         << "missing";
        QTest::newRow("version not integer")
            << QByteArray(R"({"schema_version": "1"})") << "at /schema_version:"
            << "not an integer";
        QTest::newRow("version newer")
            << QByteArray(R"({"schema_version": 2})") << "at /schema_version:"
            << "newer than this program";
        QTest::newRow("data sources not object")
            << QByteArray(R"({"schema_version": 1, "data_sources": 5})") << "at /data_sources:"
            << "expected an object";
        QTest::newRow("data source not object")
            << QByteArray(R"({"schema_version": 1, "data_sources": {"ledger": 5}})")
            << "at /data_sources/ledger:"
            << "expected an object";
        QTest::newRow("default agent not a string")
            << QByteArray(R"({"schema_version": 1, "default_agent": 3})") << "at /default_agent:"
            << "expected the name of an agent";
        QTest::newRow("unknown source type")
            << QByteArray(
                   R"({"schema_version": 1, "data_sources": {"ledger": {"type": "oracle"}}})")
            << "at /data_sources/ledger/type:"
            << "unknown type \"oracle\"";
        QTest::newRow("sqlite without path")
            << QByteArray(
                   R"({"schema_version": 1, "data_sources": {"ledger": {"type": "sqlite"}}})")
            << "at /data_sources/ledger/path:"
            << "needs a path";
        QTest::newRow("postgresql without url")
            << QByteArray(
                   R"({"schema_version": 1, "data_sources": {"crm": {"type": "postgresql"}}})")
            << "at /data_sources/crm/url:"
            << "needs a url";
        QTest::newRow("row limit as string")
            << QByteArray(R"({"schema_version": 1, "sql": {"row_limit": "100"}})")
            << "at /sql/row_limit:"
            << "expected a positive integer";
        QTest::newRow("timeout zero")
            << QByteArray(R"({"schema_version": 1, "sql": {"timeout_ms": 0}})")
            << "at /sql/timeout_ms:"
            << "expected a positive integer";
        QTest::newRow("model rows negative")
            << QByteArray(R"({"schema_version": 1, "sql": {"model_rows": -5}})")
            << "at /sql/model_rows:"
            << "expected a positive integer";
        // Fields whose wrong type used to be accepted, silently switching a protection off.
        QTest::newRow("redaction a number")
            << QByteArray(R"({"schema_version": 1, "redaction": 1})") << "at /redaction:"
            << "expected an object, got a number";
        QTest::newRow("redaction a string")
            << QByteArray(R"({"schema_version": 1, "redaction": "str"})") << "at /redaction:"
            << "expected an object, got a string";
        QTest::newRow("redaction pattern a number")
            << QByteArray(R"({"schema_version": 1, "redaction": {"patterns": [5]}})")
            << "at /redaction/patterns/0:"
            << "expected a string, got a number";
        QTest::newRow("redaction patterns not a list")
            << jsonBytes({{"schema_version", 1}, {"redaction", {{"patterns", "[0-9]+"}}}})
            << "at /redaction/patterns:"
            << "expected an array, got a string";
        QTest::newRow("redaction pattern invalid")
            << jsonBytes({{"schema_version", 1}, {"redaction", {{"patterns", {"(unclosed"}}}}})
            << "at /redaction/patterns/0:"
            << "not a valid regular expression";
        QTest::newRow("redaction misspelt")
            << QByteArray(R"({"schema_version": 1, "redaction": {"pattern": ["x"]}})")
            << "at /redaction:"
            << "unknown field \"pattern\"";
        QTest::newRow("top-level field misspelt")
            << QByteArray(R"({"schema_version": 1, "redactoin": {"patterns": ["x"]}})") << "at /:"
            << "unknown field \"redactoin\"";
        QTest::newRow("name a number")
            << QByteArray(R"({"schema_version": 1, "name": 5})") << "at /name:"
            << "expected a string, got a number";
        QTest::newRow("smtp a string") << jsonBytes({{"schema_version", 1},
                                                     {"smtp", "smtp:"
                                                              "//x"}})
                                       << "at /smtp:"
                                       << "expected an object, got a string";
        QTest::newRow("smtp url a number")
            << QByteArray(R"({"schema_version": 1, "smtp": {"url": 25}})") << "at /smtp/url:"
            << "expected a string, got a number";
        QTest::newRow("smtp url of another scheme") << jsonBytes({{"schema_version", 1},
                                                                  {"smtp",
                                                                   {{"url", "http:"
                                                                            "//mail"}}}})
                                                    << "at /smtp/url:"
                                                    << "does not have the expected form";
        QTest::newRow("sql a string")
            << QByteArray(R"({"schema_version": 1, "sql": "fast"})") << "at /sql:"
            << "expected an object, got a string";
        QTest::newRow("sql limit misspelt")
            << QByteArray(R"({"schema_version": 1, "sql": {"rows": 5}})") << "at /sql:"
            << "unknown field \"rows\"";
        QTest::newRow("source path a number")
            << QByteArray(
                   R"({"schema_version": 1, "data_sources": {"l": {"type": "sqlite", "path": 5}}})")
            << "at /data_sources/l/path:"
            << "expected a string, got a number";
        QTest::newRow("smtp password")
            << jsonBytes({{"schema_version", 1},
                          {"smtp", {{"url", "smtp://127.0.0.1:25"}, {"password", "hunter2"}}}})
            << "at /smtp/password:"
            << "keychain";
    }
    void openErrorNamesFileAndPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, what);
        writeFile(settingsFile(), json);
        auto ws = Workspace::open(m_root);
        QVERIFY(!ws.ok());
        QCOMPARE(ws.error().code, QStringLiteral("invalid_workspace"));
        const QString message = ws.errorMessage();
        QVERIFY2(message.startsWith(settingsFile() + QLatin1Char(':')), qPrintable(message));
        QVERIFY2(message.contains(where), qPrintable(message));
        QVERIFY2(message.contains(what), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("hunter2")), qPrintable(message));
    }

    void aValidWorkspaceWithEveryFieldOpens()
    {
        // A value, not a multi-line raw string, which moc cannot lex.
        const Json settings = {
            {"schema_version", 1},
            {"id", "abc_123"},
            {"name", "Books"},
            {"default_agent", "q3"},
            {"data_sources",
             {{"ledger", {{"type", "sqlite"}, {"path", "d.sqlite"}, {"description", "the ERP"}}},
              {"crm",
               {{"type", "postgresql"},
                {"url", "postgresql:"
                        "//h/db"}}}}},
            {"sql", {{"row_limit", 5}, {"timeout_ms", 6}, {"model_rows", 7}}},
            {"smtp",
             {{"url", ""}, {"from", "a@b.example"}, {"username", "u"}, {"ca_file", "ca.pem"}}},
            {"redaction", {{"patterns", {"\\b\\d{3}-\\d{2}-\\d{4}\\b"}}}}};
        const Workspace ws = openValid(QByteArray::fromStdString(settings.dump()));
        QCOMPARE(ws.id(), QStringLiteral("abc_123"));
        QCOMPARE(ws.settings().redactPatterns.size(), 1);
        QCOMPARE(ws.settings().sql.modelRows, 7);
    }

    void eachCreatedWorkspaceGetsItsOwnId()
    {
        auto first = Workspace::create(m_root, QStringLiteral("a"));
        QVERIFY(first.ok());
        const QString id = first->id();
        QVERIFY(Workspace::isValidId(id));
        QVERIFY(id != Workspace::pathDerivedId(m_root));
        QVERIFY(QDir(m_root).removeRecursively());
        auto again = Workspace::create(m_root, QStringLiteral("a")); // the same path, made anew
        QVERIFY(again.ok());
        QVERIFY(again->id() != id);
    }

    void openReadsAllSettings()
    {
        // Built as a value, not a multi-line raw string, which moc cannot lex.
        const Json settings = {
            {"schema_version", 1},
            {"name", "Acme"},
            {"default_agent", "reconcile"},
            {"data_sources",
             {{"ledger", {{"type", "sqlite"}, {"path", "data/ledger.db"}}},
              {"archive", {{"type", "sqlite"}, {"path", "/srv/archive.db"}}},
              {"crm", {{"type", "postgresql"}, {"url", "postgresql://127.0.0.1/crm"}}}}},
            {"sql", {{"row_limit", 500}, {"timeout_ms", 2000}, {"model_rows", 7}}},
            {"smtp",
             {{"url", "smtp://127.0.0.1:2525"},
              {"from", "bot@acme.test"},
              {"username", "bot"},
              {"ca_file", "certs/ca.pem"}}},
            {"redaction", {{"patterns", {"\\d{3}-\\d{2}-\\d{4}", "IBAN"}}}}};
        const Workspace ws = openValid(QByteArray::fromStdString(settings.dump(2)));
        const WorkspaceSettings& s = ws.settings();
        QCOMPARE(s.name, QStringLiteral("Acme"));
        QCOMPARE(s.defaultAgent, QStringLiteral("reconcile"));
        QCOMPARE(int(s.dataSources.size()), 3);
        QCOMPARE(s.dataSources.at(QStringLiteral("ledger")).path,
                 m_root + QStringLiteral("/data/ledger.db"));
        QCOMPARE(s.dataSources.at(QStringLiteral("archive")).path,
                 QStringLiteral("/srv/archive.db"));
        QCOMPARE(s.dataSources.at(QStringLiteral("crm")).type, QStringLiteral("postgresql"));
        QCOMPARE(s.dataSources.at(QStringLiteral("crm")).url,
                 QStringLiteral("postgresql://127.0.0.1/crm"));
        QCOMPARE(s.sql.rowLimit, 500);
        QCOMPARE(s.sql.timeoutMs, 2000);
        QCOMPARE(s.sql.modelRows, 7);
        QCOMPARE(s.smtp.url, QStringLiteral("smtp://127.0.0.1:2525"));
        QCOMPARE(s.smtp.from, QStringLiteral("bot@acme.test"));
        QCOMPARE(s.smtp.username, QStringLiteral("bot"));
        QCOMPARE(s.smtp.caFile, QStringLiteral("certs/ca.pem"));
        QCOMPARE(s.redactPatterns,
                 QStringList({QStringLiteral("\\d{3}-\\d{2}-\\d{4}"), QStringLiteral("IBAN")}));
    }

    void openDefaultsNameToFolderAndLimits()
    {
        const Workspace ws = openValid(R"({"schema_version": 1})");
        QCOMPARE(ws.settings().name, QFileInfo(m_root).fileName());
        QCOMPARE(ws.settings().sql.rowLimit, SqlLimits().rowLimit);
        QCOMPARE(ws.settings().sql.timeoutMs, SqlLimits().timeoutMs);
        QCOMPARE(ws.settings().sql.modelRows, SqlLimits().modelRows);
    }

    void resolveStaysInsideTheWorkspace_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected"); // relative to the root; null when refused
        QTest::newRow("plain") << "data/ledger.csv"
                               << "data/ledger.csv";
        QTest::newRow("dot segments") << "./data/../reports/r.pdf"
                                      << "reports/r.pdf";
        QTest::newRow("double slashes") << "data//x//"
                                        << "data/x";
        QTest::newRow("root itself") << "."
                                     << "";
        QTest::newRow("back in after leaving") << "../{name}/a.txt"
                                               << "a.txt";
        // Cleaning is lexical: the path need not exist and no symlink is followed.
        QTest::newRow("missing folders") << "no/such/dir/../file"
                                         << "no/such/file";
        QTest::newRow("absolute inside") << "{root}/data/x.csv"
                                         << "data/x.csv";
        QTest::newRow("parent") << "../x" << QString();
        QTest::newRow("parent after folder") << "data/../../x" << QString();
        QTest::newRow("deep escape") << "a/b/../../../../etc/passwd" << QString();
        QTest::newRow("absolute elsewhere") << "/etc/passwd" << QString();
        QTest::newRow("sibling with same prefix") << "{root}2/x" << QString();
        QTest::newRow("absolute escaping with dots") << "{root}/../x" << QString();
        QTest::newRow("parent only") << ".." << QString();
        QTest::newRow("empty") << "" << QString();
    }
    void resolveStaysInsideTheWorkspace()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        path.replace(QLatin1String("{root}"), m_root);
        path.replace(QLatin1String("{name}"), QFileInfo(m_root).fileName());
        const Workspace ws = openValid(R"({"schema_version": 1})");
        auto resolved = ws.resolve(path);
        if (expected.isNull()) {
            QVERIFY2(!resolved.ok(), qPrintable(resolved.ok() ? *resolved : QString()));
            QCOMPARE(resolved.error().code, path.isEmpty()
                                                ? QStringLiteral("invalid_path")
                                                : QStringLiteral("path_outside_workspace"));
            return;
        }
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.errorMessage()));
        QCOMPARE(*resolved, expected.isEmpty() ? m_root : m_root + QLatin1Char('/') + expected);
    }

    void resolveErrorNamesPathAndWorkspace()
    {
        const Workspace ws = openValid(R"({"schema_version": 1})");
        auto resolved = ws.resolve(QStringLiteral("../secrets.txt"));
        QVERIFY(!resolved.ok());
        QVERIFY(resolved.errorMessage().contains(QLatin1String("../secrets.txt")));
        QVERIFY(resolved.errorMessage().contains(m_root));
    }

    void settingsThatAreNoRegularFileInsideAreRefusedAtOnce_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("link to outside") << "link to outside"
                                         << "symlink_refused";
        QTest::newRow("link to /dev/zero") << "link to /dev/zero"
                                           << "symlink_refused";
        QTest::newRow("link loop") << "link loop"
                                   << "symlink_refused";
        QTest::newRow("named pipe") << "named pipe"
                                    << "not_a_regular_file";
        QTest::newRow("folder") << "folder"
                                << "not_a_regular_file";
        QTest::newRow("oversized") << "oversized"
                                   << "file_too_large";
    }
    void settingsThatAreNoRegularFileInsideAreRefusedAtOnce()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QTemporaryDir outside;
        const QString secret = outside.filePath(QStringLiteral("workspace.json"));
        writeFile(secret, jsonBytes({{"schema_version", 1}, {"name", "OUTSIDE"}}));
        const QString file = settingsFile();
        if (kind == QLatin1String("link to outside"))
            QVERIFY(test::makeSymlink(secret, file));
        else if (kind == QLatin1String("link to /dev/zero"))
            QVERIFY(test::makeSymlink(QStringLiteral("/dev/zero"), file));
        else if (kind == QLatin1String("link loop"))
            QVERIFY(test::makeSymlink(file, file));
        else if (kind == QLatin1String("named pipe"))
            QVERIFY(test::makeFifo(file));
        else if (kind == QLatin1String("folder"))
            QVERIFY(QDir().mkpath(file));
        else
            QVERIFY(test::makeSparseFile(file, 64 * 1024 * 1024));
        QElapsedTimer clock;
        clock.start();
        auto ws = Workspace::open(m_root);
        QVERIFY2(!ws.ok(), ws.ok() ? qPrintable(ws->settings().name) : "");
        QCOMPARE(ws.error().code, code);
        QVERIFY2(ws.errorMessage().contains(QLatin1String("workspace.json")),
                 qPrintable(ws.errorMessage()));
        QVERIFY2(clock.elapsed() < 5000, "refused only after reading");
        // The id is path-derived then, also at once and without reading outside.
        clock.restart();
        QCOMPARE(Workspace::idFor(m_root), Workspace::pathDerivedId(m_root));
        QVERIFY(clock.elapsed() < 5000);
    }

    void settingsSwappedForALinkWhileOpeningAreNeverReadFromOutside()
    {
        QTemporaryDir outside;
        const QString secret = outside.filePath(QStringLiteral("workspace.json"));
        writeFile(secret,
                  jsonBytes({{"schema_version", 1}, {"id", "outside"}, {"name", "OUTSIDE"}}));
        writeFile(settingsFile(),
                  jsonBytes({{"schema_version", 1}, {"id", "inside"}, {"name", "Inside"}}));
        const QString link = m_root + QStringLiteral("/link.json");
        QVERIFY(test::makeSymlink(secret, link));
        test::PathFlipper flipper(settingsFile(), link);
        for (int i = 0; i < 400; ++i) {
            auto ws = Workspace::open(m_root);
            if (ws.ok()) {
                QCOMPARE(ws->settings().name, QStringLiteral("Inside"));
            } else {
                QVERIFY2(test::isRaceRefusal(ws.error().code), qPrintable(ws.errorMessage()));
            }
            QVERIFY(Workspace::idFor(m_root) != QLatin1String("outside"));
        }
        QVERIFY(flipper.restore());
        QCOMPARE(flipper.failedErrno(), 0);
        QVERIFY(flipper.swaps() > 0);
        auto after = Workspace::open(m_root);
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.errorMessage()));
        QCOMPARE(after->settings().name, QStringLiteral("Inside"));
    }

    void smtpUrlFromEnvironmentOverridesSettings()
    {
        const Workspace ws = openValid(
            jsonBytes({{"schema_version", 1},
                       {"smtp", {{"url", "smtp://127.0.0.1:25"}, {"from", "bot@acme.test"}}}}));
        QCOMPARE(ws.effectiveSmtp().url, QStringLiteral("smtp://127.0.0.1:25"));
        qputenv("AWB_SMTP_URL", "smtp://127.0.0.1:2525");
        QCOMPARE(ws.effectiveSmtp().url, QStringLiteral("smtp://127.0.0.1:2525"));
        QCOMPARE(ws.effectiveSmtp().from, QStringLiteral("bot@acme.test"));
        QCOMPARE(ws.settings().smtp.url, QStringLiteral("smtp://127.0.0.1:25"));
    }

    void smtpDefaultsToOutboxAndLocalSender()
    {
        const Workspace ws = openValid(R"({"schema_version": 1})");
        QVERIFY(ws.effectiveSmtp().url.isEmpty());
        QCOMPARE(ws.effectiveSmtp().from, QStringLiteral("agent-workbench@localhost"));
    }

    void dataSourceLookup()
    {
        const Workspace ws = openValid(
            R"({"schema_version": 1, "data_sources": {"b_ledger": {"type": "sqlite", "path": "b.db"},)"
            R"("a_crm": {"type": "sqlite", "path": "a.db"}}})");
        QCOMPARE(ws.dataSource(QStringLiteral("b_ledger"))->path, m_root + QStringLiteral("/b.db"));
        QCOMPARE(ws.dataSource()->name, QStringLiteral("a_crm")); // first by name
        auto unknown = ws.dataSource(QStringLiteral("erp"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("unknown_source"));
        QVERIFY2(unknown.errorMessage().contains(QLatin1String("known: a_crm, b_ledger")),
                 qPrintable(unknown.errorMessage()));
    }

    void aDataSourceThatIsTheStoreIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("the store by name") << ".awb/workspace.db";
        QTest::newRow("through a link") << "data/ledger.sqlite";
        QTest::newRow("through a hard link") << "data/copy.sqlite";
    }

    void aDataSourceThatIsTheStoreIsRefused()
    {
        QFETCH(QString, path);
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/.awb")));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/data")));
        writeFile(m_root + QStringLiteral("/.awb/workspace.db"), "SQLite format 3");
        QVERIFY(QFile::link(m_root + QStringLiteral("/.awb/workspace.db"),
                            m_root + QStringLiteral("/data/ledger.sqlite")));
        QVERIFY(
            ::link(QFile::encodeName(m_root + QStringLiteral("/.awb/workspace.db")).constData(),
                   QFile::encodeName(m_root + QStringLiteral("/data/copy.sqlite")).constData()) ==
            0);
        const Workspace ws = openValid(jsonBytes(
            {{"schema_version", 1},
             {"data_sources", {{"ledger", {{"type", "sqlite"}, {"path", toStd(path)}}}}}}));
        const auto source = ws.dataSource(QStringLiteral("ledger"));
        QVERIFY(!source.ok());
        QCOMPARE(source.error().code, QStringLiteral("store_path_refused"));
        // A real ledger beside it is fine.
        writeFile(m_root + QStringLiteral("/data/real.sqlite"), "SQLite format 3");
        const Workspace other = openValid(jsonBytes(
            {{"schema_version", 1},
             {"data_sources", {{"ledger", {{"type", "sqlite"}, {"path", "data/real.sqlite"}}}}}}));
        QVERIFY(other.dataSource(QStringLiteral("ledger")).ok());
    }

    void dataSourceWhenNoneConfigured()
    {
        const Workspace ws = openValid(R"({"schema_version": 1})");
        auto none = ws.dataSource();
        QVERIFY(!none.ok());
        QVERIFY2(none.errorMessage().contains(QLatin1String("no data sources")),
                 qPrintable(none.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "TestWorkspace.moc"
