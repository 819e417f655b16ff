// NdJsonParser (core/llm/transport/StreamFraming) on any bytes: the lines do not depend on how the
// body is cut into chunks, and each line is non-empty, trimmed and holds no newline.

#include "FuzzSupport.h"

#include "llm/transport/StreamFraming.h"

using awb::llm::NdJsonParser;
using namespace awb::fuzz;

namespace {

QByteArray linesOf(const std::vector<QByteArrayView>& pieces)
{
    NdJsonParser parser;
    QByteArray out;
    const auto append = [&out](const std::vector<QByteArray>& lines) {
        for (const QByteArray& line : lines) {
            check(!line.isEmpty(), "no line is empty");
            check(!line.contains('\n'), "a line holds no newline", QString::fromUtf8(line.toHex()));
            check(line == line.trimmed(), "lines are trimmed", QString::fromUtf8(line.toHex()));
            out += QByteArray::number(line.size()) + ':' + line + '\n';
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
    const QByteArray whole = linesOf({QByteArrayView(body)});
    const QByteArray split = linesOf(splitPieces(body));
    check(split == whole, "lines do not depend on where the chunks are cut",
          QStringLiteral("whole:\n%1\nsplit:\n%2")
              .arg(QString::fromUtf8(whole), QString::fromUtf8(split)));
    return 0;
}
