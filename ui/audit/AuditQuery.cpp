#include "audit/AuditQuery.h"

#include <sqlite3.h>

#include <variant>

#include "security/AuditTrail.h"
#include "util/Json.h"

namespace awb::ui {

namespace {

const char* const kColumns = "SELECT seq, time, actor, kind, run_id, data, prev, mac FROM audit";
constexpr int kSummaryLength = 180;
constexpr int kValueLength = 60;

using Bind = std::variant<qint64, QString>;

// The WHERE terms of a filter and their parameters, in order.
struct Where
{
    QStringList terms;
    std::vector<Bind> binds;

    void add(const QString& term, std::initializer_list<Bind> values)
    {
        terms << term;
        binds.insert(binds.end(), values);
    }
    QString sql() const
    {
        return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(" AND ");
    }
    void bindTo(sql::Statement& statement) const
    {
        int i = 1;
        for (const Bind& b : binds) {
            if (const auto* n = std::get_if<qint64>(&b))
                statement.bind(i++, std::int64_t(*n));
            else
                statement.bind(i++, std::get<QString>(b));
        }
    }
};

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

Where whereOf(const AuditFilter& f)
{
    Where w;
    if (f.from.isValid())
        w.add(QStringLiteral("time >= ?"), {isoUtc(f.from)});
    if (f.to.isValid())
        w.add(QStringLiteral("time < ?"), {isoUtc(f.to)});
    if (!f.runId.isEmpty())
        w.add(QStringLiteral("run_id = ?"), {f.runId});
    if (!f.actor.isEmpty())
        w.add(QStringLiteral("actor = ?"), {f.actor});
    if (!f.kind.isEmpty())
        w.add(QStringLiteral("kind = ?"), {f.kind});
    if (!f.tool.isEmpty()) {
        // instr() is a cheap pre-filter on the canonical text; the CASE keeps a tampered row whose
        // data is not JSON from failing the whole query.
        w.add(QStringLiteral("instr(data, '\"tool\":' || json_quote(?)) > 0 AND "
                             "(CASE WHEN json_valid(data) THEN json_extract(data, '$.tool') END) "
                             "= ?"),
              {f.tool, f.tool});
    }
    if (!f.text.isEmpty()) {
        const QString p = likePattern(f.text);
        w.add(QStringLiteral("(data LIKE ? ESCAPE '\\' OR actor LIKE ? ESCAPE '\\' OR kind LIKE ? "
                             "ESCAPE '\\' OR run_id LIKE ? ESCAPE '\\')"),
              {p, p, p, p});
    }
    return w;
}

AuditRow rowFrom(const sql::Statement& s)
{
    AuditRow r;
    r.seq = s.int64(0);
    r.time = s.text(1);
    r.actor = s.text(2);
    r.kind = s.text(3);
    r.runId = s.text(4);
    r.data = s.textUtf8(5);
    r.prev = s.text(6);
    r.mac = s.text(7);
    const QDateTime t = QDateTime::fromString(r.time, Qt::ISODateWithMs);
    r.localTime =
        t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : r.time;
    r.summary = auditSummary(r.data);
    return r;
}

Error readError(const Error& e)
{
    return Error::make(QStringLiteral("cannot read the audit trail: %1").arg(e.message), e.code);
}

QString shortened(QString text, int length)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > length ? text.left(length - 1) + QChar(0x2026) : text;
}

QString scalarText(const Json& v)
{
    if (v.is_string())
        return shortened(toQ(v.get<std::string>()), kValueLength);
    if (v.is_object())
        return QStringLiteral("{\u2026}");
    if (v.is_array())
        return QStringLiteral("[%1]").arg(v.size());
    return toQ(v.dump());
}

QByteArray csvField(const QByteArray& value)
{
    if (!value.contains(',') && !value.contains('"') && !value.contains('\n') &&
        !value.contains('\r'))
        return value;
    QByteArray quoted = value;
    quoted.replace("\"", "\"\"");
    return '"' + quoted + '"';
}

} // namespace

bool AuditFilter::isEmpty() const
{
    return *this == AuditFilter{};
}

QString AuditRow::prettyJson() const
{
    AuditEntry e;
    e.seq = seq;
    e.time = time;
    e.actor = actor;
    e.kind = kind;
    e.runId = runId;
    // Data that is not JSON (only after tampering) shows as the string it is.
    auto parsed = parseJson(data);
    e.data = parsed ? std::move(parsed).value() : Json(data.toStdString());
    e.prev = prev;
    e.mac = mac;
    return toQ(e.toJson(true).dump(2, ' ', false, Json::error_handler_t::replace));
}

