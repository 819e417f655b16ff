#include "llm/ScriptedProvider.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>

#include "util/RegularFile.h"

namespace awb::llm {

namespace {
Error scriptError(const QString& origin, const QString& path, const QString& what)
{
    return Error::make(QStringLiteral("%1: at %2: %3").arg(origin, path, what),
                       QStringLiteral("invalid_script"));
}

// Latest tool result per tool name, parsed; what the templates read from.
std::map<QString, Json> latestResults(const ModelRequest& request)
{
    std::map<QString, Json> latest;
    for (const ChatMessage& m : request.messages) {
        if (m.role != Role::Tool)
            continue;
        Json parsed = Json::parse(m.text.toStdString(), nullptr, false);
        latest[m.toolName] = parsed.is_discarded() ? Json(toStd(m.text)) : std::move(parsed);
    }
    return latest;
}

const QRegularExpression& templatePattern()
{
    static const QRegularExpression re(QStringLiteral(R"(\{\{([A-Za-z0-9_.-]+):(/[^}|]*|)(?:\|([^}]*))?\}\})"));
    return re;
}

Result<Json> lookupPointer(const std::map<QString, Json>& latest, const QString& tool, const QString& pointer);

// "{{tool:/ptr|fallback}}": the fallback text stands in when the result has nothing there (e.g.
// the call failed or was rejected), as a model would word its answer differently.
Result<Json> lookupTemplate(const std::map<QString, Json>& latest, const QRegularExpressionMatch& m)
{
    auto value = lookupPointer(latest, m.captured(1), m.captured(2));
    if (!value && m.capturedStart(3) >= 0)
        return Json(toStd(m.captured(3)));
    return value;
}

Result<Json> lookupPointer(const std::map<QString, Json>& latest, const QString& tool, const QString& pointer)
{
    const auto it = latest.find(tool);
    if (it == latest.end())
        return Error::make(QStringLiteral("script template {{%1:%2}}: no result of %1 in the "
                                          "conversation yet")
                               .arg(tool, pointer),
                           QStringLiteral("script_template"));
    try {
        const Json::json_pointer ptr(toStd(pointer));
        if (!it->second.contains(ptr))
            return Error::make(QStringLiteral("script template {{%1:%2}}: the result of %1 has "
                                              "nothing at %2")
                                   .arg(tool, pointer),
                               QStringLiteral("script_template"));
        return it->second.at(ptr);
    } catch (const Json::exception&) {
        return Error::make(QStringLiteral("script template {{%1:%2}}: invalid JSON pointer").arg(tool, pointer),
                           QStringLiteral("script_template"));
    }
}

Result<Json> substitute(const Json& value, const std::map<QString, Json>& latest)
{
    if (value.is_string()) {
        const QString s = toQ(value.get<std::string>());
        if (!s.contains(QLatin1String("{{")))
            return value;
        const auto whole = templatePattern().match(s);
        if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == s.size())
            return lookupTemplate(latest, whole);
        QString out;
        qsizetype last = 0;
        auto it = templatePattern().globalMatch(s);
        while (it.hasNext()) {
            const auto m = it.next();
            out += s.mid(last, m.capturedStart() - last);
            auto v = lookupTemplate(latest, m);
            if (!v)
                return v.error();
            out += v->is_string() ? toQ(v->get<std::string>()) : toQ(v->dump());
            last = m.capturedEnd();
        }
        out += s.mid(last);
        return Json(toStd(out));
    }
    if (value.is_array() || value.is_object()) {
        Json copy = value;
        for (auto& [key, child] : copy.items()) {
            Q_UNUSED(key);
            auto v = substitute(child, latest);
            if (!v)
                return v.error();
            child = std::move(v).value();
        }
        return copy;
    }
    return value;
}

std::int64_t estimateTokens(qsizetype chars)
{
    return std::max<std::int64_t>(1, (chars + 3) / 4);
}

class ScriptedCall : public ModelCall
{
public:
    ScriptedCall(Result<ModelResponse> response, QObject* parent)
        : ModelCall(parent), m_response(std::move(response))
    {
        if (m_response.ok()) {
            // Stream the text word by word, as a real provider would.
            const QString& text = m_response->message.text;
            qsizetype start = 0;
            while (start < text.size()) {
                qsizetype end = text.indexOf(QLatin1Char(' '), start);
                end = end < 0 ? text.size() : end + 1;
                m_chunks << text.mid(start, end - start);
                start = end;
            }
        }
        QTimer::singleShot(0, this, &ScriptedCall::next);
    }

    void cancel() override
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(Error::make(QStringLiteral("the model call was cancelled"), QStringLiteral("cancelled")));
    }

private:
    void next()
    {
        if (m_done)
            return;
        if (m_index < m_chunks.size()) {
            Q_EMIT textDelta(m_chunks[m_index++]);
            QTimer::singleShot(0, this, &ScriptedCall::next);
            return;
        }
        m_done = true;
        Q_EMIT finished(m_response);
    }

    Result<ModelResponse> m_response;
    QStringList m_chunks;
    qsizetype m_index = 0;
    bool m_done = false;
};
} // namespace

Result<Script> Script::load(const QString& path)
{
    auto text = readRegularFile(path, kMaxFileBytes);
    if (!text)
        return Error::make(
            QStringLiteral("cannot read the model script: %1").arg(text.errorMessage()),
            text.error().code);
    return fromText(*text, path);
}

Result<Script> Script::fromText(const QByteArray& text, const QString& origin)
{
    auto json = parseJson(text);
    if (!json)
        return Error::make(QStringLiteral("%1: %2").arg(origin, json.errorMessage()),
                           QStringLiteral("invalid_script"));
    return parse(*json, origin);
}

