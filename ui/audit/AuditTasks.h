#pragma once
// The audit view's long operations, each on its own read-only connection on a worker thread:
// verifying the chain and exporting it (JSONL, the whole trail) or the filtered entries (CSV).
// Each future reports progress in per mille (0..1000) and stops soon after cancel().

#include <QFuture>
#include <QString>

#include <memory>
#include <optional>

#include "audit/AuditQuery.h"
#include "security/AuditTrail.h"

namespace awb::ui {

struct AuditTaskOutcome
{
    bool ok = false;
    QString message; // what happened, said plainly; on failure what to do
    std::optional<AuditTrail::Verification> verification;
};

QFuture<AuditTaskOutcome> startAuditVerification(const QString& databasePath,
                                                 std::shared_ptr<const AuditTrail> trail);
// Writes outPath atomically: a failed or cancelled export leaves no partial file.
QFuture<AuditTaskOutcome> startAuditJsonlExport(const QString& databasePath,
                                                const QString& outPath);
QFuture<AuditTaskOutcome> startAuditCsvExport(const QString& databasePath,
                                              const AuditFilter& filter, const QString& outPath);

// "Intact: 1,234 entries; head 1234:ab12..." or "Altered at entry 17: ...".
QString describeVerification(const AuditTrail::Verification& verification);

} // namespace awb::ui
