// Prompt versions: saved with a name, date and author in the workspace database, written into
// the agent file (which still loads), found again from the hash a run recorded, and never
// written through a link out of the workspace, even one swapped in while the version is saved.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "agent/AgentDefinition.h"
#include "agent/PromptVersions.h"
#include "store/Migrations.h"
#include "store/Sqlite.h"
#include "support/HostileFiles.h"

using namespace awb;

namespace {
const QByteArray kAgent =
    R"({"schema_version": 1, "name": "mini", "description": "Keeps this.", )"
    R"("instructions": "Help.", "model": {"provider": "openai", "name": "gpt-4o-mini"}})";
}

class TestPromptVersions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void savedVersionsAreNumberedAndListedOldestFirst();
    void getReturnsTheSavedInstructions();
    void getOfAnUnknownVersionFails();
    void saveWritesTheInstructionsIntoTheAgentFile();
    void saveRefusesAnEmptyName();
    void versionOfFindsTheVersionByTheHashOfItsInstructions();
    void runsAreReadFromTheirStartEvents();
    void saveRefusesAnAgentFileThatLinksOutside_data();
    void saveRefusesAnAgentFileThatLinksOutside();
    void agentFileSwappedForALinkWhileSavingIsNeverWrittenOutside();

private:
    PromptVersions versions() const { return PromptVersions(m_dir->path(), dbPath()); }
    QString dbPath() const { return m_dir->filePath(QStringLiteral(".awb/workspace.db")); }
    QString agentPath() const { return m_dir->filePath(QStringLiteral("agents/mini.agent.json")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPromptVersions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("agents")));
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral(".awb")));
    QFile f(agentPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kAgent);
}

void TestPromptVersions::savedVersionsAreNumberedAndListedOldestFirst()
{
    auto first = versions().save(QStringLiteral("mini"), QStringLiteral("baseline"),
                                 QStringLiteral("Help."), QStringLiteral("alice"));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.errorMessage()));
    auto second = versions().save(QStringLiteral("mini"), QStringLiteral("stricter"),
                                  QStringLiteral("Help.\nBe brief."), QStringLiteral("bob"));
    QVERIFY(second.ok());
    QCOMPARE(first->version, 1);
    QCOMPARE(second->version, 2);
    auto list = versions().list(QStringLiteral("mini"));
    QVERIFY(list.ok());
    QCOMPARE(list->size(), std::size_t(2));
    QCOMPARE(list->at(0).name, QStringLiteral("baseline"));
    QCOMPARE(list->at(1).name, QStringLiteral("stricter"));
    QCOMPARE(list->at(1).author, QStringLiteral("bob"));
    QVERIFY(list->at(1).createdAt.isValid());
    QVERIFY(versions().list(QStringLiteral("other"))->empty());
}

void TestPromptVersions::getReturnsTheSavedInstructions()
{
    QVERIFY(versions()
                .save(QStringLiteral("mini"), QStringLiteral("v"),
                      QStringLiteral("Line one\nLine two"), QStringLiteral("alice"))
                .ok());
    auto v = versions().get(QStringLiteral("mini"), 1);
    QVERIFY(v.ok());
    QCOMPARE(v->instructions, QStringLiteral("Line one\nLine two"));
    QCOMPARE(v->sha256, PromptVersions::instructionsHash(QStringLiteral("Line one\nLine two")));
}

void TestPromptVersions::getOfAnUnknownVersionFails()
{
    auto v = versions().get(QStringLiteral("mini"), 7);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code, QStringLiteral("not_found"));
}

void TestPromptVersions::saveWritesTheInstructionsIntoTheAgentFile()
{
    QVERIFY(versions()
                .save(QStringLiteral("mini"), QStringLiteral("v"),
                      QStringLiteral("Reconcile carefully."), QStringLiteral("alice"))
                .ok());
    auto agent = AgentDefinition::load(agentPath());
    QVERIFY2(agent.ok(), qPrintable(agent.ok() ? QString() : agent.errorMessage()));
    QCOMPARE(agent->instructions, QStringLiteral("Reconcile carefully."));
    QCOMPARE(agent->description, QStringLiteral("Keeps this."));
    QCOMPARE(agent->model.name, QStringLiteral("gpt-4o-mini"));
}

void TestPromptVersions::saveRefusesAnEmptyName()
{
    auto v = versions().save(QStringLiteral("mini"), QStringLiteral("  "), QStringLiteral("Help."),
                             QStringLiteral("alice"));
    QVERIFY(!v.ok());
    QVERIFY(versions().list(QStringLiteral("mini"))->empty());
}

