#include "security/AuditKey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRandomGenerator>

#include <array>

#include "security/Keychain.h"
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

} // namespace

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

Result<ResolvedAuditKey> AuditKey::resolve(const QString& workspaceRoot,
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

    const QString key = newKeyHex();
    if (Status s = Keychain::write(entry, key, timeout); !s.ok())
        return withAdvice(s.error(), entry);
    return ResolvedAuditKey{key.toUtf8(), KeySource::KeychainNew};
}

} // namespace awb
