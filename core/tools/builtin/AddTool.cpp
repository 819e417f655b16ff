#include "tools/builtin/AddTool.h"

#include <cmath>

namespace awb {

QString AddTool::description() const
{
    return QStringLiteral("Adds two numbers and returns their sum.");
}

Json AddTool::inputSchema() const
{
    return {{"type", "object"},
            {"properties",
             {{"a", {{"type", "number"}, {"description", "the first addend"}}},
              {"b", {{"type", "number"}, {"description", "the second addend"}}}}},
            {"required", {"a", "b"}},
            {"additionalProperties", false}};
}

Result<Json> AddTool::execute(const Json& arguments, const ToolContext&) const
{
    // The engine has validated the arguments against the schema: both are numbers.
    const Json& a = arguments.at("a");
    const Json& b = arguments.at("b");
    if (a.is_number_integer() && b.is_number_integer()) {
        const std::int64_t x = a.get<std::int64_t>();
        const std::int64_t y = b.get<std::int64_t>();
        std::int64_t sum = 0;
        if (!__builtin_add_overflow(x, y, &sum))
            return Json{{"sum", sum}};
    }
    const double sum = a.get<double>() + b.get<double>();
    if (!std::isfinite(sum))
        return Error::make(
            QStringLiteral("the sum of %1 and %2 is not a finite number")
                .arg(QString::fromStdString(a.dump()), QString::fromStdString(b.dump())),
            QStringLiteral("out_of_range"));
    return Json{{"sum", sum}};
}

} // namespace awb
