#pragma once
// Lays out the reconciliation summary on exactly one A4 page: header, headline totals, the
// findings table (as many rows as fit, then a "+ N more" line), the method and the audit head.

#include <QByteArray>

#include "report/ReportContent.h"

namespace awb::report {

struct RenderedReport
{
    QByteArray pdf;
    qint64 findings = 0; // all findings, listed or not
    qint64 shown = 0;    // rows printed in the table
};

RenderedReport renderOnePageReport(const ReportContent& content);

} // namespace awb::report
