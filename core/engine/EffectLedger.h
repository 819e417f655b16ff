#pragma once
// The durable record of external effects by idempotency key (table `effects`). It has its own
// connection with synchronous=FULL: a state it records is on disk before record() returns, so a
// crash right after it cannot make a tool repeat an effect. Thread-safe.

#include <QMutex>

#include "store/Sqlite.h"
#include "tools/Tool.h"

namespace awb {

class EffectLedger : public EffectJournal
{
public:
    static Result<std::unique_ptr<EffectLedger>> open(const QString& databasePath);

    Result<Record> lookup(const QString& key) const override;
    Status record(const QString& key, State state, const Json& detail) override;

private:
    explicit EffectLedger(sql::Database db) : m_db(std::move(db)) {}
    mutable QMutex m_mutex;
    mutable sql::Database m_db;
};

// Full tool results of runs (table `tool_results`), read by handle from worker threads.
class StoredResults : public ResultReader
{
public:
    StoredResults(QString databasePath, QString runId)
        : m_path(std::move(databasePath)), m_runId(std::move(runId))
    {
    }
    Result<Json> load(const QString& handle) const override;

private:
    QString m_path;
    QString m_runId;
};

} // namespace awb
