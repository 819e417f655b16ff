#pragma once
// sql_query: runs one read-only SQL statement against a workspace data source, or pages through
// the stored result of an earlier step (what the model is told to do when a result was summarised).

#include "tools/Tool.h"

namespace awb {

class SqlQueryTool : public Tool
{
public:
    static constexpr int kDefaultPage = 50;
    static constexpr int kMaxPage = 500;

    QString name() const override { return QStringLiteral("sql_query"); }
    QString description() const override;
    Json inputSchema() const override;
    EffectClass effect() const override { return EffectClass::Read; }
    std::chrono::milliseconds timeout() const override { return std::chrono::seconds(30); }
    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override;

private:
    Result<Json> runQuery(const Json& arguments, const ToolContext& ctx) const;
    Result<Json> readPage(const Json& arguments, const ToolContext& ctx) const;
};

} // namespace awb