Result<AuditPage> loadAuditPage(sql::Database& db, const AuditFilter& filter, AuditOrder order,
                                std::optional<qint64> after, int limit)
{
    Where w = whereOf(filter);
    const bool newest = order == AuditOrder::NewestFirst;
    if (after)
        w.add(newest ? QStringLiteral("seq < ?") : QStringLiteral("seq > ?"), {*after});
    const QString sql = QString::fromLatin1(kColumns) + w.sql() +
                        (newest ? QStringLiteral(" ORDER BY seq DESC LIMIT ?")
                                : QStringLiteral(" ORDER BY seq LIMIT ?"));
    auto statement = db.prepare(sql);
    if (!statement)
        return readError(statement.error());
    w.bindTo(*statement);
    statement->bind(int(w.binds.size()) + 1, std::int64_t(limit));
    AuditPage page;
    page.rows.reserve(std::size_t(limit));
    while (statement->step())
        page.rows.push_back(rowFrom(*statement));
    if (const Error* e = statement->error())
        return readError(*e);
    page.atEnd = int(page.rows.size()) < limit;
    return page;
}

Result<qint64> countAuditEntries(sql::Database& db, const AuditFilter& filter)
{
    const Where w = whereOf(filter);
    auto statement = db.prepare(QStringLiteral("SELECT COUNT(*) FROM audit") + w.sql());
    if (!statement)
        return readError(statement.error());
    w.bindTo(*statement);
    if (!statement->step())
        return readError(statement->error() ? *statement->error() : Error::make("no count"));
    return qint64(statement->int64(0));
}

Result<AuditFacets> loadAuditFacets(sql::Database& db, int window)
{
    AuditFacets facets;
    const QString recent =
        QStringLiteral("(SELECT * FROM audit ORDER BY seq DESC LIMIT %1)").arg(window);
    const std::pair<QStringList*, QString> queries[] = {
        {&facets.runs, QStringLiteral("SELECT run_id FROM %1 WHERE run_id <> '' GROUP BY run_id "
                                      "ORDER BY max(seq) DESC LIMIT 200")},
        {&facets.actors, QStringLiteral("SELECT DISTINCT actor FROM %1 ORDER BY 1 LIMIT 200")},
        {&facets.kinds, QStringLiteral("SELECT DISTINCT kind FROM %1 ORDER BY 1 LIMIT 200")},
        {&facets.tools,
         QStringLiteral(
             "SELECT DISTINCT json_extract(data, '$.tool') FROM %1 WHERE "
             "instr(data, '\"tool\":\"') > 0 AND json_valid(data) ORDER BY 1 LIMIT 200")},
    };
    for (const auto& [list, sql] : queries) {
        auto statement = db.prepare(sql.arg(recent));
        if (!statement)
            return readError(statement.error());
        while (statement->step()) {
            if (!statement->isNull(0))
                *list << statement->text(0);
        }
        if (const Error* e = statement->error())
            return readError(*e);
    }
    return facets;
}

Status writeAuditCsv(sql::Database& db, const AuditFilter& filter, QIODevice& out,
                     const std::function<void(qint64)>& progress)
{
    const Where w = whereOf(filter);
    auto statement =
        db.prepare(QString::fromLatin1(kColumns) + w.sql() + QStringLiteral(" ORDER BY seq"));
    if (!statement)
        return readError(statement.error());
    w.bindTo(*statement);
    QByteArray buffer = "seq,time,actor,kind,run_id,data,prev,mac\r\n";
    qint64 rows = 0;
    auto flush = [&]() -> Status {
        if (out.write(buffer) != buffer.size())
            return Error::make(
                QStringLiteral("cannot write the CSV export: %1").arg(out.errorString()),
                QStringLiteral("io"));
        buffer.resize(0);
        return {};
    };
    while (statement->step()) {
        buffer += QByteArray::number(statement->int64(0));
        for (int c = 1; c < 8; ++c)
            buffer += ',' + csvField(statement->textUtf8(c));
        buffer += "\r\n";
        if (++rows % 1000 == 0) {
            if (Status s = flush(); !s)
                return s;
            if (progress)
                progress(rows);
        }
    }
    if (const Error* e = statement->error())
        return readError(*e);
    if (Status s = flush(); !s)
        return s;
    if (progress)
        progress(rows);
    return {};
}

QString auditSummary(const QByteArray& data)
{
    auto parsed = parseJson(data);
    if (!parsed || !parsed->is_object())
        return shortened(QString::fromUtf8(data), kSummaryLength);
    const Json& object = *parsed;
    QStringList parts;
    if (auto tool = object.find("tool"); tool != object.end() && tool->is_string())
        parts << toQ(tool->get<std::string>());
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == "tool")
            continue;
        parts << QStringLiteral("%1=%2").arg(toQ(it.key()), scalarText(it.value()));
    }
    return shortened(parts.join(QStringLiteral("  ")), kSummaryLength);
}

SqliteProgress::SqliteProgress(sql::Database& db, int interval, std::function<bool(qint64)> onTick)
    : m_db(db), m_interval(interval), m_onTick(std::move(onTick))
{
    sqlite3_progress_handler(m_db.handle(), m_interval, &SqliteProgress::callback, this);
}

SqliteProgress::~SqliteProgress()
{
    sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr);
}

int SqliteProgress::callback(void* self)
{
    auto* p = static_cast<SqliteProgress*>(self);
    p->m_steps += p->m_interval;
    return p->m_onTick(p->m_steps) ? 1 : 0;
}

} // namespace awb::ui
