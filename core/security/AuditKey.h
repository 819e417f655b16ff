#pragma once
// Where a workspace's audit key comes from: AWB_AUDIT_KEY when set, otherwise the keychain entry
// "audit-key/<workspace id>", created with 32 random bytes on first use. The key is never written
// to disk. Blocks on the keychain (see Keychain.h): not for the GUI thread.

#include <QByteArray>
#include <QString>

#include <chrono>

#include "util/Result.h"

namespace awb {

enum class KeySource
{
    Environment, // AWB_AUDIT_KEY
    Keychain,    // an existing keychain entry
    KeychainNew, // generated now and stored in the keychain
};
QString keySourceName(KeySource source); // "environment", "keychain", "keychain (new)"

struct ResolvedAuditKey
{
    QByteArray key; // the secret's UTF-8 bytes, as AuditTrail and docs/verify_audit.py use them
    KeySource source = KeySource::Environment;
};

class AuditKey
{
public:
    static constexpr const char* kEnvironmentVariable = "AWB_AUDIT_KEY";

    // The workspace's id (Workspace::idFor): workspace.json's "id", which moves with the folder;
    // for a folder without one yet, derived from its path.
    static QString workspaceId(const QString& workspaceRoot);
    // "audit-key/<workspace id>"
    static QString keychainEntry(const QString& workspaceRoot);

    // Errors: "keychain_unavailable" (no keychain and no AWB_AUDIT_KEY; the message says to set
    // it), "keychain_locked", "keychain_error", "audit_key_missing" (AWB_AUDIT_KEY set but empty).
    static Result<ResolvedAuditKey>
    resolve(const QString& workspaceRoot,
            std::chrono::milliseconds timeout = std::chrono::seconds(10));
};

} // namespace awb
