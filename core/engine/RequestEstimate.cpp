#include "engine/RequestEstimate.h"

#include <initializer_list>

namespace awb {

namespace {
// "key":value
qsizetype memberSize(qsizetype keyLength, qsizetype valueSize)
{
    return keyLength + 3 + valueSize;
}

// {a,b,...} or [a,b,...] of elements of the given sizes.
qsizetype containerSize(qsizetype elementsTotal, qsizetype count)
{
    return 2 + elementsTotal + (count > 0 ? count - 1 : 0);
}

qsizetype keyLength(const char* key)
{
    return qsizetype(std::char_traits<char>::length(key));
}
} // namespace

qsizetype jsonStringSize(QStringView text)
{
    qsizetype size = 2;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            if (c == u'"' || c == u'\\')
                size += 2;
            else if (c < 0x20)
                size +=
                    (c == u'\b' || c == u'\f' || c == u'\n' || c == u'\r' || c == u'\t') ? 2 : 6;
            else
                size += 1;
        } else if (c < 0x800) {
            size += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < text.size() &&
                   QChar::isLowSurrogate(text[i + 1].unicode())) {
            size += 4;
            ++i;
        } else {
            size += 3;
        }
    }
    return size;
}

qsizetype serializedSize(const llm::ChatMessage& m)
{
    // Members in the sorted order of toJson(): is_error, role, text, tool_call_id, tool_calls,
    // tool_name.
    qsizetype total = 0;
    qsizetype count = 0;
    auto add = [&](const char* key, qsizetype valueSize) {
        total += memberSize(keyLength(key), valueSize);
        ++count;
    };
    const bool isTool = m.role == llm::Role::Tool;
    if (isTool)
        add("is_error", m.isError ? 4 : 5);
    add("role", jsonStringSize(llm::roleName(m.role)));
    add("text", jsonStringSize(m.text));
    if (isTool)
        add("tool_call_id", jsonStringSize(m.toolCallId));
    if (!m.toolCalls.empty()) {
        qsizetype calls = 0;
        for (const llm::ToolCall& c : m.toolCalls) {
            const qsizetype members =
                memberSize(keyLength("arguments"), qsizetype(c.arguments.dump().size())) +
                memberSize(keyLength("id"), jsonStringSize(c.id)) +
                memberSize(keyLength("name"), jsonStringSize(c.name));
            calls += containerSize(members, 3);
        }
        add("tool_calls", containerSize(calls, qsizetype(m.toolCalls.size())));
    }
    if (isTool)
        add("tool_name", jsonStringSize(m.toolName));
    return containerSize(total, count);
}

} // namespace awb
