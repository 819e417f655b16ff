#include "engine/BuiltinTools.h"

#include "mail/SendEmailTool.h"
#include "report/RenderReportTool.h"
#include "tools/builtin/AddTool.h"
#include "tools/builtin/DetectAnomaliesTool.h"
#include "tools/builtin/ReconcileTool.h"
#include "tools/builtin/SqlQueryTool.h"

namespace awb {

Status registerBuiltinTools(ToolRegistry& registry)
{
    const std::shared_ptr<const Tool> tools[] = {
        std::make_shared<SqlQueryTool>(),        std::make_shared<ReconcileTool>(),
        std::make_shared<DetectAnomaliesTool>(), std::make_shared<RenderReportTool>(),
        std::make_shared<SendEmailTool>(),       std::make_shared<AddTool>(),
    };
    for (const auto& tool : tools) {
        if (Status s = registry.add(tool); !s)
            return s;
    }
    return {};
}

} // namespace awb
