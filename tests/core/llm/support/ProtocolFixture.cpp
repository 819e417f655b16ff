#include "ProtocolFixture.h"

#include <QFile>
#include <QtGlobal>

#include "llm/transport/StreamFraming.h"

namespace awb::llm::test {

ProtocolFixture::ProtocolFixture(const QString& providerFolder)
    : m_dir(QStringLiteral(AWB_TEST_FIXTURES "/llm/") + providerFolder + QLatin1Char('/'))
{
}

QString ProtocolFixture::path(const QString& name) const
{
    return m_dir + name;
}

QByteArray ProtocolFixture::read(const QString& name) const
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray ProtocolFixture::require(const QString& name) const
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

Json ProtocolFixture::json(const QString& name) const
{
    auto parsed = parseJson(require(name));
    if (!parsed.ok())
        qFatal("fixture %s is not JSON: %s", qPrintable(path(name)),
               qPrintable(parsed.errorMessage()));
    return *parsed;
}

Result<Json> ProtocolFixture::conversationJson(const QString& name) const
{
    return parseJson(read(name + QStringLiteral(".conversation.json")));
}

Result<ModelRequest> ProtocolFixture::loadConversation(const QString& name) const
{
    auto json = conversationJson(name);
    if (!json.ok())
        return json.error();
    ModelRequest request;
    request.instructions = jsonString(*json, "instructions");
    if (json->contains("max_output_tokens"))
        request.maxOutputTokens = (*json)["max_output_tokens"].get<std::int64_t>();
    for (const Json& m : json->value("messages", Json::array())) {
        auto message = ChatMessage::fromJson(m);
        if (!message.ok())
            return message.error();
        request.messages.push_back(*message);
    }
    for (const Json& t : json->value("tools", Json::array()))
        request.tools.push_back(
            {jsonString(t, "name"), jsonString(t, "description"), t.value("input_schema", Json())});
    return request;
}

GoldenCheck ProtocolFixture::checkGolden(const QString& name, const Json& body) const
{
    GoldenCheck check;
    check.actual = QString::fromStdString(body.dump(2)) + QLatin1Char('\n');
    if (qEnvironmentVariableIntValue("AWB_REGENERATE_GOLDEN") == 1) {
        check.regenerated = true;
        QFile file(path(name));
        check.written = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                        file.write(check.actual.toUtf8()) >= 0;
        check.expected = check.actual;
        return check;
    }
    if (!QFile::exists(path(name))) {
        check.problem =
            path(name) + QStringLiteral(" is missing; AWB_REGENERATE_GOLDEN=1 writes it");
        return check;
    }
    auto expected = parseJson(read(name));
    if (!expected.ok()) {
        check.problem = path(name) + QStringLiteral(" is not JSON: ") + expected.errorMessage();
        return check;
    }
    check.found = true;
    check.expected = QString::fromStdString(expected->dump(2)) + QLatin1Char('\n');
    return check;
}

namespace {

// Feeds frames to the decoder until one fails; the failure ends the stream.
template <typename Frames, typename Deliver>
bool deliverAll(const Frames& frames, Deliver&& deliver, StreamOutcome& out, StreamDecoder& decoder)
{
    for (const auto& frame : frames) {
        if (Status s = deliver(frame); !s) {
            out.result = s.error();
            out.sawTerminator = decoder.sawTerminator();
            return false;
        }
    }
    return true;
}

} // namespace

StreamOutcome ProtocolFixture::decode(const WireProtocol& protocol,
                                      const std::vector<QByteArrayView>& pieces)
{
    StreamOutcome out;
    auto decoder = protocol.streamDecoder([&out](const QString& d) { out.deltas += d; });
    if (protocol.framing() == StreamFraming::NdJson) {
        NdJsonParser parser;
        const auto line = [&decoder](const QByteArray& l) {
            return decoder->onFrame({}, l);
        };
        for (const QByteArrayView piece : pieces) {
            if (!deliverAll(parser.feed(piece), line, out, *decoder))
                return out;
        }
        if (!deliverAll(parser.finish(), line, out, *decoder))
            return out;
    } else {
        SseParser parser;
        const auto event = [&decoder](const SseParser::Event& e) {
            return decoder->onFrame(e.event, e.data);
        };
        for (const QByteArrayView piece : pieces) {
            if (!deliverAll(parser.feed(piece), event, out, *decoder))
                return out;
        }
        if (!deliverAll(parser.finish(), event, out, *decoder))
            return out;
    }
    out.sawTerminator = decoder->sawTerminator();
    out.result = decoder->finish();
    return out;
}

StreamOutcome ProtocolFixture::decodeWhole(const WireProtocol& protocol, QByteArrayView body)
{
    return decode(protocol, {body});
}

std::vector<StreamOutcome> ProtocolFixture::decodeSplitEverywhere(const WireProtocol& protocol,
                                                                  QByteArrayView body)
{
    std::vector<StreamOutcome> outcomes;
    outcomes.reserve(static_cast<std::size_t>(body.size()) + 1);
    for (qsizetype cut = 0; cut <= body.size(); ++cut)
        outcomes.push_back(decode(protocol, {body.first(cut), body.sliced(cut)}));
    return outcomes;
}

StreamOutcome ProtocolFixture::decodeBytewise(const WireProtocol& protocol, QByteArrayView body)
{
    std::vector<QByteArrayView> bytes;
    for (qsizetype i = 0; i < body.size(); ++i)
        bytes.push_back(body.sliced(i, 1));
    return decode(protocol, bytes);
}

ModelRequest hello()
{
    ModelRequest request;
    request.messages.push_back(ChatMessage::user(QStringLiteral("Hello")));
    return request;
}

ModelRequest toolResultRequest(const QString& text, bool isError)
{
    ModelRequest request = hello();
    request.messages.push_back(ChatMessage::assistant(
        QString(), {{QStringLiteral("call_1"), QStringLiteral("lookup"), Json::object()}}));
    request.messages.push_back(
        ChatMessage::toolResult(QStringLiteral("call_1"), QStringLiteral("lookup"), text, isError));
    return request;
}

QString dumped(const Json& value)
{
    return toQ(value.dump());
}

QString pretty(const Json& value)
{
    return toQ(value.dump(2));
}

QString qs(const Json& value)
{
    return value.is_string() ? toQ(value.get<std::string>()) : toQ(value.dump());
}

QString summaryText(const ModelResponse& r)
{
    const Json j = {{"message", r.message.toJson()},
                    {"usage", r.usage.toJson()},
                    {"finish", toStd(finishReasonName(r.finish))},
                    {"model", toStd(r.model)},
                    {"provider", toStd(r.provider)}};
    return toQ(j.dump());
}

Json summaryJson(const ModelResponse& r)
{
    Json calls = Json::array();
    for (const ToolCall& c : r.message.toolCalls)
        calls.push_back({{"id", toStd(c.id)}, {"name", toStd(c.name)}, {"arguments", c.arguments}});
    return {{"text", toStd(r.message.text)},
            {"tool_calls", calls},
            {"finish", toStd(finishReasonName(r.finish))},
            {"usage", {r.usage.inputTokens, r.usage.outputTokens, r.usage.cachedInputTokens}},
            {"model", toStd(r.model)},
            {"provider", toStd(r.provider)}};
}

Json call(const char* id, const char* name, Json arguments)
{
    return {{"id", id}, {"name", name}, {"arguments", std::move(arguments)}};
}

qsizetype lastFrameStart(const QByteArray& body, QByteArrayView separator)
{
    QByteArray trimmed = body;
    while (trimmed.endsWith('\n') || trimmed.endsWith('\r'))
        trimmed.chop(1);
    return trimmed.lastIndexOf(separator) + separator.size();
}

} // namespace awb::llm::test
