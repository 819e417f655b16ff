#include "report/RenderReportTool.h"

#include <QCryptographicHash>

#include "report/OnePageReport.h"
#include "report/ReportContent.h"
#include "store/Workspace.h"

namespace awb {

namespace {

Error invalid(const QString& message)
{
    return Error::make(message, QStringLiteral("invalid_arguments"));
}

Result<Json> loadResult(const ToolContext& ctx, const QString& argument, const QString& handle)
{
    auto loaded = ctx.results->load(handle);
    if (!loaded)
        return invalid(QStringLiteral("\"%1\": cannot load the result with handle \"%2\": %3")
                           .arg(argument, handle, loaded.errorMessage()));
    return loaded;
}

} // namespace

RenderReportTool::RenderReportTool(Clock clock) : m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
}

QString RenderReportTool::description() const
{
    return QStringLiteral(
        "Render a one-page A4 PDF summary of a reconciliation and its anomalies: headline totals, "
        "a findings table sorted by amount, the method, and the audit trail head. Pass the handles "
        "returned by the reconcile and detect_anomalies tools. Returns the PDF path and SHA-256.");
}

Json RenderReportTool::inputSchema() const
{
    const Json text = {{"type", "string"}};
    return Json{
        {"type", "object"},
        {"additionalProperties", false},
        {"required", {"title", "reconciliation", "anomalies", "output"}},
        {"properties",
         {{"title", {{"type", "string"}, {"minLength", 1}, {"description", "Report title"}}},
          {"period", {{"type", "string"}, {"description", "Period covered, e.g. \"Q3 2026\""}}},
          {"prepared_for", {{"type", "string"}, {"description", "Audience, e.g. \"CFO\""}}},
          {"reconciliation",
           {{"type", "string"}, {"description", "Handle of the reconcile tool's result"}}},
          {"anomalies",
           {{"type", "string"}, {"description", "Handle of the detect_anomalies tool's result"}}},
          {"method", {{"type", "string"}, {"description", "How the figures were obtained"}}},
          {"output",
           {{"type", "string"},
            {"pattern", "\\.[pP][dD][fF]$"},
            {"description", "Workspace-relative path of the PDF, e.g. reports/q3.pdf"}}}}}};
}

Result<Json> RenderReportTool::execute(const Json& arguments, const ToolContext& ctx) const
{
    if (!arguments.is_object())
        return invalid(QStringLiteral("arguments must be a JSON object"));
    if (!ctx.workspace)
        return Error::make(QStringLiteral("render_report needs a workspace"));
    if (!ctx.results)
        return Error::make(QStringLiteral("render_report needs access to the run's results"));
    for (const char* key : {"title", "reconciliation", "anomalies", "output"}) {
        const auto it = arguments.find(key);
        if (it == arguments.end() || !it->is_string() || it->get<std::string>().empty())
            return invalid(QStringLiteral("\"%1\" is required and must be a non-empty string")
                               .arg(QLatin1String(key)));
    }
    for (const char* key : {"period", "prepared_for", "method"}) {
        const auto it = arguments.find(key);
        if (it != arguments.end() && !it->is_string())
            return invalid(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
    }

    const QString output = jsonString(arguments, "output");
    if (!output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return invalid(
            QStringLiteral("\"output\" must be a path ending in .pdf, got \"%1\"").arg(output));
    auto relative = ctx.workspace->files().relativePath(output);
    if (!relative)
        return Error::make(QStringLiteral("\"output\": %1").arg(relative.errorMessage()),
                           relative.error().code);

    const QString reconHandle = jsonString(arguments, "reconciliation");
    const QString anomalyHandle = jsonString(arguments, "anomalies");
    auto recon = loadResult(ctx, QStringLiteral("reconciliation"), reconHandle);
    if (!recon)
        return recon.error();
    auto anomalies = loadResult(ctx, QStringLiteral("anomalies"), anomalyHandle);
    if (!anomalies)
        return anomalies.error();

    report::ReportContent content;
    content.title = jsonString(arguments, "title");
    content.period = jsonString(arguments, "period");
    content.preparedFor = jsonString(arguments, "prepared_for");
    content.method = jsonString(arguments, "method");
    content.runId = ctx.runId;
    content.stepId = ctx.stepId;
    content.auditHead = ctx.auditHead;
    content.generatedAt = m_clock().toUTC();
    if (Status s = report::addReconciliation(content, *recon, reconHandle); !s)
        return s.error();
    if (Status s = report::addAnomalies(content, *anomalies, anomalyHandle); !s)
        return s.error();
    report::sortFindings(content.findings);

    const report::RenderedReport rendered = report::renderOnePageReport(content);
    if (ctx.cancelled())
        return Error::make(QStringLiteral("render_report was cancelled"),
                           QStringLiteral("cancelled"));

    // Written beneath the workspace folder: never through a link, never into .awb/ (the missing
    // folders are made on the way).
    if (Status s = ctx.workspace->files().write(*relative, rendered.pdf); !s)
        return Error::make(QStringLiteral("cannot write the report: %1").arg(s.errorMessage()),
                           s.error().code);

    return Json{
        {"path", toStd(*relative)},
        {"pages", 1},
        {"bytes", rendered.pdf.size()},
        {"sha256",
         QCryptographicHash::hash(rendered.pdf, QCryptographicHash::Sha256).toHex().toStdString()},
        {"findings", rendered.findings},
        {"shown", rendered.shown},
        {"audit_head", toStd(ctx.auditHead)},
    };
}

} // namespace awb
