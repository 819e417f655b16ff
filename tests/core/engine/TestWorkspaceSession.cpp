// WorkspaceSession's loaders keep to the workspace: an agent file, the model script it names and
// the workspace's pricing.json are read only as real files inside the workspace (never through a
// link, from a pipe or from the store), refused at once otherwise, and never read from outside
// even when the path is swapped for a link while it is being read.

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include "engine/WorkspaceSession.h"
#include "llm/ScriptedProvider.h"
#include "support/HostileFiles.h"

using namespace awb;

namespace {

QByteArray agentJson(const QString& instructions, const QString& script)
{
    const Json agent = {{"schema_version", 1},
                        {"name", "mini"},
                        {"instructions", toStd(instructions)},
                        {"model", {{"provider", "scripted"}, {"script", toStd(script)}}}};
    return QByteArray::fromStdString(agent.dump(2));
}

QByteArray scriptJson(const QString& text)
{
    const Json script = {
        {"schema_version", 1}, {"model", "mini-model"}, {"turns", {{{"text", toStd(text)}}}}};
    return QByteArray::fromStdString(script.dump(2));
}

QString firstTurn(const PreparedProvider& prepared)
{
    auto* scripted = dynamic_cast<llm::ScriptedProvider*>(prepared.provider.get());
    if (!scripted)
        return {};
    llm::ModelRequest request;
    request.messages.push_back(llm::ChatMessage::user(QStringLiteral("hi")));
    auto reply = scripted->respond(request);
    return reply ? reply->message.text : QString();
}

} // namespace

class TestWorkspaceSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void agentFileThatIsNoRegularFileInsideIsRefused_data();
    void agentFileThatIsNoRegularFileInsideIsRefused();
    void agentNameThatIsAPathIsNotLookedUp();
    void modelScriptThatIsNoRegularFileInsideIsRefused_data();
    void modelScriptThatIsNoRegularFileInsideIsRefused();
    void agentFileSwappedForALinkWhileLoadingIsNeverReadFromOutside();
    void workspacePricingThatIsNoRegularFileInsideIsRefusedAtOnce_data();
    void workspacePricingThatIsNoRegularFileInsideIsRefusedAtOnce();

private:
    Result<std::unique_ptr<WorkspaceSession>> openSession() const
    {
        return WorkspaceSession::open(m_dir->path(), QByteArrayLiteral("test-audit-key"),
                                      QStringLiteral("tester"));
    }
    QString root() const { return m_dir->path(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_outside; // must never be read
};

void TestWorkspaceSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_outside = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_outside->isValid());
    QVERIFY(Workspace::create(root(), QStringLiteral("session")).ok());
    QVERIFY(
        test::writeBytes(root() + QStringLiteral("/agents/mini.agent.json"),
                         agentJson(QStringLiteral("Inside."), QStringLiteral("mini.script.json"))));
    QVERIFY(test::writeBytes(root() + QStringLiteral("/agents/mini.script.json"),
                             scriptJson(QStringLiteral("inside"))));
    // What an agent or a script outside the workspace would say.
    QVERIFY(test::writeBytes(
        m_outside->filePath(QStringLiteral("mini.agent.json")),
        agentJson(QString::fromLatin1(test::outsideMarker()), QStringLiteral("mini.script.json"))));
    QVERIFY(test::writeBytes(m_outside->filePath(QStringLiteral("mini.script.json")),
                             scriptJson(QString::fromLatin1(test::outsideMarker()))));
}

void TestWorkspaceSession::cleanup()
{
    m_dir.reset();
    m_outside.reset();
}

void TestWorkspaceSession::agentFileThatIsNoRegularFileInsideIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("link to outside") << "link to outside"
                                     << "symlink_refused";
    QTest::newRow("agents folder links outside") << "folder link"
                                                 << "symlink_refused";
    QTest::newRow("link loop") << "link loop"
                               << "symlink_refused";
    QTest::newRow("link to /dev/zero") << "link to /dev/zero"
                                       << "symlink_refused";
    QTest::newRow("named pipe") << "named pipe"
                                << "not_a_regular_file";
    QTest::newRow("oversized") << "oversized"
                               << "file_too_large";
}

