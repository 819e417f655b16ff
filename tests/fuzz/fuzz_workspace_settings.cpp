// The workspace.json loader (parseWorkspaceSettings, after parseJson as Workspace::open reads it)
// on any bytes. Properties: no exception escapes; an error names the file; settings that load
// keep the rules they were checked against (a valid id when one is given, positive SQL limits,
// data sources with a path or URL).

#include "FuzzSupport.h"

#include <QDir>

#include "store/Workspace.h"

using namespace awb;
using namespace awb::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const QString kRoot = QStringLiteral("/fuzz/workspace");
    static const QString kFile = kRoot + QStringLiteral("/workspace.json");
    const Result<Json> json = parseJson(bytesOf(data, size));
    if (!json.ok())
        return 0; // Workspace::open reports it with the parser's line and column
    const Result<WorkspaceSettings> settings = parseWorkspaceSettings(*json, kFile, kRoot);
    if (!settings.ok()) {
        check(settings.errorMessage().startsWith(kFile), "an error names workspace.json",
              settings.errorMessage());
        return 0;
    }
    const WorkspaceSettings& s = *settings;
    check(s.id.isEmpty() || Workspace::isValidId(s.id), "an id is valid", s.id);
    check(s.sql.rowLimit >= 1 && s.sql.timeoutMs >= 1 && s.sql.modelRows >= 1,
          "SQL limits are positive");
    for (const auto& [name, source] : s.dataSources) {
        check(source.name == name, "a data source is filed under its name", name);
        check((source.type == QLatin1String("sqlite") && QDir::isAbsolutePath(source.path)) ||
                  (source.type == QLatin1String("postgresql") && !source.url.isEmpty()),
              "a data source is a sqlite file by absolute path or a postgresql URL", name);
    }
    return 0;
}