Result<Script> Script::parse(const Json& json, const QString& origin)
{
    if (!json.is_object())
        return scriptError(origin, QStringLiteral("/"), QStringLiteral("expected an object"));
    if (!json.contains("schema_version") || !json["schema_version"].is_number_integer())
        return scriptError(origin, QStringLiteral("/schema_version"), QStringLiteral("missing or not an integer"));
    if (json["schema_version"].get<int>() != 1)
        return scriptError(origin, QStringLiteral("/schema_version"), QStringLiteral("unsupported version (expected 1)"));
    Script script;
    script.model = jsonString(json, "model", QStringLiteral("scripted"));
    const auto turns = json.find("turns");
    if (turns == json.end() || !turns->is_array() || turns->empty())
        return scriptError(origin, QStringLiteral("/turns"), QStringLiteral("expected a non-empty array of turns"));
    for (std::size_t i = 0; i < turns->size(); ++i) {
        const Json& t = (*turns)[i];
        const QString path = QStringLiteral("/turns/%1").arg(i);
        if (!t.is_object())
            return scriptError(origin, path, QStringLiteral("expected an object"));
        ScriptTurn turn;
        if (t.contains("text") && !t["text"].is_string())
            return scriptError(origin, path + QStringLiteral("/text"), QStringLiteral("expected a string"));
        turn.text = jsonString(t, "text");
        if (const auto calls = t.find("tool_calls"); calls != t.end()) {
            if (!calls->is_array())
                return scriptError(origin, path + QStringLiteral("/tool_calls"), QStringLiteral("expected an array"));
            for (std::size_t k = 0; k < calls->size(); ++k) {
                const Json& c = (*calls)[k];
                const QString cpath = path + QStringLiteral("/tool_calls/%1").arg(k);
                if (!c.is_object() || !c.contains("name") || !c["name"].is_string())
                    return scriptError(origin, cpath + QStringLiteral("/name"), QStringLiteral("a tool call needs a name"));
                const Json args = c.value("arguments", Json::object());
                if (!args.is_object())
                    return scriptError(origin, cpath + QStringLiteral("/arguments"), QStringLiteral("expected an object"));
                turn.toolCalls.push_back({QStringLiteral("call_%1_%2").arg(i + 1).arg(k + 1),
                                          toQ(c["name"].get<std::string>()), args});
            }
        }
        if (const auto usage = t.find("usage"); usage != t.end()) {
            if (!usage->is_object())
                return scriptError(origin, path + QStringLiteral("/usage"), QStringLiteral("expected an object"));
            for (const auto& [key, count] : usage->items()) {
                if (!count.is_number_integer() || count.get<std::int64_t>() < 0)
                    return scriptError(origin, path + QStringLiteral("/usage/") + toQ(key),
                                       QStringLiteral("expected a non-negative integer"));
            }
            turn.usage = Usage::fromJson(*usage);
        }
        if (turn.text.isEmpty() && turn.toolCalls.empty())
            return scriptError(origin, path, QStringLiteral("a turn needs text or tool calls"));
        script.turns.push_back(std::move(turn));
    }
    return script;
}

Result<ModelResponse> ScriptedProvider::respond(const ModelRequest& request) const
{
    std::size_t turnIndex = 0;
    qsizetype requestChars = request.instructions.size();
    for (const ChatMessage& m : request.messages) {
        if (m.role == Role::Assistant)
            ++turnIndex;
        requestChars += m.text.size();
    }
    if (turnIndex >= m_script.turns.size())
        return Error::make(QStringLiteral("the scripted model has no turn %1 (its script has %2 turns)")
                               .arg(turnIndex + 1)
                               .arg(m_script.turns.size()),
                           QStringLiteral("script_exhausted"));
    const ScriptTurn& turn = m_script.turns[turnIndex];
    // Parsing every tool result of the conversation is needed only for templates.
    const bool templated =
        turn.text.contains(QLatin1String("{{")) ||
        std::any_of(turn.toolCalls.begin(), turn.toolCalls.end(), [](const ToolCall& c) {
            return c.arguments.dump().find("{{") != std::string::npos;
        });
    const auto latest = templated ? latestResults(request) : std::map<QString, Json>();

    ModelResponse r;
    r.provider = name();
    r.model = request.model.isEmpty() ? m_script.model : request.model;
    auto text = substitute(Json(toStd(turn.text)), latest);
    if (!text)
        return text.error();
    std::vector<ToolCall> calls;
    qsizetype outputChars = 0;
    for (const ToolCall& c : turn.toolCalls) {
        auto args = substitute(c.arguments, latest);
        if (!args)
            return args.error();
        outputChars += qsizetype(args->dump().size());
        calls.push_back({c.id, c.name, std::move(args).value()});
    }
    const QString textValue = text->is_string() ? toQ(text->get<std::string>()) : toQ(text->dump());
    outputChars += textValue.size();
    r.message = ChatMessage::assistant(textValue, std::move(calls));
    r.finish = r.message.toolCalls.empty() ? FinishReason::Stop : FinishReason::ToolCalls;
    if (turn.usage) {
        r.usage = *turn.usage;
    } else {
        r.usage.inputTokens = estimateTokens(requestChars);
        r.usage.outputTokens = estimateTokens(outputChars);
    }
    r.usage.costMicros = 0; // a scripted model costs nothing
    r.rawRequest = {{"provider", "scripted"}, {"model", toStd(r.model)}, {"turn", turnIndex + 1},
                    {"messages", request.messages.size()}};
    r.rawResponse = {{"provider", "scripted"}, {"turn", turnIndex + 1}, {"message", r.message.toJson()}};
    return r;
}

ModelCall* ScriptedProvider::start(const ModelRequest& request, QObject* parent)
{
    return new ScriptedCall(respond(request), parent);
}

} // namespace awb::llm