void TestWorkspaceSession::agentFileThatIsNoRegularFileInsideIsRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    const QString file = root() + QStringLiteral("/agents/mini.agent.json");
    QVERIFY(QFile::remove(file));
    if (kind == QLatin1String("link to outside")) {
        QVERIFY(test::makeSymlink(m_outside->filePath(QStringLiteral("mini.agent.json")), file));
    } else if (kind == QLatin1String("folder link")) {
        QVERIFY(QDir(root() + QStringLiteral("/agents")).removeRecursively());
        QVERIFY(test::makeSymlink(m_outside->path(), root() + QStringLiteral("/agents")));
    } else if (kind == QLatin1String("link loop")) {
        QVERIFY(test::makeSymlink(file, file));
    } else if (kind == QLatin1String("link to /dev/zero")) {
        QVERIFY(test::makeSymlink(QStringLiteral("/dev/zero"), file));
    } else if (kind == QLatin1String("named pipe")) {
        QVERIFY(test::makeFifo(file));
    } else {
        QVERIFY(test::makeSparseFile(file, 64 * 1024 * 1024));
    }
    auto session = openSession();
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.errorMessage()));
    QElapsedTimer clock;
    clock.start();
    auto agent = (*session)->loadAgent(QStringLiteral("mini"));
    QVERIFY2(!agent.ok(), agent.ok() ? qPrintable(agent->instructions) : "");
    QCOMPARE(agent.error().code, code);
    QVERIFY2(!agent.errorMessage().toUtf8().contains(test::outsideMarker()),
             qPrintable(agent.errorMessage()));
    QVERIFY2(clock.elapsed() < 5000, "refused only after reading");
}

void TestWorkspaceSession::agentNameThatIsAPathIsNotLookedUp()
{
    auto session = openSession();
    QVERIFY(session.ok());
    // "../../outside/mini" would otherwise name agents/../../outside/mini.agent.json.
    const QString escape = QDir(root() + QStringLiteral("/agents"))
                               .relativeFilePath(m_outside->filePath(QStringLiteral("mini")));
    QVERIFY(escape.startsWith(QLatin1String("../")));
    auto agent = (*session)->loadAgent(escape);
    QVERIFY2(!agent.ok(), agent.ok() ? qPrintable(agent->instructions) : "");
    QCOMPARE(agent.error().code, QStringLiteral("unknown_agent"));
}

void TestWorkspaceSession::modelScriptThatIsNoRegularFileInsideIsRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("absolute path outside") << "absolute"
                                           << "path_outside_workspace";
    QTest::newRow("relative path leaving") << "relative"
                                           << "path_outside_workspace";
    QTest::newRow("link to outside") << "link to outside"
                                     << "symlink_refused";
    QTest::newRow("named pipe") << "named pipe"
                                << "not_a_regular_file";
    QTest::newRow("store") << "store"
                           << "store_path_refused";
}

void TestWorkspaceSession::modelScriptThatIsNoRegularFileInsideIsRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    const QString outsideScript = m_outside->filePath(QStringLiteral("mini.script.json"));
    const QString inside = root() + QStringLiteral("/agents/mini.script.json");
    QString script = QStringLiteral("mini.script.json");
    if (kind == QLatin1String("absolute")) {
        script = outsideScript;
    } else if (kind == QLatin1String("relative")) {
        script = QDir(root() + QStringLiteral("/agents")).relativeFilePath(outsideScript);
    } else if (kind == QLatin1String("link to outside")) {
        QVERIFY(QFile::remove(inside));
        QVERIFY(test::makeSymlink(outsideScript, inside));
    } else if (kind == QLatin1String("named pipe")) {
        QVERIFY(QFile::remove(inside));
        QVERIFY(test::makeFifo(inside));
    } else {
        script = QStringLiteral("../.awb/workspace.db");
    }
    QVERIFY(test::writeBytes(root() + QStringLiteral("/agents/mini.agent.json"),
                             agentJson(QStringLiteral("Inside."), script)));
    auto session = openSession();
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.errorMessage()));
    auto agent = (*session)->loadAgent(QStringLiteral("mini"));
    QVERIFY2(agent.ok(), agent.ok() ? "" : qPrintable(agent.errorMessage()));
    QElapsedTimer clock;
    clock.start();
    auto prepared = (*session)->prepareProvider(*agent, ProviderChoice());
    QVERIFY2(!prepared.ok(), prepared.ok() ? qPrintable(firstTurn(*prepared)) : "");
    QCOMPARE(prepared.error().code, code);
    QVERIFY2(!prepared.errorMessage().toUtf8().contains(test::outsideMarker()),
             qPrintable(prepared.errorMessage()));
    QVERIFY(clock.elapsed() < 5000);
}

