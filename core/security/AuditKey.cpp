#include "security/AuditKey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>

#include <array>

#include "security/AuditTrail.h"
#include "security/Keychain.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "util/Log.h"

namespace awb {

namespace {

constexpr int kKeyBytes = 32;

QString newKeyHex()
{
    std::array<quint32, kKeyBytes / 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(words.data()), kKeyBytes).toHex());
}

// Adds what to do about the audit key to a keychain error.
Error withAdvice(const Error& error, const QString& entry)
{
    const QString advice = QStringLiteral(
        "Set AWB_AUDIT_KEY to this workspace's audit key to work without the keychain (use the "
        "same secret value every time; it is never written to disk).");
    if (error.code == QLatin1String("keychain_unavailable"))
        return Error::make(QStringLiteral("No keychain service is reachable (no Secret Service on "
                                          "the D-Bus session bus), so the audit key \"%1\" cannot "
                                          "be read or stored. %2")
                               .arg(entry, advice),
                           error.code);
    return Error::make(QStringLiteral("%1 %2").arg(error.message, advice), error.code);
}

Error missingKeyError(const QString& workspaceRoot, const QString& entry, bool hasTrail)
{
    const QString bringBack =
        QStringLiteral(
            "Bring the key back: set AWB_AUDIT_KEY to it, or pipe it into `awb audit key import "
            "--workspace %1` (where the workspace was used before, `awb audit key export "
            "--workspace %1` prints it).")
            .arg(workspaceRoot);
    if (hasTrail)
        return Error::make(
            QStringLiteral("The keychain holds no audit key for this workspace (entry \"%1\"), "
                           "but its audit trail was already signed with one, kept in another "
                           "keyring or on another machine. No new key is made: the trail could "
                           "never be verified or continued with it. %2")
                .arg(entry, bringBack),
            QStringLiteral("audit_key_missing"));
    return Error::make(
        QStringLiteral("The keychain holds no audit key for this workspace yet (entry \"%1\"): "
                       "it has no audit trail. The key is made by the first command that writes "
                       "to the trail, such as `awb run`.")
            .arg(entry),
        QStringLiteral("audit_key_missing"));
}

} // namespace

bool AuditKey::storeHasTrail(const QString& workspaceRoot)
{
    const QString path = QDir(workspaceRoot).filePath(QStringLiteral(".awb/workspace.db"));
    if (!QFileInfo(path).exists())
        return false;
    auto db = sql::Database::open(path, sql::OpenMode::ReadOnly);
    if (!db)
        return true;
    auto tables = db->queryInt(QStringLiteral(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('audit', "
        "'store_meta')"));
    if (!tables)
        return true;
    if (*tables == 0)
        return false; // created, not migrated yet
    auto entries = db->queryInt(QStringLiteral("SELECT EXISTS(SELECT 1 FROM audit)"));
    if (!entries)
        return true;
    if (*entries != 0)
        return true;
    if (*tables < 2)
        return false; // an empty trail from before store_meta
    auto fingerprint = AuditTrail::recordedFingerprint(*db);
    return !fingerprint || fingerprint->has_value();
}

QString keySourceName(KeySource source)
{
    switch (source) {
    case KeySource::Environment:
        return QStringLiteral("environment");
    case KeySource::Keychain:
        return QStringLiteral("keychain");
    case KeySource::KeychainNew:
        return QStringLiteral("keychain (new)");
    }
    return QStringLiteral("keychain");
}

QString AuditKey::workspaceId(const QString& workspaceRoot)
{
    return Workspace::idFor(workspaceRoot);
}

QString AuditKey::keychainEntry(const QString& workspaceRoot)
{
    return QStringLiteral("audit-key/") + workspaceId(workspaceRoot);
}

Result<ResolvedAuditKey> AuditKey::resolve(const QString& workspaceRoot, Creation creation,
                                           std::chrono::milliseconds timeout)
{
    if (qEnvironmentVariableIsSet(kEnvironmentVariable)) {
        const QByteArray key = qgetenv(kEnvironmentVariable); // already the UTF-8 bytes
        if (key.isEmpty())
            return Error::make(QStringLiteral("AWB_AUDIT_KEY is set but empty; set it to the "
                                              "workspace's audit key, or unset it to use the "
                                              "keychain"),
                               QStringLiteral("audit_key_missing"));
        return ResolvedAuditKey{key, KeySource::Environment};
    }

    const QString entry = keychainEntry(workspaceRoot);
    // Two processes creating the key at once would each sign with their own; a lock file (it
    // holds a process id, never the key) serialises the read-generate-store sequence.
    QLockFile lock(
        QDir::temp().filePath(QStringLiteral("awb-%1.lock").arg(workspaceId(workspaceRoot))));
    if (!lock.tryLock(int(timeout.count())))
        qCWarning(lcSecurity) << "could not lock" << lock.error()
                              << "; resolving the audit key anyway";

    auto existing = Keychain::read(entry, timeout);
    if (!existing)
        return withAdvice(existing.error(), entry);
    if (existing->has_value() && !(*existing)->isEmpty())
        return ResolvedAuditKey{(*existing)->toUtf8(), KeySource::Keychain};
    const bool hasTrail = storeHasTrail(workspaceRoot);
    if (creation == Creation::Never || hasTrail)
        return missingKeyError(workspaceRoot, entry, hasTrail);

    const QString key = newKeyHex();
    if (Status s = Keychain::write(entry, key, timeout); !s.ok())
        return withAdvice(s.error(), entry);
    return ResolvedAuditKey{key.toUtf8(), KeySource::KeychainNew};
}

} // namespace awb

namespace awb {

Status AuditKey::importKey(const QString& workspaceRoot, const QByteArray& key,
                           std::chrono::milliseconds timeout)
{
    const QByteArray trimmed = key.trimmed();
    if (trimmed.isEmpty())
        return Error::make(QStringLiteral("no key was given on standard input"),
                           QStringLiteral("usage"));
    const AuditTrail trail(trimmed);
    const QString path = QDir(workspaceRoot).filePath(QStringLiteral(".awb/workspace.db"));
    if (QFileInfo(path).exists()) {
        auto db = sql::Database::open(path, sql::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        auto match = trail.matchKey(*db);
        if (!match)
            return match.error();
        if (*match == AuditTrail::KeyMatch::Other) {
            auto recorded = AuditTrail::recordedFingerprint(*db);
            return Error::make(
                QStringLiteral("that key (fingerprint %1) did not sign this workspace's audit "
                               "trail (fingerprint %2); nothing was stored")
                    .arg(trail.keyFingerprint(), recorded && recorded->has_value()
                                                     ? **recorded
                                                     : QStringLiteral("unknown")),
                QStringLiteral("audit_key_mismatch"));
        }
    }
    const QString entry = keychainEntry(workspaceRoot);
    auto existing = Keychain::read(entry, timeout);
    if (!existing)
        return existing.error();
    if (existing->has_value() && !(*existing)->isEmpty()) {
        if ((*existing)->toUtf8() == trimmed)
            return {};
        return Error::make(
            QStringLiteral("the keychain already holds a different audit key for this workspace "
                           "(entry \"%1\"); remove it first if it is really the wrong one")
                .arg(entry),
            QStringLiteral("audit_key_exists"));
    }
    return Keychain::write(entry, QString::fromUtf8(trimmed), timeout);
}

} // namespace awb
