#include "tools/data/Csv.h"

#include <QStringDecoder>

#include "util/RegularFile.h"

namespace awb {

namespace {
Error csvError(const CsvOptions& options, int line, const QString& what)
{
    return Error::make(
        QStringLiteral("%1: line %2: %3").arg(options.sourceName).arg(line).arg(what),
        QStringLiteral("invalid_csv"));
}

// A header name without the spaces, tabs and byte-order marks (U+FEFF, e.g. from a second export
// appended to the file) around it. QString drops a leading mark silently, which would leave the
// spaces behind it in the name.
std::string trimmedName(std::string s)
{
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    for (bool changed = true; changed;) {
        changed = false;
        const auto begin = s.find_first_not_of(" \t");
        s.erase(0, begin == std::string::npos ? s.size() : begin);
        const auto end = s.find_last_not_of(" \t");
        s.erase(end == std::string::npos ? 0 : end + 1);
        if (s.starts_with(kBom)) {
            s.erase(0, kBom.size());
            changed = true;
        }
        if (s.ends_with(kBom)) {
            s.erase(s.size() - kBom.size());
            changed = true;
        }
    }
    return s;
}

// Cursor over the bytes; the delimiter, quotes and line breaks are ASCII, so UTF-8 passes through.
class Parser
{
public:
    Parser(const QByteArray& data, const CsvOptions& options)
        : m_p(data.constData()), m_end(data.constData() + data.size()), m_options(options)
    {
        if (m_end - m_p >= 3 && std::string_view(m_p, 3) == "\xEF\xBB\xBF")
            m_p += 3;
    }

    bool atEnd() const { return m_p >= m_end; }
    int line() const { return m_line; }

    // Skips line breaks that stand alone (empty lines). Returns true if any were skipped.
    void skipEmptyLines()
    {
        while (!atEnd() && (*m_p == '\n' || *m_p == '\r'))
            consumeLineBreak();
    }

    // Reads one record into fields; returns an error for malformed quoting.
    std::optional<Error> readRecord(std::vector<std::string>& fields)
    {
        fields.clear();
        while (true) {
            std::string field;
            if (!atEnd() && *m_p == '"') {
                const int startLine = m_line;
                ++m_p;
                while (true) {
                    if (atEnd())
                        return csvError(
                            m_options, startLine,
                            QStringLiteral("unterminated quoted field (a \" is missing)"));
                    const char c = *m_p;
                    if (c == '"') {
                        if (m_p + 1 < m_end && m_p[1] == '"') {
                            field.push_back('"');
                            m_p += 2;
                            continue;
                        }
                        ++m_p;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && !(m_p + 1 < m_end && m_p[1] == '\n')))
                        ++m_line;
                    field.push_back(c);
                    ++m_p;
                }
                if (!atEnd() && *m_p != m_options.delimiter && *m_p != '\n' && *m_p != '\r')
                    return csvError(
                        m_options, m_line,
                        QStringLiteral("unexpected character after a closing quote in "
                                       "field %1 (quotes inside a field must be doubled)")
                            .arg(fields.size() + 1));
            } else {
                const char* start = m_p;
                while (!atEnd() && *m_p != m_options.delimiter && *m_p != '\n' && *m_p != '\r')
                    ++m_p;
                field.assign(start, m_p);
            }
            fields.push_back(std::move(field));
            if (atEnd())
                return std::nullopt;
            if (*m_p == m_options.delimiter) {
                ++m_p;
                continue;
            }
            consumeLineBreak();
            return std::nullopt;
        }
    }

private:
    void consumeLineBreak()
    {
        if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n')
            ++m_p;
        ++m_p;
        ++m_line;
    }

    const char* m_p;
    const char* m_end;
    const CsvOptions& m_options;
    int m_line = 1;
};
} // namespace

Result<Table> parseCsv(const QByteArray& input, const CsvOptions& options)
{
    // Spreadsheet exports are often Latin-1/Windows-1252; read those rather than fail, since
    // nothing downstream can handle invalid UTF-8. Stateless: a sequence cut off at the end of the
    // file is an error too, not a wait for more bytes.
    QByteArray data = input;
    {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)QString(utf8.decode(input));
        if (utf8.hasError())
            data = QString::fromLatin1(input).toUtf8();
    }
    Parser parser(data, options);
    parser.skipEmptyLines();
    if (parser.atEnd())
        return Error::make(
            QStringLiteral("%1 is empty: a header row is required").arg(options.sourceName),
            QStringLiteral("invalid_csv"));
    Table table;
    std::vector<std::string> fields;
    if (auto error = parser.readRecord(fields))
        return *error;
    for (const std::string& name : fields)
        table.columns << toQ(trimmedName(name));
    while (true) {
        parser.skipEmptyLines();
        if (parser.atEnd())
            break;
        const int line = parser.line();
        if (auto error = parser.readRecord(fields))
            return *error;
        if (fields.size() != std::size_t(table.columns.size()))
            return csvError(options, line,
                            QStringLiteral("%1 fields, but the header has %2 columns")
                                .arg(fields.size())
                                .arg(table.columns.size()));
        std::vector<Json> row;
        row.reserve(fields.size());
        for (std::string& f : fields)
            row.emplace_back(std::move(f));
        table.rows.push_back(std::move(row));
    }
    return table;
}

Result<Table> readCsvFile(const QString& path, CsvOptions options)
{
    auto data = readRegularFile(path, kMaxCsvFileBytes);
    if (!data)
        return Error::make(QStringLiteral("CSV file: %1").arg(data.errorMessage()),
                           data.error().code);
    if (options.sourceName == QLatin1String("CSV"))
        options.sourceName = path;
    return parseCsv(*data, options);
}

} // namespace awb
