#pragma once
// Read-side queries over the workspace database's audit table for the audit view: filtered pages
// by keyset on seq (never the whole table), counts, distinct values and a CSV export. Blocking:
// call them on a worker thread with a connection that belongs to it.

#include <QDateTime>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

#include "store/Sqlite.h"
#include "util/Result.h"

namespace awb::ui {

// What the audit view filters by; an empty member does not filter.
struct AuditFilter
{
    QDateTime from; // inclusive; invalid: no lower bound
    QDateTime to;   // exclusive; invalid: no upper bound
    QString runId;  // exact
    QString actor;  // exact
    QString kind;   // exact
    QString tool;   // exact, the data's top-level "tool" member
    QString text;   // substring of data, actor, kind or run id (ASCII case-insensitive)

    bool isEmpty() const;
    bool operator==(const AuditFilter&) const = default;
};

enum class AuditOrder
{
    OldestFirst,
    NewestFirst
};

// One audit entry as stored, plus what the table shows of it.
struct AuditRow
{
    qint64 seq = 0;
    QString time; // as stored: ISO-8601 UTC with milliseconds
    QString actor;
    QString kind;
    QString runId;
    QByteArray data; // the stored JSON text
    QString prev;
    QString mac;
    QString localTime; // for display
    QString summary;   // one line from data, for display

    // The entry's canonical JSON, indented (what the mac signs, plus the mac).
    QString prettyJson() const;
};

struct AuditPage
{
    std::vector<AuditRow> rows;
    bool atEnd = false; // fewer rows than asked for: nothing further matches
};

// The page of up to limit entries matching filter that follows seq `after` in order (none: from
// the start). With a run filter it walks the run index; otherwise the primary key.
Result<AuditPage> loadAuditPage(sql::Database& db, const AuditFilter& filter, AuditOrder order,
                                std::optional<qint64> after, int limit);

// Entries matching filter (a scan of the table when the filter is not empty).
Result<qint64> countAuditEntries(sql::Database& db, const AuditFilter& filter);

// Distinct values seen in the most recent `window` entries, for the filter bar's suggestions.
struct AuditFacets
{
    QStringList runs, actors, kinds, tools;
};
Result<AuditFacets> loadAuditFacets(sql::Database& db, int window = 50000);

// Writes the entries matching filter as CSV (RFC 4180, UTF-8, header row) in seq order; progress
// is called with the rows written so far. Columns: seq, time, actor, kind, run_id, data, prev, mac.
Status writeAuditCsv(sql::Database& db, const AuditFilter& filter, QIODevice& out,
                     const std::function<void(qint64)>& progress = {});

// One line from an entry's data: the tool first, then the scalar members, shortened.
QString auditSummary(const QByteArray& data);

// While alive, calls onTick every `interval` SQLite VM instructions run on db (on the thread
// stepping it) with the instructions run so far; a true return interrupts the statement.
class SqliteProgress
{
public:
    SqliteProgress(sql::Database& db, int interval, std::function<bool(qint64 steps)> onTick);
    ~SqliteProgress();
    SqliteProgress(const SqliteProgress&) = delete;
    SqliteProgress& operator=(const SqliteProgress&) = delete;

    qint64 steps() const { return m_steps; }

private:
    static int callback(void* self);
    sql::Database& m_db;
    int m_interval;
    std::function<bool(qint64)> m_onTick;
    qint64 m_steps = 0;
};

} // namespace awb::ui
