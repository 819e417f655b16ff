#include "llm/transport/StreamFraming.h"

namespace awb::llm {

namespace {
constexpr char kBom[] = "\xEF\xBB\xBF";
constexpr qsizetype kBomSize = 3;

// Index of the next CR or LF at or after `from`, or -1.
qsizetype findLineEnd(QByteArrayView bytes, qsizetype from)
{
    for (qsizetype i = from; i < bytes.size(); ++i) {
        if (bytes[i] == '\r' || bytes[i] == '\n')
            return i;
    }
    return -1;
}
} // namespace

std::vector<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    std::vector<Event> out;
    QByteArray head;
    if (!m_started) {
        // The byte-order mark may itself arrive split across chunks: hold back a partial one.
        head = m_buffer + bytes.toByteArray();
        m_buffer.clear();
        const QByteArrayView bom(kBom, kBomSize);
        if (head.size() < kBomSize && bom.startsWith(head)) {
            m_buffer = head;
            return out;
        }
        if (head.startsWith(bom))
            head.remove(0, kBomSize);
        m_started = true;
        bytes = head;
    }

    qsizetype pos = 0;
    if (m_pendingCr && !bytes.isEmpty()) {
        // A CR ended the previous chunk: an LF right after it belongs to the same line end.
        if (bytes[0] == '\n')
            pos = 1;
        m_pendingCr = false;
    }
    while (pos < bytes.size()) {
        const qsizetype end = findLineEnd(bytes, pos);
        if (end < 0) {
            m_buffer.append(bytes.sliced(pos));
            break;
        }
        m_buffer.append(bytes.sliced(pos, end - pos));
        processLine(m_buffer, out);
        m_buffer.clear();
        pos = end + 1;
        if (bytes[end] == '\r') {
            if (pos < bytes.size()) {
                if (bytes[pos] == '\n')
                    ++pos;
            } else {
                m_pendingCr = true;
            }
        }
    }
    return out;
}

std::vector<SseParser::Event> SseParser::finish()
{
    std::vector<Event> out;
    m_started = true;
    if (!m_buffer.isEmpty()) {
        processLine(m_buffer, out);
        m_buffer.clear();
    }
    // Lenient where the standard discards: a body that ends without its blank line still
    // delivers its last event, since some servers close right after the final data line.
    processLine(QByteArray(), out);
    m_pendingCr = false;
    return out;
}

void SseParser::processLine(const QByteArray& line, std::vector<Event>& out)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            Event e = m_current;
            if (e.data.endsWith('\n'))
                e.data.chop(1);
            out.push_back(std::move(e));
        }
        // The last event id persists across events; type and data do not.
        m_current.event.clear();
        m_current.data.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment, e.g. a keep-alive ping
    QByteArray field;
    QByteArray value;
    const qsizetype colon = line.indexOf(':');
    if (colon < 0) {
        field = line;
    } else {
        field = line.left(colon);
        value = line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
    }
    if (field == "data") {
        m_current.data.append(value);
        m_current.data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_current.event = value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_current.id = value;
    }
    // "retry" and unknown fields are ignored: reconnection is the retry policy's job.
}

std::vector<QByteArray> NdJsonParser::feed(QByteArrayView bytes)
{
    std::vector<QByteArray> out;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype nl = bytes.indexOf('\n', pos);
        if (nl < 0) {
            m_buffer.append(bytes.sliced(pos));
            break;
        }
        m_buffer.append(bytes.sliced(pos, nl - pos));
        QByteArray line = m_buffer.trimmed();
        m_buffer.clear();
        if (!line.isEmpty())
            out.push_back(std::move(line));
        pos = nl + 1;
    }
    return out;
}

std::vector<QByteArray> NdJsonParser::finish()
{
    std::vector<QByteArray> out;
    QByteArray line = m_buffer.trimmed();
    m_buffer.clear();
    if (!line.isEmpty())
        out.push_back(std::move(line));
    return out;
}

} // namespace awb::llm
