// SseParser (core/llm/transport/StreamFraming) on any bytes: the events do not depend on how the
// body is cut into chunks (whole, or in pieces of 1 to 16 bytes), and no field keeps a line
// end (CR, LF and CRLF all end lines) or an id a NUL, as the WHATWG event-stream rules say.

#include "FuzzSupport.h"

#include "llm/transport/StreamFraming.h"

using awb::llm::SseParser;
using namespace awb::fuzz;

namespace {

QByteArray eventsOf(const std::vector<QByteArrayView>& pieces)
{
    SseParser parser;
    QByteArray out;
    const auto append = [&out](const std::vector<SseParser::Event>& events) {
        for (const SseParser::Event& e : events) {
            check(!e.event.contains('\r') && !e.event.contains('\n'),
                  "an event name holds no line end", QString::fromUtf8(e.event.toHex()));
            check(!e.data.contains('\r'), "event data holds no CR",
                  QString::fromUtf8(e.data.toHex()));
            check(!e.id.contains('\r') && !e.id.contains('\n') && !e.id.contains('\0'),
                  "an event id holds no line end and no NUL", QString::fromUtf8(e.id.toHex()));
            // Lengths first, so that the description of one event cannot run into the next.
            out += QByteArray::number(e.event.size()) + ':' + e.event + ' ' +
                   QByteArray::number(e.data.size()) + ':' + e.data + ' ' +
                   QByteArray::number(e.id.size()) + ':' + e.id + '\n';
        }
    };
    for (const QByteArrayView piece : pieces)
        append(parser.feed(piece));
    append(parser.finish());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body = bytesOf(data, size);
    const QByteArray whole = eventsOf({QByteArrayView(body)});
    const QByteArray split = eventsOf(splitPieces(body));
    check(split == whole, "events do not depend on where the chunks are cut",
          QStringLiteral("whole:\n%1\nsplit:\n%2")
              .arg(QString::fromUtf8(whole), QString::fromUtf8(split)));
    return 0;
}
