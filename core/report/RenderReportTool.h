#pragma once
// The "render_report" tool: renders the reconciliation and anomaly findings of the current run
// into a one-page PDF inside the workspace (written atomically) and returns its path and digest.

#include <QDateTime>

#include <functional>

#include "tools/Tool.h"

namespace awb {

class RenderReportTool : public Tool
{
public:
    using Clock = std::function<QDateTime()>;

    // clock gives the generation time (UTC); tests pass a fixed one for repeatable bytes.
    explicit RenderReportTool(Clock clock = {});

    QString name() const override { return QStringLiteral("render_report"); }
    QString description() const override;
    Json inputSchema() const override;
    EffectClass effect() const override { return EffectClass::IdempotentWrite; }
    std::chrono::milliseconds timeout() const override { return std::chrono::seconds(60); }
    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override;

private:
    Clock m_clock;
};

} // namespace awb