void TestWorkspaceSession::agentFileSwappedForALinkWhileLoadingIsNeverReadFromOutside()
{
    auto session = openSession();
    QVERIFY(session.ok());
    const QString link = root() + QStringLiteral("/agents/link.agent.json");
    QVERIFY(test::makeSymlink(m_outside->filePath(QStringLiteral("mini.agent.json")), link));
    const QString script = root() + QStringLiteral("/agents/mini.script.json");
    const QString scriptLink = root() + QStringLiteral("/agents/link.script.json");
    QVERIFY(test::makeSymlink(m_outside->filePath(QStringLiteral("mini.script.json")), scriptLink));
    {
        test::PathFlipper agentFlipper(root() + QStringLiteral("/agents/mini.agent.json"), link);
        test::PathFlipper scriptFlipper(script, scriptLink);
        for (int i = 0; i < 300; ++i) {
            auto agent = (*session)->loadAgent(QStringLiteral("mini"));
            if (!agent) {
                QVERIFY2(test::isRaceRefusal(agent.error().code), qPrintable(agent.errorMessage()));
                continue;
            }
            QCOMPARE(agent->instructions, QStringLiteral("Inside."));
            auto prepared = (*session)->prepareProvider(*agent, ProviderChoice());
            if (!prepared) {
                QVERIFY2(test::isRaceRefusal(prepared.error().code),
                         qPrintable(prepared.errorMessage()));
                continue;
            }
            QCOMPARE(firstTurn(*prepared), QStringLiteral("inside"));
        }
        QVERIFY(agentFlipper.restore() && scriptFlipper.restore());
        QCOMPARE(agentFlipper.failedErrno(), 0);
        QVERIFY(agentFlipper.swaps() > 0 && scriptFlipper.swaps() > 0);
    }
    auto agent = (*session)->loadAgent(QStringLiteral("mini"));
    QVERIFY2(agent.ok(), agent.ok() ? "" : qPrintable(agent.errorMessage()));
    auto prepared = (*session)->prepareProvider(*agent, ProviderChoice());
    QVERIFY2(prepared.ok(), prepared.ok() ? "" : qPrintable(prepared.errorMessage()));
    QCOMPARE(firstTurn(*prepared), QStringLiteral("inside"));
}

void TestWorkspaceSession::workspacePricingThatIsNoRegularFileInsideIsRefusedAtOnce_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("link to outside") << "link to outside"
                                     << "symlink_refused";
    QTest::newRow("named pipe") << "named pipe"
                                << "not_a_regular_file";
    QTest::newRow("oversized") << "oversized"
                               << "file_too_large";
}

void TestWorkspaceSession::workspacePricingThatIsNoRegularFileInsideIsRefusedAtOnce()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    const QString pricing = root() + QStringLiteral("/pricing.json");
    const QString outside = m_outside->filePath(QStringLiteral("pricing.json"));
    QVERIFY(test::writeBytes(outside, R"({"schema_version": 1, "models": {"x": {}}})"));
    if (kind == QLatin1String("link to outside"))
        QVERIFY(test::makeSymlink(outside, pricing));
    else if (kind == QLatin1String("named pipe"))
        QVERIFY(test::makeFifo(pricing));
    else
        QVERIFY(test::makeSparseFile(pricing, 64 * 1024 * 1024));
    QElapsedTimer clock;
    clock.start();
    auto session = openSession();
    QVERIFY(!session.ok());
    QCOMPARE(session.error().code, code);
    QVERIFY2(session.errorMessage().contains(QLatin1String("pricing.json")),
             qPrintable(session.errorMessage()));
    QVERIFY(clock.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(TestWorkspaceSession)
#include "TestWorkspaceSession.moc"
