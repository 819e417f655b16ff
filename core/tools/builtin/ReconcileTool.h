#pragma once
// reconcile: matches two datasets by key and compares amounts summed per key within a tolerance,
// e.g. CRM bookings against the ERP ledger. Hash-based, O(n log n) at most (sorting the findings).

#include "tools/Tool.h"
#include "util/Decimal.h"

namespace awb {

class ReconcileTool : public Tool
{
public:
    QString name() const override { return QStringLiteral("reconcile"); }
    QString description() const override;
    Json inputSchema() const override;
    EffectClass effect() const override { return EffectClass::Read; }
    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override;

    struct Tolerance
    {
        Decimal absolute;
        Decimal relative; // fraction of the larger amount, 0.001 = 0.1 %
        bool matches(Decimal left, Decimal right) const;
    };
};

} // namespace awb
