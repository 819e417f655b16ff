// AuditKey: AWB_AUDIT_KEY wins; otherwise a per-workspace keychain entry, created once; without a
// keychain and without AWB_AUDIT_KEY, a plain "keychain_unavailable" error that says what to do.

#include <QCryptographicHash>
#include <QDir>

#include "core/security/support/SecurityTestSupport.h"
#include "security/AuditKey.h"
#include "security/AuditTrail.h"
#include "security/Keychain.h"
#include "store/Migrations.h"
#include "store/Workspace.h"

using namespace awb;

class TestAuditKey : public QObject
{
    Q_OBJECT

private:
    QByteArray m_savedKey;
    bool m_hadKey = false;
    QTemporaryDir m_workspace;

private slots:
    void init()
    {
        m_hadKey = qEnvironmentVariableIsSet(AuditKey::kEnvironmentVariable);
        m_savedKey = qgetenv(AuditKey::kEnvironmentVariable);
        qunsetenv(AuditKey::kEnvironmentVariable);
    }

    void cleanup()
    {
        if (m_hadKey)
            qputenv(AuditKey::kEnvironmentVariable, m_savedKey);
        else
            qunsetenv(AuditKey::kEnvironmentVariable);
    }

    void workspaceIdIsASha256PrefixOfTheAbsolutePath()
    {
        const QString root = m_workspace.path();
        const QByteArray digest = QCryptographicHash::hash(
            QDir::cleanPath(QDir(root).absolutePath()).toUtf8(), QCryptographicHash::Sha256);
        QCOMPARE(AuditKey::workspaceId(root), QString::fromLatin1(digest.toHex().left(16)));
        QCOMPARE(AuditKey::workspaceId(root + QStringLiteral("/")), AuditKey::workspaceId(root));
        QCOMPARE(AuditKey::workspaceId(root + QStringLiteral("/sub/..")),
                 AuditKey::workspaceId(root));
        QVERIFY(AuditKey::workspaceId(root) !=
                AuditKey::workspaceId(root + QStringLiteral("/other")));
        QCOMPARE(AuditKey::keychainEntry(root),
                 QStringLiteral("audit-key/") + AuditKey::workspaceId(root));
    }

    void environmentKeyWins()
    {
        qputenv(AuditKey::kEnvironmentVariable, QStringLiteral("s3cret-ü").toUtf8());
        const auto key = AuditKey::resolve(m_workspace.path());
        QVERIFY(key.ok());
        QCOMPARE(key->key, QStringLiteral("s3cret-ü").toUtf8());
        QCOMPARE(key->source, KeySource::Environment);
    }

