#pragma once
// Framing of streamed HTTP bodies: Server-Sent Events (WHATWG event-stream) and newline-delimited
// JSON. Both work on raw bytes, so a chunk boundary inside a UTF-8 sequence or a line is harmless.

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace awb::llm {

class SseParser
{
public:
    struct Event
    {
        QByteArray event; // the "event:" field; empty when absent
        QByteArray data;  // "data:" lines joined with '\n'
        QByteArray id;
    };
    // Appends bytes; returns the events they complete, in order. Handles LF, CRLF and CR line
    // ends, comment lines (":"), fields without a value, and a leading UTF-8 byte-order mark.
    std::vector<Event> feed(QByteArrayView bytes);
    // At the end of the body: the last event, when the body ended without its blank line.
    std::vector<Event> finish();

private:
    void processLine(const QByteArray& line, std::vector<Event>& out);
    QByteArray m_buffer;
    Event m_current;
    bool m_hasData = false;
    bool m_started = false;
    bool m_pendingCr = false;
};

class NdJsonParser
{
public:
    // Appends bytes; returns the complete non-empty lines.
    std::vector<QByteArray> feed(QByteArrayView bytes);
    // At the end of the body: a last line without its newline.
    std::vector<QByteArray> finish();

private:
    QByteArray m_buffer;
};

} // namespace awb::llm
