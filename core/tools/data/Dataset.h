#pragma once
// A dataset reference in tool arguments, and loading it into a Table:
//   {"sql": "SELECT ...", "source": "ledger"}   a read-only query against a workspace data source
//   {"csv": "data/crm_bookings_q3.csv"}         a CSV file inside the workspace (header row)
//   {"handle": "s4"}                            the full result of an earlier step of this run
//   {"handle": "s4", "member": "mismatched"}    one array of objects inside that result

#include "tools/Tool.h"
#include "tools/data/Table.h"

namespace awb {

// JSON Schema (draft 7) of a dataset reference, for embedding in tools' input schemas.
Json datasetRefSchema();

// Blocking (SQL, file I/O); call from the tool's worker thread. SQL uses the workspace's row limit
// and statement timeout, and ctx.cancel.
Result<Table> loadDataset(const Json& ref, const ToolContext& ctx);

// As loadDataset, but a dataset cut off at the row limit is an error: totals and statistics over
// part of the data would look right and be wrong. role names the argument in messages ("left").
Result<Table> loadCompleteDataset(const Json& ref, const ToolContext& ctx, const QString& role);

// A stored tool result as a table: the result itself when it is table-shaped, or its array member
// `member`. The error lists the members that could be used instead.
Result<Table> tableFromResult(const Json& stored, const QString& member, const QString& handle);

} // namespace awb