    void emptyEnvironmentKeyIsAnError()
    {
        qputenv(AuditKey::kEnvironmentVariable, QByteArray());
        const auto key = AuditKey::resolve(m_workspace.path());
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, QStringLiteral("audit_key_missing"));
    }

    void keychainKeyIsCreatedOnceThenReused()
    {
        AWB_REQUIRE_KEYCHAIN();
        const QString root = m_workspace.path();
        const QString entry = AuditKey::keychainEntry(root);
        QVERIFY(Keychain::remove(entry).ok());
        const auto created = AuditKey::resolve(root);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.errorMessage()));
        QCOMPARE(created->source, KeySource::KeychainNew);
        QCOMPARE(created->key.size(), 64);
        QVERIFY(QByteArray::fromHex(created->key).toHex() == created->key);

        const auto again = AuditKey::resolve(root);
        QVERIFY(again.ok());
        QCOMPARE(again->source, KeySource::Keychain);
        QCOMPARE(again->key, created->key);
        const auto stored = Keychain::read(entry);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->toUtf8(), created->key);
        QVERIFY(Keychain::remove(entry).ok());
    }

    void aMovedWorkspaceKeepsItsKey()
    {
        AWB_REQUIRE_KEYCHAIN();
        QTemporaryDir parent;
        const QString before = parent.filePath(QStringLiteral("books"));
        const QString after = parent.filePath(QStringLiteral("moved/books-2026"));
        QVERIFY(QDir().mkpath(before) && QDir().mkpath(parent.filePath(QStringLiteral("moved"))));
        // A workspace.json from before ids: opening it adds the path-derived id, keeping the rest.
        {
            QFile f(before + QStringLiteral("/workspace.json"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\n    \"schema_version\": 1,\n    \"name\": \"Books\"\n}\n");
        }
        const QString pathId = Workspace::pathDerivedId(before);
        auto opened = Workspace::open(before);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.errorMessage()));
        QCOMPARE(opened->id(), pathId);
        QFile f(before + QStringLiteral("/workspace.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        f.close();
        QVERIFY2(text.contains("\"id\": \"" + pathId.toLatin1() + "\""), text.constData());
        QVERIFY2(text.contains("    \"name\": \"Books\""), text.constData()); // untouched
        QCOMPARE(AuditKey::workspaceId(before), pathId);

        const auto created = AuditKey::resolve(before);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.errorMessage()));
        QVERIFY(QDir().rename(before, after));
        QVERIFY(Workspace::pathDerivedId(after) != pathId);
        QCOMPARE(AuditKey::workspaceId(after), pathId); // the id moved with the folder
        const auto again = AuditKey::resolve(after);
        QVERIFY(again.ok());
        QCOMPARE(again->source, KeySource::Keychain);
        QCOMPARE(again->key, created->key);
        QVERIFY(Keychain::remove(AuditKey::keychainEntry(after)).ok());
    }

    void aBadIdIsRefused()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("workspace.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"schema_version\": 1, \"id\": \"../etc\"}");
        f.close();
        const auto opened = Workspace::open(dir.path());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.errorMessage().contains(QStringLiteral("/id")),
                 qPrintable(opened.errorMessage()));
        QCOMPARE(AuditKey::workspaceId(dir.path()), Workspace::pathDerivedId(dir.path()));
    }

    void eachWorkspaceGetsItsOwnKey()
    {
        AWB_REQUIRE_KEYCHAIN();
        QTemporaryDir other;
        const auto a = AuditKey::resolve(m_workspace.path());
        const auto b = AuditKey::resolve(other.path());
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->key != b->key);
        QVERIFY(Keychain::remove(AuditKey::keychainEntry(m_workspace.path())).ok());
        QVERIFY(Keychain::remove(AuditKey::keychainEntry(other.path())).ok());
    }

    void noKeyIsMadeForATrailThatWasSignedElsewhere()
    {
        AWB_REQUIRE_KEYCHAIN();
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(Workspace::create(root, QStringLiteral("books")).ok());
        // A trail signed on another machine: entries and the key's fingerprint, but no key here.
        auto db =
            store::openWorkspaceDatabase(QDir(root).filePath(QStringLiteral(".awb/workspace.db")));
        QVERIFY(db.ok());
        const AuditTrail elsewhere(QByteArrayLiteral("the other machine's key"));
        QVERIFY(elsewhere.bindKey(*db, QStringLiteral("test")).ok());
        QVERIFY(elsewhere
                    .append(*db, QStringLiteral("alice"), QStringLiteral("run.started"), {},
                            Json::object())
                    .ok());
        const QString entry = AuditKey::keychainEntry(root);
        QVERIFY(Keychain::remove(entry).ok());
        QVERIFY(AuditKey::storeHasTrail(root));

        for (const auto creation :
             {AuditKey::Creation::WhenStoreHasNoTrail, AuditKey::Creation::Never}) {
            const auto key = AuditKey::resolve(root, creation);
            QVERIFY(!key.ok());
            QCOMPARE(key.error().code, QStringLiteral("audit_key_missing"));
            QVERIFY2(key.errorMessage().contains(QLatin1String("AWB_AUDIT_KEY")),
                     qPrintable(key.errorMessage()));
            QVERIFY2(key.errorMessage().contains(QLatin1String("awb audit key import")),
                     qPrintable(key.errorMessage()));
        }
        const auto stored = Keychain::read(entry);
        QVERIFY(stored.ok());
        QVERIFY(!stored->has_value()); // nothing was invented

        // Importing another key is refused; the trail's own key is stored and then found.
        QCOMPARE(AuditKey::importKey(root, "yet another key").error().code,
                 QStringLiteral("audit_key_mismatch"));
        QVERIFY(!Keychain::read(entry)->has_value());
        QVERIFY(AuditKey::importKey(root, "the other machine's key\n").ok());
        const auto back = AuditKey::resolve(root, AuditKey::Creation::Never);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.errorMessage()));
        QCOMPARE(back->key, QByteArrayLiteral("the other machine's key"));
        QCOMPARE(AuditKey::importKey(root, "different").error().code,
                 QStringLiteral("audit_key_mismatch"));
        QVERIFY(Keychain::remove(entry).ok());
    }

    void verificationNeverMakesAKey()
    {
        AWB_REQUIRE_KEYCHAIN();
        QTemporaryDir dir;
        QVERIFY(Workspace::create(dir.path(), QStringLiteral("new")).ok());
        const QString entry = AuditKey::keychainEntry(dir.path());
        QVERIFY(Keychain::remove(entry).ok());
        QVERIFY(!AuditKey::storeHasTrail(dir.path()));
        const auto key = AuditKey::resolve(dir.path(), AuditKey::Creation::Never);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, QStringLiteral("audit_key_missing"));
        QVERIFY(!Keychain::read(entry)->has_value());
        // A writer of a workspace without a trail gets its key.
        const auto made = AuditKey::resolve(dir.path());
        QVERIFY(made.ok());
        QCOMPARE(made->source, KeySource::KeychainNew);
        QVERIFY(Keychain::remove(entry).ok());
    }

    void noKeychainAndNoEnvironmentKeyIsAPlainError()
    {
        const Json child = test::runChildWithoutBus(QStringLiteral("audit-key"));
        QVERIFY2(!child.contains("failed"), child.dump().c_str());
        QCOMPARE(child.value("ok", true), false);
        QCOMPARE(jsonString(child, "code"), QStringLiteral("keychain_unavailable"));
        const QString message = jsonString(child, "message");
        QVERIFY2(message.startsWith(QStringLiteral("No keychain service is reachable")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("set AWB_AUDIT_KEY"), Qt::CaseInsensitive),
                 qPrintable(message));
    }
};

AWB_SECURITY_TEST_MAIN(TestAuditKey)
#include "TestAuditKey.moc"
