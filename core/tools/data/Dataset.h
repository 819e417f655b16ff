#pragma once
// A dataset reference in tool arguments, and loading it into a Table:
//   {"sql": "SELECT ...", "source": "ledger"}   a read-only query against a workspace data source
//   {"csv": "data/crm_bookings_q3.csv"}         a CSV file inside the workspace (header row)
//   {"handle": "s4"}                            the full result of an earlier step of this run

#include "tools/Tool.h"
#include "tools/data/Table.h"

namespace awb {

// JSON Schema (draft 7) of a dataset reference, for embedding in tools' input schemas.
Json datasetRefSchema();

Result<Table> loadDataset(const Json& ref, const ToolContext& ctx);

} // namespace awb
