// The Settings dialog: provider profiles and budgets in QSettings, keys in the real keychain and in
// no file, SMTP settings in workspace.json with an audit entry, and the connection test against a
// local HTTP server. Keychain tests need a Secret Service (tests/support/keyring-session.sh); they
// skip without one, or fail when AWB_REQUIRE_KEYCHAIN=1.

#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include "demo/DemoWorkspace.h"
#include "engine/Journal.h"
#include "security/Keychain.h"
#include "session/SessionController.h"
#include "settings/KeyField.h"
#include "settings/SettingsDialog.h"
#include "settings/SettingsStore.h"
#include "support/HostileFiles.h"

using namespace awb;
using awb::ui::KeyField;
using awb::ui::SessionController;
using awb::ui::SettingsDialog;

namespace {
constexpr int kTimeoutMs = 30000;

template <typename T> T* child(QWidget& w, const char* name)
{
    return w.findChild<T*>(QString::fromLatin1(name));
}

// Files under dir whose bytes contain needle.
QStringList filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

// Answers every HTTP request with one fixed response: a stand-in provider on 127.0.0.1.
class OneAnswerServer : public QTcpServer
{
public:
    explicit OneAnswerServer(QByteArray status, QByteArray body)
        : m_status(std::move(status)), m_body(std::move(body))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    m_request += s->readAll();
                    const qsizetype end = m_request.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    s->write("HTTP/1.1 " + m_status +
                             "\r\nContent-Type: application/json\r\nContent-Length: " +
                             QByteArray::number(m_body.size()) + "\r\nConnection: close\r\n\r\n" +
                             m_body);
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    const QByteArray& request() const { return m_request; }

private:
    QByteArray m_status, m_body, m_request;
};
} // namespace

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void keyEnteredLandsInTheKeychainAndInNoFile();
    void profilesAndBudgetsAreSavedInTheSettings();
    void invalidBudgetIsRefusedWithAMessage();
    void smtpSettingsAreWrittenToTheWorkspaceAndAudited();
    void smtpSettingsAreNeverWrittenThroughALinkOutside();
    void aSettingsFileThatIsAPipeIsRefusedBeforeQSettingsReadsIt();
    void testConnectionReportsSuccess();
    void testConnectionReportsTheProvidersError();
    void screenshot();

private:
    // Adds a profile through the dialog's controls.
    void addProfile(SettingsDialog& dialog, const QString& name, const QString& provider,
                    const QString& model, const QString& baseUrl = {});
    bool saveAndWait(SettingsDialog& dialog);
    QString keychainUnavailable() const;

    QTemporaryDir m_dir;
    QString m_workspace;
    std::unique_ptr<SessionController> m_controller;
    QStringList m_entries; // keychain entries to remove afterwards
};

void TestSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("AWB_AUDIT_KEY", "test-audit-key-for-settings");
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(var, m_dir.filePath(QString::fromLatin1(var).toLower()).toUtf8());
    qunsetenv("OPENAI_API_KEY");
    QCoreApplication::setOrganizationName(QStringLiteral("AgentWorkbenchTest"));
    QCoreApplication::setApplicationName(QStringLiteral("agent-workbench-settings-test"));
    m_workspace = m_dir.filePath(QStringLiteral("demo"));
    auto demo = demo::createDemoWorkspace(m_workspace);
    QVERIFY2(demo.ok(), qPrintable(demo.ok() ? QString() : demo.errorMessage()));
    m_controller = std::make_unique<SessionController>();
    QSignalSpy opened(m_controller.get(), &SessionController::workspaceOpened);
    m_controller->openWorkspace(m_workspace);
    QVERIFY(opened.wait(kTimeoutMs));
}

void TestSettings::cleanup()
{
    for (const QString& entry : std::as_const(m_entries))
        (void)Keychain::remove(entry);
    m_entries.clear();
    QSettings().clear();
}

QString TestSettings::keychainUnavailable() const
{
    const Keychain::State state = Keychain::probe();
    return state == Keychain::State::Available
               ? QString()
               : QStringLiteral("the keychain is %1 (run under tests/support/keyring-session.sh)")
                     .arg(Keychain::stateName(state));
}

void TestSettings::addProfile(SettingsDialog& dialog, const QString& name, const QString& provider,
                              const QString& model, const QString& baseUrl)
{
    QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);
    auto* nameEdit = child<QLineEdit>(dialog, "profileNameEdit");
    nameEdit->setText(name);
    Q_EMIT nameEdit->editingFinished();
    child<QComboBox>(dialog, "profileProviderCombo")->setCurrentText(provider);
    for (const auto& [field, value] :
         {std::pair{"profileModelEdit", model}, std::pair{"profileBaseUrlEdit", baseUrl}}) {
        auto* edit = child<QLineEdit>(dialog, field);
        edit->setText(value);
        Q_EMIT edit->editingFinished();
    }
}

