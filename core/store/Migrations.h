#pragma once
// Numbered schema migrations of the workspace database. A migration is never edited once
// released: a change is a new, higher number.

#include "store/Sqlite.h"

namespace awb::store {

// Applies every migration newer than the database's version, each in its own transaction.
// Refuses a database written by a newer program.
Status migrate(sql::Database& db);
int latestSchemaVersion();

// Opens (creating if needed) the workspace database with WAL, foreign keys and migrations applied.
Result<sql::Database> openWorkspaceDatabase(const QString& path);

} // namespace awb::store
