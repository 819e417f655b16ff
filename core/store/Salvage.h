#pragma once
// Salvaging a damaged workspace database (`awb store salvage`): every row that can still be read
// is copied into a new database of the current schema, scanning each table from both ends so that
// rows on both sides of a damaged page survive (what SQLite's own .dump does). The new database
// then replaces the damaged one, which is kept beside it. Blocks on the disk; not for the GUI
// thread. Must not run while another process has the workspace open.

#include <QString>

#include <vector>

#include "util/Result.h"

namespace awb::store {

struct SalvagedTable
{
    QString table;
    qint64 rows = 0;      // copied into the new database
    bool damaged = false; // a read failed: rows between the two ends may be lost
    QString error;        // the first read error
};

struct SalvageReport
{
    QString keptAt; // where the damaged database (and its -wal, -shm) now is
    std::vector<SalvagedTable> tables;
};

// databasePath: the workspace's .awb/workspace.db. Fails, changing nothing, when the new database
// cannot be built or checked; the damaged one is only moved once its replacement is complete.
Result<SalvageReport> salvageDatabase(const QString& databasePath);

} // namespace awb::store
