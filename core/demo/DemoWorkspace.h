#pragma once
// `awb demo init DIR`: creates the finance demo workspace: settings, a generated ERP ledger for
// Q3 2026 (SQLite), the CRM billing export (CSV), the q3-reconciliation agent with its script, and
// the add-bench agent of `awb bench`.
// Deterministic: the same records on every run and machine. Takes well under a second.

#include <QString>

#include "util/Result.h"

namespace awb::demo {

struct DemoSummary
{
    QString root; // absolute path of the workspace
    int accounts = 0;
    int customers = 0;
    int fxRates = 0;
    int invoices = 0;    // kind 'invoice'
    int creditNotes = 0; // kind 'credit_note'
    int journalLines = 0;
    int crmDeals = 0; // rows of data/crm_bookings_q3.csv
    int plantedAnomalies = 0;
};

// DIR must not exist, be empty, or be a folder that is not yet a workspace and holds none of the
// demo's files; an existing workspace is never overwritten (error code "already_exists").
Result<DemoSummary> createDemoWorkspace(const QString& dir);

} // namespace awb::demo