void TestPromptVersions::versionOfFindsTheVersionByTheHashOfItsInstructions()
{
    QVERIFY(versions()
                .save(QStringLiteral("mini"), QStringLiteral("a"), QStringLiteral("A"),
                      QStringLiteral("x"))
                .ok());
    QVERIFY(versions()
                .save(QStringLiteral("mini"), QStringLiteral("b"), QStringLiteral("B"),
                      QStringLiteral("x"))
                .ok());
    QCOMPARE(*versions().versionOf(QStringLiteral("mini"),
                                   PromptVersions::instructionsHash(QStringLiteral("A"))),
             1);
    QCOMPARE(*versions().versionOf(QStringLiteral("mini"),
                                   PromptVersions::instructionsHash(QStringLiteral("B"))),
             2);
    QCOMPARE(*versions().versionOf(QStringLiteral("mini"),
                                   PromptVersions::instructionsHash(QStringLiteral("C"))),
             0);
}

void TestPromptVersions::runsAreReadFromTheirStartEvents()
{
    auto db = store::openWorkspaceDatabase(dbPath());
    QVERIFY(db.ok());
    const QString sha = PromptVersions::instructionsHash(QStringLiteral("Help."));
    QVERIFY(db->exec(QStringLiteral(
                         "INSERT INTO events(run_id, seq, time, kind, step_id, data) VALUES "
                         "('r1', 1, '2026-01-01T10:00:00.000Z', 1, NULL, "
                         "'{\"agent\":\"mini\",\"instructions_sha256\":\"%1\"}'),"
                         "('r2', 1, '2026-01-01T11:00:00.000Z', 1, NULL, '{\"agent\":\"other\","
                         "\"instructions_sha256\":\"%1\"}'),"
                         "('r1', 2, '2026-01-01T10:00:01.000Z', 2, NULL, '{\"agent\":\"mini\"}')")
                         .arg(sha))
                .ok());
    auto runs = PromptVersions(m_dir->path(), dbPath()).runs(QStringLiteral("mini"));
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), std::size_t(1));
    QCOMPARE(runs->at(0).runId, QStringLiteral("r1"));
    QCOMPARE(runs->at(0).instructionsSha256, sha);
    QCOMPARE(runs->at(0).startedAt, QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC));
}

void TestPromptVersions::saveRefusesAnAgentFileThatLinksOutside_data()
{
    QTest::addColumn<bool>("folder"); // the agents folder is the link, not the file
    QTest::newRow("file link") << false;
    QTest::newRow("folder link") << true;
}

void TestPromptVersions::saveRefusesAnAgentFileThatLinksOutside()
{
    QFETCH(bool, folder);
    QTemporaryDir outside;
    const QString target = outside.filePath(QStringLiteral("mini.agent.json"));
    QVERIFY(test::writeBytes(target, kAgent));
    if (folder) {
        QVERIFY(QDir(m_dir->filePath(QStringLiteral("agents"))).removeRecursively());
        QVERIFY(test::makeSymlink(outside.path(), m_dir->filePath(QStringLiteral("agents"))));
    } else {
        QVERIFY(QFile::remove(agentPath()));
        QVERIFY(test::makeSymlink(target, agentPath()));
    }
    auto v = versions().save(QStringLiteral("mini"), QStringLiteral("v"),
                             QStringLiteral("Exfiltrate."), QStringLiteral("mallory"));
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code, QStringLiteral("symlink_refused"));
    QCOMPARE(test::readBytes(target), kAgent);
    QVERIFY(versions().list(QStringLiteral("mini"))->empty()); // no version without its file
}

void TestPromptVersions::agentFileSwappedForALinkWhileSavingIsNeverWrittenOutside()
{
    QTemporaryDir outside;
    const QString target = outside.filePath(QStringLiteral("mini.agent.json"));
    QVERIFY(test::writeBytes(target, kAgent));
    const QString link = m_dir->filePath(QStringLiteral("agents/link.agent.json"));
    QVERIFY(test::makeSymlink(target, link));
    int saved = 0;
    {
        test::PathFlipper flipper(agentPath(), link);
        for (int i = 0; i < 100; ++i) {
            auto v = versions().save(QStringLiteral("mini"), QStringLiteral("v%1").arg(i),
                                     QStringLiteral("Version %1.").arg(i), QStringLiteral("x"));
            if (v.ok())
                ++saved;
            else
                QVERIFY2(test::isRaceRefusal(v.error().code), qPrintable(v.errorMessage()));
        }
        flipper.stop();
        QCOMPARE(flipper.failedErrno(), 0);
        QVERIFY(flipper.swaps() > 0);
    }
    QCOMPARE(test::readBytes(target), kAgent);
    QCOMPARE(int(versions().list(QStringLiteral("mini"))->size()), saved);
}

QTEST_GUILESS_MAIN(TestPromptVersions)
#include "TestPromptVersions.moc"