bool TestSettings::saveAndWait(SettingsDialog& dialog)
{
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QSignalSpy failed(&dialog, &SettingsDialog::saveFailed);
    QTest::mouseClick(child<QPushButton>(dialog, "settingsSaveButton"), Qt::LeftButton);
    // Bounded: the SMTP part is written on a worker thread.
    QDeadlineTimer deadline(kTimeoutMs);
    while (saved.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
        QTest::qWait(20);
    return !saved.isEmpty();
}

void TestSettings::keyEnteredLandsInTheKeychainAndInNoFile()
{
    if (const QString why = keychainUnavailable(); !why.isEmpty()) {
        if (qEnvironmentVariable("AWB_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL(qPrintable(why + QStringLiteral(" (AWB_REQUIRE_KEYCHAIN=1)")));
        QSKIP(qPrintable(why));
    }
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    const QString profile = QStringLiteral("test-") + id.left(12);
    const QString apiKey = QStringLiteral("sk-settings-test-") + id;
    const QString password = QStringLiteral("smtp-pass-") + id;
    m_entries << QStringLiteral("provider/") + profile
              << QStringLiteral("smtp/bot-%1@mail.example.com").arg(id.left(8));

    SettingsDialog dialog(m_controller.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    addProfile(dialog, profile, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
    auto* keyField = child<KeyField>(dialog, "providerKeyField");
    QTRY_COMPARE_WITH_TIMEOUT(keyField->state(), KeyField::State::Missing, kTimeoutMs);
    auto* keyEdit = child<QLineEdit>(dialog, "providerKeyEdit");
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(keyEdit, apiKey);
    QTest::mouseClick(child<QPushButton>(dialog, "providerKeyStoreButton"), Qt::LeftButton);
    QVERIFY(keyEdit->text().isEmpty()); // cleared at once, never shown again
    QTRY_COMPARE_WITH_TIMEOUT(keyField->state(), KeyField::State::Stored, kTimeoutMs);
    QVERIFY(child<QLabel>(dialog, "providerKeyState")
                ->text()
                .contains(QLatin1String("Stored in keychain")));

    // The SMTP password goes to the entry of its account.
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(dialog, "smtpUrlEdit")->isEnabled(), kTimeoutMs);
    child<QLineEdit>(dialog, "smtpUrlEdit")->setText(QStringLiteral("smtp://mail.example.com:587"));
    child<QLineEdit>(dialog, "smtpUsernameEdit")->setText(QStringLiteral("bot-") + id.left(8));
    auto* passwordField = child<KeyField>(dialog, "smtpPasswordField");
    QCOMPARE(passwordField->entry(), m_entries.last());
    QTRY_COMPARE_WITH_TIMEOUT(passwordField->state(), KeyField::State::Missing, kTimeoutMs);
    QTest::keyClicks(child<QLineEdit>(dialog, "smtpPasswordEdit"), password);
    QTest::mouseClick(child<QPushButton>(dialog, "smtpPasswordStoreButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(passwordField->state(), KeyField::State::Stored, kTimeoutMs);
    QVERIFY(saveAndWait(dialog));

    const auto storedKey = Keychain::read(QStringLiteral("provider/") + profile);
    QVERIFY2(storedKey.ok(), qPrintable(storedKey.ok() ? QString() : storedKey.errorMessage()));
    QCOMPARE(storedKey->value_or(QString()), apiKey);
    const auto storedPassword = Keychain::read(m_entries.last());
    QVERIFY(storedPassword.ok());
    QCOMPARE(storedPassword->value_or(QString()), password);

    // In no file: not the settings, not the workspace (workspace.json, database, WAL), not HOME.
    QSettings().sync();
    QStringList roots{m_dir.path()};
    if (QDir::homePath().startsWith(QDir::tempPath())) // the private HOME of keyring-session.sh
        roots << QDir::homePath();
    for (const QString& root : roots) {
        for (const QString& secret : {apiKey, password}) {
            const QStringList hits = filesContaining(root, secret.toUtf8());
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1String(", "))));
        }
    }
    // The profile itself is in the settings.
    QVERIFY(!filesContaining(m_dir.path(), profile.toUtf8()).isEmpty());
}

void TestSettings::profilesAndBudgetsAreSavedInTheSettings()
{
    {
        SettingsDialog dialog(m_controller.get());
        addProfile(dialog, QStringLiteral("openai"), QStringLiteral("openai"),
                   QStringLiteral("gpt-4o-mini"));
        addProfile(dialog, QStringLiteral("local"), QStringLiteral("ollama"),
                   QStringLiteral("llama3.1"), QStringLiteral("http://127.0.0.1:11434"));
        auto* region = child<QLineEdit>(dialog, "profileRegionEdit");
        region->setText(QStringLiteral("eu-west-1"));
        Q_EMIT region->editingFinished();
        auto* fallbacks = child<QLineEdit>(dialog, "profileFallbacksEdit");
        fallbacks->setText(QStringLiteral("openai"));
        Q_EMIT fallbacks->editingFinished();
        child<QLineEdit>(dialog, "budgetMaxCost")->setText(QStringLiteral("12.50"));
        QVERIFY(saveAndWait(dialog));
    }
    QSettings qs;
    const auto profiles = ui::settings::loadProfiles(qs);
    QCOMPARE(int(profiles.size()), 2);
    QCOMPARE(profiles[1].name, QStringLiteral("local"));
    QCOMPARE(profiles[1].provider, QStringLiteral("ollama"));
    QCOMPARE(profiles[1].baseUrl, QStringLiteral("http://127.0.0.1:11434"));
    QCOMPARE(profiles[1].model, QStringLiteral("llama3.1"));
    QCOMPARE(profiles[1].region, QStringLiteral("eu-west-1"));
    QCOMPARE(profiles[1].fallbacks, QStringList{QStringLiteral("openai")});
    QCOMPARE(ui::settings::loadBudgets(qs).maxCostUsd, QStringLiteral("12.50"));
    // A dialog opened later shows what was saved.
    SettingsDialog again(m_controller.get());
    QCOMPARE(child<QListWidget>(again, "providerProfileList")->count(), 2);
    QCOMPARE(child<QLineEdit>(again, "budgetMaxCost")->text(), QStringLiteral("12.50"));
}

void TestSettings::invalidBudgetIsRefusedWithAMessage()
{
    SettingsDialog dialog(m_controller.get());
    child<QLineEdit>(dialog, "budgetMaxCost")->setText(QStringLiteral("ten dollars"));
    QVERIFY(!saveAndWait(dialog));
    QVERIFY(
        child<QLabel>(dialog, "settingsMessage")->text().contains(QLatin1String("ten dollars")));
    QSettings qs;
    QCOMPARE(ui::settings::loadBudgets(qs).maxCostUsd, ui::BudgetDefaults{}.maxCostUsd);
}

void TestSettings::smtpSettingsAreWrittenToTheWorkspaceAndAudited()
{
    SettingsDialog dialog(m_controller.get());
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(dialog, "smtpUrlEdit")->isEnabled(), kTimeoutMs);
    child<QLineEdit>(dialog, "smtpUrlEdit")
        ->setText(QStringLiteral("smtp://mail.example.com:2525"));
    child<QLineEdit>(dialog, "smtpFromEdit")->setText(QStringLiteral("finance-bot@example.com"));
    child<QLineEdit>(dialog, "smtpUsernameEdit")->setText(QStringLiteral("finance-bot"));
    QVERIFY(saveAndWait(dialog));

    QFile file(m_workspace + QStringLiteral("/workspace.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto json = parseJson(file.readAll());
    QVERIFY(json.ok());
    QCOMPARE((*json)["smtp"]["url"], Json("smtp://mail.example.com:2525"));
    QCOMPARE((*json)["smtp"]["from"], Json("finance-bot@example.com"));
    QCOMPARE((*json)["smtp"]["username"], Json("finance-bot"));
    // Everything else is kept.
    QVERIFY(json->contains("data_sources") && (*json)["data_sources"].contains("ledger"));
    QVERIFY(Workspace::open(m_workspace).ok());

    auto stmt = m_controller->journal()->database().prepare(QStringLiteral(
        "SELECT actor, data FROM audit WHERE kind = 'config.changed' ORDER BY seq DESC LIMIT 1"));
    QVERIFY(stmt.ok());
    QVERIFY(stmt->step());
    QCOMPARE(stmt->text(0), SessionController::actor());
    const auto data = parseJson(stmt->textUtf8(1));
    QVERIFY(data.ok());
    QCOMPARE((*data)["section"], Json("smtp"));
    QCOMPARE((*data)["smtp"]["username"], Json("finance-bot"));
    QVERIFY((*data)["changed"].size() == 3);
}

void TestSettings::smtpSettingsAreNeverWrittenThroughALinkOutside()
{
    QTemporaryDir root;
    QTemporaryDir outside;
    const QByteArray original = R"({"schema_version": 1, "name": "outside"})";
    const QString target = outside.filePath(QStringLiteral("workspace.json"));
    QVERIFY(test::writeBytes(target, original));
    QVERIFY(test::makeSymlink(target, root.filePath(QStringLiteral("workspace.json"))));
    SmtpSettings smtp;
    smtp.url = QStringLiteral("smtp://mail.example.com:2525");
    const Status s = ui::settings::writeSmtpSettings(root.path(), smtp);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("symlink_refused"));
    QCOMPARE(test::readBytes(target), original);
}

void TestSettings::aSettingsFileThatIsAPipeIsRefusedBeforeQSettingsReadsIt()
{
    QVERIFY(ui::settings::checkSettingsFiles().ok());
    // The organization-wide file, which QSettings reads too: a pipe there would hang the GUI.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString pipe =
        config + QLatin1Char('/') + QCoreApplication::organizationName() + QStringLiteral(".conf");
    QVERIFY(QDir().mkpath(config));
    QVERIFY(test::makeFifo(pipe));
    QElapsedTimer clock;
    clock.start();
    const Status s = ui::settings::checkSettingsFiles();
    QFile::remove(pipe);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("not_a_regular_file"));
    QVERIFY2(s.errorMessage().contains(pipe), qPrintable(s.errorMessage()));
    QVERIFY(clock.elapsed() < 1000);
}

void TestSettings::testConnectionReportsSuccess()
{
    OneAnswerServer server("200 OK",
                           R"({"id":"chatcmpl-1","object":"chat.completion","model":"test-model",
        "choices":[{"index":0,"message":{"role":"assistant","content":"OK"},"finish_reason":"stop"}],
        "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}})");
    QVERIFY(server.listen(QHostAddress::LocalHost));
    qputenv("OPENAI_API_KEY", "sk-local-test");
    SettingsDialog dialog(m_controller.get());
    addProfile(dialog, QStringLiteral("local-openai"), QStringLiteral("openai-compatible"),
               QStringLiteral("test-model"),
               QStringLiteral("http://127.0.0.1:%1/v1").arg(server.serverPort()));
    QTest::mouseClick(child<QPushButton>(dialog, "testConnectionButton"), Qt::LeftButton);
    auto* result = child<QLabel>(dialog, "testConnectionResult");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(dialog, "testConnectionButton")->isEnabled(),
                             kTimeoutMs);
    qunsetenv("OPENAI_API_KEY");
    QVERIFY2(result->text().contains(QLatin1String("Connected")), qPrintable(result->text()));
    QVERIFY(server.request().startsWith("POST /v1/chat/completions"));
}

void TestSettings::testConnectionReportsTheProvidersError()
{
    OneAnswerServer server(
        "401 Unauthorized",
        R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})");
    QVERIFY(server.listen(QHostAddress::LocalHost));
    qputenv("OPENAI_API_KEY", "sk-wrong");
    SettingsDialog dialog(m_controller.get());
    addProfile(dialog, QStringLiteral("wrong-key"), QStringLiteral("openai"),
               QStringLiteral("gpt-4o-mini"),
               QStringLiteral("http://127.0.0.1:%1/v1").arg(server.serverPort()));
    QTest::mouseClick(child<QPushButton>(dialog, "testConnectionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(dialog, "testConnectionButton")->isEnabled(),
                             kTimeoutMs);
    qunsetenv("OPENAI_API_KEY");
    const QString text = child<QLabel>(dialog, "testConnectionResult")->text();
    QVERIFY2(text.contains(QLatin1String("Incorrect API key provided")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("sk-wrong")), qPrintable(text));
}

void TestSettings::screenshot()
{
    SettingsDialog dialog(m_controller.get());
    addProfile(dialog, QStringLiteral("openai"), QStringLiteral("openai"),
               QStringLiteral("gpt-4o-mini"));
    addProfile(dialog, QStringLiteral("anthropic"), QStringLiteral("anthropic"),
               QStringLiteral("claude-sonnet-4-5"));
    addProfile(dialog, QStringLiteral("local"), QStringLiteral("ollama"),
               QStringLiteral("llama3.1"));
    auto* region = child<QLineEdit>(dialog, "profileRegionEdit");
    region->setText(QStringLiteral("on-premises"));
    Q_EMIT region->editingFinished();
    child<QListWidget>(dialog, "providerProfileList")->setCurrentRow(0);
    auto* fallbacks = child<QLineEdit>(dialog, "profileFallbacksEdit");
    fallbacks->setText(QStringLiteral("anthropic, local"));
    Q_EMIT fallbacks->editingFinished();
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* keyField = child<KeyField>(dialog, "providerKeyField");
    QTRY_VERIFY_WITH_TIMEOUT(keyField->state() != KeyField::State::Checking, kTimeoutMs);
    QDir().mkpath(QStringLiteral(AWB_BINARY_DIR "/screenshots"));
    QVERIFY(dialog.grab().save(QStringLiteral(AWB_BINARY_DIR "/screenshots/settings.png")));
}

QTEST_MAIN(TestSettings)
#include "TestSettings.moc"
