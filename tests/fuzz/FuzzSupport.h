#pragma once
// What the fuzz targets share: the input as Qt bytes, a failed property as a crash that libFuzzer
// keeps (with what was expected printed first), deterministic chunk splits of a body, and the check
// that what we produce from hostile input can still be written to the journal.
// A target asserts properties, not only "no crash": a sanitizer report, an exception leaving our
// code and a broken property all end the run with the input saved. FuzzSupport.cpp, linked into
// every target, silences Qt's warnings (expected with hostile input, and slow to print).

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "util/Json.h"

namespace awb::fuzz {

// A copy, so that the bytes are null-terminated like every QByteArray our code is given.
inline QByteArray bytesOf(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

[[noreturn]] inline void fail(const char* property, const QString& detail = {})
{
    std::fprintf(stderr, "\nFUZZ PROPERTY FAILED: %s\n%s\n", property, detail.toUtf8().constData());
    std::abort();
}

inline void check(bool holds, const char* property, const QString& detail = {})
{
    if (!holds)
        fail(property, detail);
}

// The body cut into pieces at positions derived from its bytes, so a failing split is
// reproducible from the saved input alone. Piece lengths are 1 to 16 bytes: short enough that
// every field and line end lands on a boundary somewhere.
inline std::vector<QByteArrayView> splitPieces(QByteArrayView body)
{
    std::uint32_t state = 2166136261u; // FNV-1a over the body seeds a small LCG
    for (const char c : body)
        state = (state ^ std::uint8_t(c)) * 16777619u;
    std::vector<QByteArrayView> pieces;
    qsizetype pos = 0;
    while (pos < body.size()) {
        state = state * 1664525u + 1013904223u;
        const qsizetype length = std::min<qsizetype>(1 + (state >> 28), body.size() - pos);
        pieces.push_back(body.sliced(pos, length));
        pos += length;
    }
    return pieces;
}

// The journal, cassettes and the inspector write JSON with nlohmann's strict dump, which throws on
// a string that is not UTF-8: anything we build from provider bytes must survive it.
inline void checkWritable(const Json& value, const char* what)
{
    try {
        (void)value.dump();
    } catch (const Json::exception& e) {
        fail("what we produce can be written as JSON",
             QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(e.what())));
    }
}

} // namespace awb::fuzz
