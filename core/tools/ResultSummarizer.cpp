#include "tools/ResultSummarizer.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace awb {

namespace {
constexpr std::size_t kHeadRows = 5;
constexpr std::size_t kTailRows = 5;
constexpr int kMaxPage = 500; // sql_query's largest page

QString pagingCall(const QString& handle, const QString& member, std::size_t offset, int limit)
{
    Json call = {{"handle", toStd(handle)}, {"offset", offset}, {"limit", limit}};
    if (!member.isEmpty())
        call["member"] = toStd(member);
    return QStringLiteral("sql_query %1").arg(QString::fromStdString(call.dump()));
}

// Cuts long arrays in object, recursing into nested objects; path is the member path so far.
void cutArrays(Json& object, const QString& path, const QString& handle, std::size_t limit,
               int page, const QStringList& skip, QStringList& notes)
{
    std::vector<std::pair<std::string, std::size_t>> counts; // inserted after the loop
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = toQ(it.key());
        const QString member = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        if (path.isEmpty() && skip.contains(key))
            continue;
        if (it->is_object()) {
            cutArrays(*it, member, handle, limit, page, {}, notes);
        } else if (it->is_array() && it->size() > limit) {
            const std::size_t total = it->size();
            it->erase(it->begin() + std::ptrdiff_t(limit), it->end());
            counts.emplace_back(it.key() + "_count", total);
            notes << QStringLiteral("%1: showing the first %2 of %3 items; read more with %4.")
                         .arg(member)
                         .arg(limit)
                         .arg(total)
                         .arg(pagingCall(handle, member, limit, page));
        }
    }
    for (const auto& [countKey, total] : counts) {
        if (!object.contains(countKey))
            object[countKey] = total;
    }
}
} // namespace

Json summarizeForModel(const Json& fullResult, const QString& handle, int modelRows)
{
    const std::size_t limit = std::size_t(std::max(1, modelRows));
    const int page = std::clamp(modelRows, 1, kMaxPage);
    Json out = fullResult.is_object() ? fullResult : Json{{"value", fullResult}};
    QStringList notes;
    QStringList skip;

    const auto columns = out.find("columns");
    const auto rows = out.find("rows");
    if (columns != out.end() && rows != out.end() && columns->is_array() && rows->is_array()) {
        skip << QStringLiteral("columns") << QStringLiteral("rows");
        if (rows->size() > limit) {
            const Json all = std::move(*rows);
            out.erase("rows");
            const std::size_t n = all.size();
            const std::size_t head = std::min(kHeadRows, n);
            const std::size_t tail = std::min(kTailRows, n - head);
            out["head"] = Json(all.begin(), all.begin() + std::ptrdiff_t(head));
            out["tail"] = Json(all.end() - std::ptrdiff_t(tail), all.end());
            if (!out.contains("row_count"))
                out["row_count"] = n;
            notes << QStringLiteral(
                         "This result holds %1 rows; only the first %2 (head) and the last %3 "
                         "(tail) are shown. Read other rows with %4.")
                         .arg(n)
                         .arg(head)
                         .arg(tail)
                         .arg(pagingCall(handle, QString(), head, page));
            skip << QStringLiteral("head") << QStringLiteral("tail");
        }
    }

    cutArrays(out, QString(), handle, limit, page, skip, notes);

    out["handle"] = toStd(handle);
    if (!notes.isEmpty()) {
        QString note = notes.join(QLatin1Char(' '));
        if (const auto existing = out.find("note"); existing != out.end() && existing->is_string())
            note = toQ(existing->get<std::string>()) + QLatin1Char(' ') + note;
        out["note"] = toStd(note);
    }
    return out;
}

} // namespace awb
