#pragma once
// Writes the generated demo data to disk: the ERP ledger as SQLite and the CRM export as CSV.
// Both are written to a temporary name first, so a failure never leaves half a file behind.

#include <QString>

#include "demo/DemoData.h"
#include "util/Result.h"

namespace awb::demo {

// Tables accounts, customers, fx_rates, invoices, journal_entries and the view revenue_postings.
Status writeLedger(const DemoData& data, const QString& path);

// deal_id,customer_id,customer_name,close_date,billed_date,currency,amount,status (RFC 4180, CRLF).
Status writeCrmExport(const DemoData& data, const QString& path);

// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
QString csvField(const QString& value);

} // namespace awb::demo
