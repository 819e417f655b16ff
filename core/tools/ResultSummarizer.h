#pragma once
// What the model sees of a tool result (DESIGN "Bounded context"): the engine stores every full
// result under a handle and passes the model this summary instead, so a 50k-row query costs the
// conversation a few rows plus instructions for paging through the rest with sql_query.

#include <QString>

#include "util/Json.h"

namespace awb {

// Always adds "handle". A table-shaped result ("columns" and "rows") with more than modelRows rows
// gets "head" (first 5 rows), "tail" (last 5), "row_count" and a "note" in place of "rows". Any
// other array longer than modelRows, also inside nested objects, is cut to its first modelRows
// items with "<member>_count" beside it and a note. Pure and deterministic.
Json summarizeForModel(const Json& fullResult, const QString& handle, int modelRows);

} // namespace awb
