#pragma once
// Replaces secrets (exact strings such as API keys) and configured PII patterns with
// "[REDACTED]" before anything is written or sent. Set up on one thread with addSecret() and
// addPattern(); after that, redact() may be called from any number of threads at once.

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <vector>

#include "util/Json.h"
#include "util/Result.h"

namespace awb {

class Redactor
{
public:
    static QString placeholder() { return QStringLiteral("[REDACTED]"); }
    static constexpr int kMinSecretLength = 4; // shorter strings would mangle ordinary text

    // Returns false (and ignores it) when the secret is shorter than kMinSecretLength or known.
    bool addSecret(const QString& secret);
    // Fails when the pattern is invalid or can match the empty string.
    Status addPattern(const QRegularExpression& pattern);
    // Adds each pattern in turn; the error names the first bad one.
    Status addPatterns(const QStringList& patterns);

    bool isEmpty() const { return m_secrets.isEmpty() && m_patterns.empty(); }

    // Every match of a secret or pattern in the original text becomes one placeholder; matches
    // that overlap are merged. Returns the text unchanged (shared, no copy) when nothing matches.
    QString redact(const QString& text) const;
    // Redacts every string in value: array elements and object values, not object keys. Works in
    // place on the value it is given: pass an rvalue and nothing is copied.
    Json redact(Json value) const;

private:
    // Writes the redacted text to out and returns true when anything matched.
    bool redactInto(const QString& text, QString& out) const;
    void redactInPlace(Json& value) const;
    // False when the UTF-8 text cannot hold a match, decided without converting it to UTF-16.
    bool mayMatch(const std::string& utf8) const;

    QStringList m_secrets; // longest first, so a secret containing another wins
    std::vector<std::string> m_secretsUtf8;
    std::vector<QRegularExpression> m_patterns;
};

} // namespace awb
