#include "security/Redactor.h"

#include <algorithm>
#include <utility>

namespace awb {

bool Redactor::addSecret(const QString& secret)
{
    if (secret.size() < kMinSecretLength || m_secrets.contains(secret))
        return false;
    const auto at = std::find_if(m_secrets.begin(), m_secrets.end(),
                                 [&](const QString& s) { return s.size() < secret.size(); });
    m_secrets.insert(at, secret);
    m_secretsUtf8.push_back(secret.toStdString());
    return true;
}

Status Redactor::addPattern(const QRegularExpression& pattern)
{
    if (!pattern.isValid())
        return Error::make(QStringLiteral("the redaction pattern \"%1\" is not a valid regular "
                                          "expression: %2 (at offset %3)")
                               .arg(pattern.pattern(), pattern.errorString())
                               .arg(pattern.patternErrorOffset()),
                           QStringLiteral("invalid_pattern"));
    if (pattern.match(QString()).hasMatch())
        return Error::make(QStringLiteral("the redaction pattern \"%1\" matches empty text; it "
                                          "must match at least one character")
                               .arg(pattern.pattern()),
                           QStringLiteral("invalid_pattern"));
    QRegularExpression compiled = pattern;
    compiled.optimize(); // compile now, during setup, not on first concurrent use
    m_patterns.push_back(std::move(compiled));
    return {};
}

Status Redactor::addPatterns(const QStringList& patterns)
{
    for (const QString& p : patterns) {
        if (Status s = addPattern(QRegularExpression(p)); !s.ok())
            return s;
    }
    return {};
}

QString Redactor::redact(const QString& text) const
{
    QString out;
    return redactInto(text, out) ? out : text;
}

bool Redactor::redactInto(const QString& text, QString& out) const
{
    if (text.isEmpty() || isEmpty())
        return false;
    // Collect [start, end) ranges of every match in the original text, then merge them, so a
    // placeholder is never itself matched and overlapping secrets become one placeholder.
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    for (const QString& secret : m_secrets) {
        for (qsizetype at = text.indexOf(secret); at >= 0;
             at = text.indexOf(secret, at + secret.size()))
            ranges.emplace_back(at, at + secret.size());
    }
    for (const QRegularExpression& pattern : m_patterns) {
        auto it = pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            if (match.capturedLength() > 0)
                ranges.emplace_back(match.capturedStart(), match.capturedEnd());
        }
    }
    if (ranges.empty())
        return false;
    std::sort(ranges.begin(), ranges.end());
    out.clear();
    out.reserve(text.size());
    qsizetype copiedTo = 0;
    for (std::size_t i = 0; i < ranges.size();) {
        const qsizetype start = ranges[i].first;
        qsizetype end = ranges[i].second;
        for (++i; i < ranges.size() && ranges[i].first < end; ++i)
            end = std::max(end, ranges[i].second);
        out.append(QStringView(text).mid(copiedTo, start - copiedTo));
        out.append(placeholder());
        copiedTo = end;
    }
    out.append(QStringView(text).mid(copiedTo));
    return true;
}

Json Redactor::redact(Json value) const
{
    if (!isEmpty())
        redactInPlace(value);
    return value;
}

bool Redactor::mayMatch(const std::string& utf8) const
{
    // Patterns need the UTF-16 text; secrets are found in UTF-8 just as well (UTF-8 is
    // self-synchronising), and almost every string holds none.
    if (!m_patterns.empty())
        return true;
    for (const std::string& secret : m_secretsUtf8) {
        if (utf8.find(secret) != std::string::npos)
            return true;
    }
    return false;
}

void Redactor::redactInPlace(Json& value) const
{
    if (value.is_string()) {
        std::string& text = value.get_ref<std::string&>();
        if (!mayMatch(text))
            return;
        QString redacted;
        if (redactInto(toQ(text), redacted))
            text = toStd(redacted);
        return;
    }
    if (value.is_structured()) {
        for (Json& child : value)
            redactInPlace(child);
    }
}

} // namespace awb
