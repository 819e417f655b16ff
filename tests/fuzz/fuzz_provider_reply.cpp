// One provider's whole (non-streamed) reply (AWB_FUZZ_PROVIDER, one target per provider) on any
// bytes, read the way the transport does (core/llm/transport/HttpCall): as a 200 reply through
// parseResponse() and then priced, and as an error reply through parseFailure(). Properties: no
// exception leaves the protocol, an error always has a message for the user, and the body as
// recorded, the response and its raw JSON can be written as JSON.

#include "FuzzSupport.h"

#include "llm/Pricing.h"
#include "llm/WireProtocol.h"
#include "llm/transport/HttpExchange.h"

using namespace awb;
using namespace awb::llm;
using namespace awb::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::shared_ptr<const WireProtocol> protocol =
        protocolFor(QStringLiteral(AWB_FUZZ_PROVIDER));
    static const std::shared_ptr<const Pricing> pricing = Pricing::builtin();
    check(protocol != nullptr, "the provider is known", QStringLiteral(AWB_FUZZ_PROVIDER));
    const QByteArray body = bytesOf(data, size);

    checkWritable(http::bodyValue(body),
                  "the reply body as recorded for the inspector and cassettes");

    const Result<ModelResponse> result = protocol->parseResponse(body);
    if (result.ok()) {
        checkWritable(result->message.toJson(), "the assistant message as journaled");
        checkWritable(result->rawResponse, "the raw response");
        checkWritable(result->usage.toJson(), "the usage");
        (void)pricing->costMicros(result->model, result->usage);
    } else {
        check(!result.errorMessage().isEmpty(), "an error says what went wrong");
    }

    for (const int status : {400, 401, 429, 500}) {
        const ProviderFailure failure = protocol->parseFailure(status, body);
        check(!failure.message.isEmpty(), "a refused request says why",
              QStringLiteral("HTTP %1").arg(status));
        check(failure.httpStatus == status, "the failure keeps its HTTP status");
    }
    return 0;
}
