#pragma once
// The audit view's long operations, each on its own read-only connection on a worker thread:
// verifying the chain and exporting it (JSONL, the whole trail) or the filtered entries (CSV).
// Each future reports progress in per mille (0..1000) and stops soon after cancel().

#include <QFuture>
#include <QString>

#include <memory>
#include <optional>

#include "audit/AuditQuery.h"
#include "security/AuditAnchor.h"
#include "security/AuditTrail.h"

namespace awb::ui {

// The keychain's anchor of a workspace's trail (security/AuditAnchor.h), or why there is none.
struct AnchorLookup
{
    std::optional<AuditAnchor> anchor;
    QString note; // without an anchor: why (no keychain, none written yet, unreadable)
};

struct AuditTaskOutcome
{
    bool ok = false;
    QString message; // what happened, said plainly; on failure what to do
    std::optional<AuditTrail::Verification> verification;
    AnchorLookup anchor; // verifications: the anchor the trail was held to
};

// workspaceId: whose keychain anchor the trail is held to (empty: none, which is said).
QFuture<AuditTaskOutcome> startAuditVerification(const QString& databasePath,
                                                 std::shared_ptr<const AuditTrail> trail,
                                                 const QString& workspaceId = {});
// Reads the anchor on a worker (the keychain may block or ask to be unlocked).
QFuture<AnchorLookup> startAnchorLookup(const QString& workspaceId);
// "Anchored in the keychain at entry 42, written ..." or "Not anchored: ...".
QString describeAnchor(const AnchorLookup& lookup);
// Writes outPath atomically: a failed or cancelled export leaves no partial file.
QFuture<AuditTaskOutcome> startAuditJsonlExport(const QString& databasePath,
                                                const QString& outPath);
QFuture<AuditTaskOutcome> startAuditCsvExport(const QString& databasePath,
                                              const AuditFilter& filter, const QString& outPath);

// "Intact: 1,234 entries; head 1234:ab12..." or "Altered at entry 17: ...".
QString describeVerification(const AuditTrail::Verification& verification);

} // namespace awb::ui
