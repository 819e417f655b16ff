#pragma once
// `awb demo init DIR`: creates the finance demo workspace: settings, a generated ERP ledger for
// Q3 2026 (SQLite), the CRM billing export (CSV), the q3-reconciliation agent with its script, and
// the add-bench agent of `awb bench`.
// Deterministic: the same records on every run and machine. Takes well under a second.

#include <QString>

#include <functional>

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

// Called with the complete workspace in its staging folder before it is moved into place, e.g. to
// record its creation in its audit trail; a failure leaves nothing behind.
using BeforePublish = std::function<Status(const QString& stagingRoot, const QString& finalRoot)>;

// DIR must not exist, be empty, or be a folder that is not yet a workspace and holds none of the
// demo's files; an existing workspace is never overwritten (error code "already_exists"). The
// workspace is built in a staging folder beside DIR and moved into place, so an init that is
// killed leaves nothing that blocks the next one (which removes its leftovers). Each workspace
// gets a new id: one made again at the same path is a new workspace with its own audit key.
Result<DemoSummary> createDemoWorkspace(const QString& dir,
                                        const BeforePublish& beforePublish = {});

} // namespace awb::demo
