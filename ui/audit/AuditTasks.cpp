#include "audit/AuditTasks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include "util/OutputFile.h"

namespace awb::ui {

namespace {

constexpr int kProgressMax = 1000;
constexpr int kTickInterval = 20000; // SQLite VM instructions between progress reports
constexpr int kCalibrationRows = 200;

// Neither AuditTrail::verify nor exportJsonl reports progress, but both step one statement over
// the table in seq order: time it in SQLite VM instructions per row on the first rows, then
// progress is instructions run / (per row x rows).
struct ScanEstimate
{
    double total = 0; // instructions for the whole table; 0: unknown
};

ScanEstimate estimateScan(sql::Database& db)
{
    auto rows = db.queryInt(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM audit LIMIT %1)")
                                .arg(kCalibrationRows));
    auto last = db.queryInt(QStringLiteral("SELECT seq FROM audit ORDER BY seq DESC LIMIT 1"));
    if (!rows || !last || *rows == 0)
        return {};
    auto sample = db.prepare(QStringLiteral("SELECT seq, time, actor, kind, run_id, data, prev, "
                                            "mac FROM audit ORDER BY seq"));
    if (!sample)
        return {};
    qint64 stepped = 0;
    SqliteProgress counter(db, 1, [](qint64) { return false; });
    while (stepped < *rows && sample->step())
        ++stepped;
    const double perRow = double(counter.steps()) / double(std::max<qint64>(stepped, 1));
    return {perRow * double(std::max(*last, *rows))};
}

// Reports progress against an estimate and interrupts SQLite once the future is cancelled.
SqliteProgress watch(sql::Database& db, QPromise<AuditTaskOutcome>& promise, ScanEstimate estimate)
{
    return SqliteProgress(db, kTickInterval, [&promise, estimate](qint64 steps) {
        if (promise.isCanceled())
            return true;
        if (estimate.total > 0)
            promise.setProgressValue(
                std::min(kProgressMax - 1, int(double(steps) * kProgressMax / estimate.total)));
        return false;
    });
}

std::optional<sql::Database> openReadOnly(const QString& path, AuditTaskOutcome& out)
{
    auto db = sql::Database::open(path, sql::OpenMode::ReadOnly);
    if (!db) {
        out.message = db.errorMessage();
        return std::nullopt;
    }
    return std::move(db).value();
}

AnchorLookup lookUpAnchor(const QString& workspaceId)
{
    AnchorLookup lookup;
    if (workspaceId.isEmpty()) {
        lookup.note = QCoreApplication::translate("awb::ui::AuditView",
                                                  "the workspace has no id to look it up by");
        return lookup;
    }
    auto stored = AnchorStorage::keychain().load(workspaceId);
    if (!stored)
        lookup.note = stored.errorMessage();
    else if (!stored->has_value())
        lookup.note = QCoreApplication::translate("awb::ui::AuditView",
                                                  "none is stored yet; the next run writes one");
    else
        lookup.anchor = **stored;
    return lookup;
}

void verifyTask(QPromise<AuditTaskOutcome>& promise, const QString& path,
                const std::shared_ptr<const AuditTrail>& trail, const QString& workspaceId)
{
    promise.setProgressRange(0, kProgressMax);
    AuditTaskOutcome out;
    out.anchor = lookUpAnchor(workspaceId);
    auto db = openReadOnly(path, out);
    if (db) {
        const ScanEstimate estimate = estimateScan(*db);
        SqliteProgress progress = watch(*db, promise, estimate);
        const AuditAnchor* anchor = out.anchor.anchor ? &*out.anchor.anchor : nullptr;
        auto result = trail->verify(*db, std::nullopt, anchor);
        if (result) {
            out.ok = true;
            out.verification = *result;
            out.message = describeVerification(*result);
        } else {
            out.message = QCoreApplication::translate("awb::ui::AuditView",
                                                      "Could not verify the audit trail: %1")
                              .arg(result.errorMessage());
        }
    }
    promise.setProgressValue(kProgressMax);
    promise.addResult(out);
}

void exportTask(QPromise<AuditTaskOutcome>& promise, const QString& path, const QString& outPath,
                const std::optional<AuditFilter>& csvFilter)
{
    promise.setProgressRange(0, kProgressMax);
    AuditTaskOutcome out;
    auto db = openReadOnly(path, out);
    std::unique_ptr<OutputFile> output;
    if (db) {
        auto opened = OutputFile::open(outPath);
        if (opened) {
            output = std::move(opened).value();
        } else {
            out.message = QCoreApplication::translate("awb::ui::AuditView", "Cannot export: %1")
                              .arg(opened.errorMessage());
            db.reset();
        }
    }
    if (db) {
        QIODevice& file = output->device();
        Status written;
        std::optional<qint64> rows;
        if (csvFilter) {
            // The count is a second scan when filtered; worth it for an honest progress bar.
            auto count = countAuditEntries(*db, *csvFilter);
            SqliteProgress cancel = watch(*db, promise, {});
            written = writeAuditCsv(*db, *csvFilter, file, [&](qint64 done) {
                rows = done;
                if (count && *count > 0)
                    promise.setProgressValue(
                        int(std::min<qint64>(kProgressMax - 1, done * kProgressMax / *count)));
            });
        } else {
            SqliteProgress progress = watch(*db, promise, estimateScan(*db));
            written = AuditTrail::exportJsonl(*db, file);
        }
        if (promise.isCanceled()) {
            output.reset(); // uncommitted: nothing replaces what was there
        } else if (!written) {
            out.message = QCoreApplication::translate("awb::ui::AuditView", "The export failed: %1")
                              .arg(written.errorMessage());
        } else if (Status committed = output->commit(); !committed) {
            out.message = QCoreApplication::translate("awb::ui::AuditView", "The export failed: %1")
                              .arg(committed.errorMessage());
        } else {
            out.ok = true;
            out.message = rows ? QCoreApplication::translate("awb::ui::AuditView",
                                                             "Exported %1 entries to %2")
                                     .arg(QLocale().toString(*rows), outPath)
                               : QCoreApplication::translate("awb::ui::AuditView",
                                                             "Exported the audit trail to %1")
                                     .arg(outPath);
        }
    }
    promise.setProgressValue(kProgressMax);
    promise.addResult(out);
}

} // namespace

