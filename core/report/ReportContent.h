#pragma once
// What the one-page report shows, read from the results of the reconcile and detect_anomalies
// tools. Parsing checks the shape and names the handle and the missing member on error.

#include <QDateTime>
#include <QString>

#include <map>
#include <vector>

#include "util/Decimal.h"
#include "util/Json.h"
#include "util/Result.h"

namespace awb::report {

struct Finding
{
    QString kind;   // "amount_mismatch", "billed_not_posted", "not_in_crm" or a detector's kind
    QString record; // the key or id of the record
    Decimal amount; // signed; the table sorts by its absolute value
    QString detail;
    QString handle; // the step result it came from
};

struct ReconciliationSummary
{
    QString leftLabel = QStringLiteral("left");
    QString rightLabel = QStringLiteral("right");
    Decimal leftTotal;
    Decimal rightTotal;
    Decimal difference;
    qint64 matched = 0;
    qint64 mismatched = 0;
    qint64 missingInLeft = 0;
    qint64 missingInRight = 0;
};

struct ReportContent
{
    QString title;
    QString period;
    QString preparedFor;
    QString method;
    QString runId;
    QString stepId;
    QString auditHead;
    QDateTime generatedAt; // UTC
    ReconciliationSummary reconciliation;
    std::map<QString, qint64> anomaliesByKind;
    // Every finding, sorted by |amount| descending; may be fewer than the counts say when a tool
    // listed only part of its findings.
    std::vector<Finding> findings;
    // Findings counted by the tools but not listed in their results, per handle.
    std::map<QString, qint64> unlistedByHandle;
    std::vector<QString> sources; // handles in the order they were added

    qint64 totalFindings() const;
};

// Adds a reconcile result ({"summary", "mismatched", "missing_in_left", "missing_in_right",
// "labels"}) to content. Errors have code "invalid_arguments".
Status addReconciliation(ReportContent& content, const Json& result, const QString& handle);
// Adds a detect_anomalies result ({"summary": {"by_kind"}, "anomalies": [...]}).
Status addAnomalies(ReportContent& content, const Json& result, const QString& handle);
// Orders findings by |amount| descending, then kind and record, so output is repeatable.
void sortFindings(std::vector<Finding>& findings);

// "1,234.50" / "-0.25": two decimals with thousands separators, for display only.
QString formatAmount(Decimal amount);

} // namespace awb::report
