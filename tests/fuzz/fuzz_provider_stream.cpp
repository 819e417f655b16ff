// One provider's streamed reply (AWB_FUZZ_PROVIDER, one target per provider) on any bytes, the way
// the transport reads it (core/llm/transport/HttpCall): framed as SSE events or NDJSON lines,
// each frame recorded for the inspector and cassettes and handed to the protocol's stream decoder
// until one fails, then finish(). Properties: no exception leaves the protocol, the outcome does
// not depend on where the chunks are cut, and the frames, the response and its raw JSON can be
// written as JSON.

#include "FuzzSupport.h"

#include "llm/WireProtocol.h"
#include "llm/transport/HttpExchange.h"
#include "llm/transport/StreamFraming.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::fuzz;

namespace {

QByteArray describe(const Result<ModelResponse>& result, const QString& deltas, bool terminator)
{
    Json out = {{"deltas", toStd(deltas)}, {"terminator", terminator}};
    if (result.ok()) {
        const ModelResponse& r = *result;
        out["message"] = r.message.toJson();
        out["usage"] = r.usage.toJson();
        out["finish"] = toStd(finishReasonName(r.finish));
        out["model"] = toStd(r.model);
        out["provider"] = toStd(r.provider);
        out["raw"] = r.rawResponse;
    } else {
        out["error"] = {{"code", toStd(result.error().code)},
                        {"message", toStd(result.errorMessage())}};
    }
    return canonicalJson(out);
}

QByteArray decode(const WireProtocol& protocol, const std::vector<QByteArrayView>& pieces)
{
    QString deltas;
    const auto decoder = protocol.streamDecoder([&deltas](const QString& text) { deltas += text; });
    Json frames = Json::array();
    std::optional<Error> frameError;
    const auto deliver = [&](const QByteArray& event, const QByteArray& data) {
        frames.push_back(http::recordedFrame(event, data));
        if (const Status s = decoder->onFrame(event, data); !s)
            frameError = s.error();
        return !frameError;
    };
    if (protocol.framing() == StreamFraming::NdJson) {
        NdJsonParser parser;
        for (const QByteArrayView piece : pieces) {
            for (const QByteArray& line : parser.feed(piece)) {
                if (!deliver(QByteArray(), line))
                    break;
            }
            if (frameError)
                break;
        }
        if (!frameError) {
            for (const QByteArray& line : parser.finish()) {
                if (!deliver(QByteArray(), line))
                    break;
            }
        }
    } else {
        SseParser parser;
        for (const QByteArrayView piece : pieces) {
            for (const SseParser::Event& e : parser.feed(piece)) {
                if (!deliver(e.event, e.data))
                    break;
            }
            if (frameError)
                break;
        }
        if (!frameError) {
            for (const SseParser::Event& e : parser.finish()) {
                if (!deliver(e.event, e.data))
                    break;
            }
        }
    }
    checkWritable(frames, "the frames as recorded for the inspector and cassettes");
    const Result<ModelResponse> result =
        frameError ? Result<ModelResponse>(*frameError) : decoder->finish();
    if (result.ok()) {
        checkWritable(result->message.toJson(), "the assistant message as journaled");
        checkWritable(result->rawResponse, "the assembled raw response");
    } else {
        check(!result.errorMessage().isEmpty(), "an error says what went wrong");
    }
    return describe(result, deltas, decoder->sawTerminator());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::shared_ptr<const WireProtocol> protocol =
        protocolFor(QStringLiteral(AWB_FUZZ_PROVIDER));
    check(protocol != nullptr, "the provider is known", QStringLiteral(AWB_FUZZ_PROVIDER));
    const QByteArray body = bytesOf(data, size);
    const QByteArray whole = decode(*protocol, {QByteArrayView(body)});
    const QByteArray split = decode(*protocol, splitPieces(body));
    check(whole == split, "the outcome does not depend on where the chunks are cut",
          QStringLiteral("whole: %1\nsplit: %2")
              .arg(QString::fromUtf8(whole), QString::fromUtf8(split)));
    return 0;
}