QFuture<AuditTaskOutcome> startAuditVerification(const QString& databasePath,
                                                 std::shared_ptr<const AuditTrail> trail,
                                                 const QString& workspaceId)
{
    return QtConcurrent::run(verifyTask, databasePath, std::move(trail), workspaceId);
}

QFuture<AnchorLookup> startAnchorLookup(const QString& workspaceId)
{
    return QtConcurrent::run(lookUpAnchor, workspaceId);
}

QString describeAnchor(const AnchorLookup& lookup)
{
    if (lookup.anchor) {
        const QDateTime written =
            QDateTime::fromString(lookup.anchor->updatedAt, Qt::ISODateWithMs).toLocalTime();
        return QCoreApplication::translate("awb::ui::AuditView",
                                           "Anchored in the keychain at entry %1 (written %2)")
            .arg(QLocale().toString(lookup.anchor->seq),
                 written.isValid() ? QLocale().toString(written, QLocale::ShortFormat)
                                   : lookup.anchor->updatedAt);
    }
    return QCoreApplication::translate("awb::ui::AuditView", "Not anchored: %1").arg(lookup.note);
}

QFuture<AuditTaskOutcome> startAuditJsonlExport(const QString& databasePath, const QString& outPath)
{
    return QtConcurrent::run(exportTask, databasePath, outPath, std::optional<AuditFilter>());
}

QFuture<AuditTaskOutcome> startAuditCsvExport(const QString& databasePath,
                                              const AuditFilter& filter, const QString& outPath)
{
    return QtConcurrent::run(exportTask, databasePath, outPath, std::optional<AuditFilter>(filter));
}

QString describeVerification(const AuditTrail::Verification& v)
{
    if (v.keyMismatch)
        return QCoreApplication::translate("awb::ui::AuditView", "Not verified: %1").arg(v.problem);
    if (v.ok())
        return QCoreApplication::translate("awb::ui::AuditView",
                                           "Intact: %1 entries verified; head %2")
            .arg(QLocale().toString(v.entries), AuditTrail::headString(v.headSeq, v.headMac));
    if (!v.firstAltered)
        return QCoreApplication::translate("awb::ui::AuditView", "Altered: %1").arg(v.problem);
    return QCoreApplication::translate("awb::ui::AuditView", "Altered at entry %1: %2")
        .arg(*v.firstAltered)
        .arg(v.problem);
}

} // namespace awb::ui
