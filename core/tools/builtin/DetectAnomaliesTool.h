#pragma once
// detect_anomalies: robust checks over one dataset (statistical outliers per group, duplicates,
// postings in the wrong period, FX conversions that do not add up, dangling references).
// The checks themselves live in tools/data/Anomalies.h; this class parses arguments and reports.

#include "tools/Tool.h"

namespace awb {

class DetectAnomaliesTool : public Tool
{
public:
    QString name() const override { return QStringLiteral("detect_anomalies"); }
    QString description() const override;
    Json inputSchema() const override;
    EffectClass effect() const override { return EffectClass::Read; }
    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override;
};

} // namespace awb
