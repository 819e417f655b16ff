#pragma once
// Where a workspace's audit key comes from: AWB_AUDIT_KEY when set, otherwise the keychain entry
// "audit-key/<workspace id>", created with 32 random bytes on first use, that is only while the
// workspace's store holds no audit trail yet: a key made for a trail signed elsewhere could never
// verify it. The key is never written to disk. Blocks on the keychain (see Keychain.h): not for
// the GUI thread.

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

    enum class Creation
    {
        WhenStoreHasNoTrail, // writers: a new workspace gets its key
        Never,               // verification, export: reading must not invent a key
    };

    // Errors: "keychain_unavailable" (no keychain and no AWB_AUDIT_KEY; the message says to set
    // it), "keychain_locked", "keychain_error", "audit_key_missing" (AWB_AUDIT_KEY set but empty,
    // or no key in the keychain where none may be made; the message says how to bring it back).
    static Result<ResolvedAuditKey>
    resolve(const QString& workspaceRoot, Creation creation = Creation::WhenStoreHasNoTrail,
            std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // Stores key as the workspace's audit key in the keychain (`awb audit key import`), after
    // checking that it is the key that signed the store's trail; refuses another key (code
    // "audit_key_mismatch") and replacing a different key already stored ("audit_key_exists").
    static Status importKey(const QString& workspaceRoot, const QByteArray& key,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // Whether the workspace's store already holds audit entries or a recorded key fingerprint
    // (then no new key may be made for it). Reads the database read-only; a store it cannot read
    // counts as holding a trail.
    static bool storeHasTrail(const QString& workspaceRoot);
};

} // namespace awb
