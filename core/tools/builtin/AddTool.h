#pragma once
// add: the sum of two numbers. The task of the side-by-side benchmark (`awb bench add-bench`,
// ../shared/peer-bench): the model asks for add(2, 3), the tool answers, the model says 5.

#include "tools/Tool.h"

namespace awb {

class AddTool : public Tool
{
public:
    QString name() const override { return QStringLiteral("add"); }
    QString description() const override;
    Json inputSchema() const override;
    EffectClass effect() const override { return EffectClass::Read; }
    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override;
};

} // namespace awb
