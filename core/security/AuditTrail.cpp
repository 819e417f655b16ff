#include "security/AuditTrail.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

#include <sqlite3.h>

#include <utility>

namespace awb {

namespace {

constexpr int kSha256BlockSize = 64;

// HMAC-SHA256 (RFC 2104) with the key pads computed once and the hash objects reused, because
// verification computes one per entry.
class Hmac
{
public:
    explicit Hmac(const QByteArray& key)
    {
        QByteArray block = key;
        if (block.size() > kSha256BlockSize)
            block = QCryptographicHash::hash(block, QCryptographicHash::Sha256);
        block.resize(kSha256BlockSize, '\0');
        m_innerPad.resize(kSha256BlockSize);
        m_outerPad.resize(kSha256BlockSize);
        for (int i = 0; i < kSha256BlockSize; ++i) {
            m_innerPad[i] = char(block[i] ^ 0x36);
            m_outerPad[i] = char(block[i] ^ 0x5c);
        }
    }

    QByteArray hex(const QByteArray& message)
    {
        m_inner.reset();
        m_inner.addData(m_innerPad);
        m_inner.addData(message);
        m_outer.reset();
        m_outer.addData(m_outerPad);
        m_outer.addData(m_inner.resultView());
        return m_outer.resultView().toByteArray().toHex();
    }

private:
    QByteArray m_innerPad;
    QByteArray m_outerPad;
    QCryptographicHash m_inner{QCryptographicHash::Sha256};
    QCryptographicHash m_outer{QCryptographicHash::Sha256};
};

// Appends a JSON string literal with the escapes JSON requires and nothing else, as
// canonicalJson() does for valid UTF-8 (which is all the audit table holds).
void appendJsonString(QByteArray& out, const char* data, qsizetype size)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            out.append(escape, sizeof(escape));
        }
        }
    }
    out.append(data + plainFrom, size - plainFrom);
    out.append('"');
}

void appendJsonString(QByteArray& out, const QByteArray& utf8)
{
    appendJsonString(out, utf8.constData(), utf8.size());
}

// The path of the first floating-point number in value, if any ("data.lines[2].amount").
std::optional<QString> firstFloat(const Json& value, const QString& path)
{
    if (value.is_number_float())
        return path;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (auto found = firstFloat(it.value(), path + QLatin1Char('.') + toQ(it.key())))
                return found;
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (auto found = firstFloat(value[i], QStringLiteral("%1[%2]").arg(path).arg(i)))
                return found;
        }
    }
    return std::nullopt;
}

const char* const kSelectColumns =
    "SELECT seq, time, actor, kind, run_id, data, prev, mac FROM audit";

// Reads the current row of a kSelectColumns statement. Data that is not valid JSON (only possible
// after tampering) is kept as a string so that it still shows and fails verification.
AuditEntry entryFromRow(const sql::Statement& row)
{
    AuditEntry entry;
    entry.seq = row.int64(0);
    entry.time = row.text(1);
    entry.actor = row.text(2);
    entry.kind = row.text(3);
    entry.runId = row.text(4);
    const QByteArray data = row.textUtf8(5);
    auto parsed = parseJson(data);
    entry.data = parsed ? std::move(parsed).value() : Json(data.toStdString());
    entry.prev = row.text(6);
    entry.mac = row.text(7);
    return entry;
}

struct ExpectedHead
{
    qint64 seq = 0;
    QByteArray mac;
};

Result<ExpectedHead> parseExpectedHead(const QString& text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    bool seqOk = false;
    ExpectedHead head;
    if (parts.size() == 2)
        head.seq = parts[0].toLongLong(&seqOk);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!seqOk || head.seq < 0 || !hex.match(parts.value(1)).hasMatch())
        return Error::make(QStringLiteral("the expected head \"%1\" is not SEQ:MAC (a sequence "
                                          "number, a colon and 64 hex digits), as printed by "
                                          "`awb audit verify`")
                               .arg(text),
                           QStringLiteral("invalid_arguments"));
    head.mac = parts[1].toLower().toLatin1();
    return head;
}

Error emptyKeyError()
{
    return Error::make(QStringLiteral("the audit key is empty; set AWB_AUDIT_KEY or let the "
                                      "keychain provide one"),
                       QStringLiteral("audit_key_missing"));
}

} // namespace

Json AuditEntry::toJson(bool withMac) const
{
    Json json = {{"seq", seq},          {"time", toStd(time)},    {"actor", toStd(actor)},
                 {"kind", toStd(kind)}, {"run_id", toStd(runId)}, {"data", data},
                 {"prev", toStd(prev)}};
    if (withMac)
        json["mac"] = toStd(mac);
    return json;
}

AuditTrail::AuditTrail(QByteArray key) : m_key(std::move(key)) {}

QString AuditTrail::macOf(const QByteArray& canonicalText) const
{
    Hmac hmac(m_key);
    return QString::fromLatin1(hmac.hex(canonicalText));
}

Result<AuditEntry> AuditTrail::append(sql::Database& db, const QString& actor, const QString& kind,
                                      const QString& runId, const Json& data,
                                      const QDateTime& time) const
{
    if (m_key.isEmpty())
        return emptyKeyError();
    if (!data.is_object())
        return Error::make(QStringLiteral("audit data for \"%1\" must be a JSON object").arg(kind),
                           QStringLiteral("invalid_arguments"));
    if (auto where = firstFloat(data, QStringLiteral("data")))
        return Error::make(
            QStringLiteral("audit data for \"%1\" holds a floating-point number at "
                           "%2; the audit trail takes integers only: write money "
                           "as a string such as \"1234.50\" or as integer minor units")
                .arg(kind, *where),
            QStringLiteral("invalid_arguments"));
    if (!time.isValid())
        return Error::make(QStringLiteral("audit entry \"%1\" has no valid time").arg(kind),
                           QStringLiteral("invalid_arguments"));

    // The tail read and the insert must be atomic; the caller normally holds the transaction.
    std::optional<sql::Transaction> ownTransaction;
    if (sqlite3_get_autocommit(db.handle()) != 0) {
        ownTransaction.emplace(db);
        if (!ownTransaction->beginStatus().ok())
            return ownTransaction->beginStatus().error();
    }

    auto tailStatement = db.cached(QStringLiteral("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1"));
    if (!tailStatement)
        return tailStatement.error();
    sql::Statement* tail = *tailStatement;
    AuditEntry entry;
    entry.seq = 1;
    entry.prev = zeroMac();
    if (tail->step()) {
        entry.seq = tail->int64(0) + 1;
        entry.prev = tail->text(1);
    } else if (tail->error()) {
        return *tail->error();
    }
    tail->reset(); // an unfinished SELECT would keep its read snapshot open
    entry.time = time.toUTC().toString(Qt::ISODateWithMs);
    // Round-trip through UTF-8 so the stored text is exactly what was signed.
    entry.actor = QString::fromUtf8(actor.toUtf8());
    entry.kind = QString::fromUtf8(kind.toUtf8());
    entry.runId = QString::fromUtf8(runId.toUtf8());
    entry.data = data;
    entry.mac = macOf(canonicalJson(entry.toJson(false)));

    auto insertStatement = db.cached(QStringLiteral("INSERT INTO audit (seq, time, actor, kind, run_id, "
                                                    "data, prev, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insertStatement)
        return insertStatement.error();
    sql::Statement* insert = *insertStatement;
    insert->bind(1, std::int64_t(entry.seq))
        .bind(2, entry.time)
        .bind(3, entry.actor)
        .bind(4, entry.kind)
        .bind(5, entry.runId)
        .bind(6, canonicalJson(entry.data))
        .bind(7, entry.prev)
        .bind(8, entry.mac);
    if (Status s = insert->exec(); !s.ok())
        return Error::make(
            QStringLiteral("cannot append to the audit trail: %1").arg(s.errorMessage()),
            s.error().code);
    if (ownTransaction) {
        if (Status s = ownTransaction->commit(); !s.ok())
            return s.error();
    }
    return entry;
}

Result<AuditTrail::Verification> AuditTrail::verify(sql::Database& db,
                                                    std::optional<QString> expectHead) const
{
    if (m_key.isEmpty())
        return emptyKeyError();
    std::optional<ExpectedHead> expected;
    if (expectHead) {
        auto parsed = parseExpectedHead(*expectHead);
        if (!parsed)
            return parsed.error();
        expected = *parsed;
    }

    auto rows = db.prepare(QString::fromLatin1(kSelectColumns) + QStringLiteral(" ORDER BY seq"));
    if (!rows)
        return rows.error();

    Verification result;
    Hmac hmac(m_key);
    QByteArray prevMac = zeroMac().toLatin1();
    qint64 nextSeq = 1;
    std::optional<QByteArray> expectedSeen; // mac of entry expected->seq, once reached
    QByteArray text;
    text.reserve(1024);
    auto fail = [&result](qint64 seq, QString problem) {
        result.firstAltered = seq;
        result.problem = std::move(problem);
    };

    while (rows->step()) {
        const qint64 seq = rows->int64(0);
        if (seq != nextSeq) {
            if (seq > nextSeq + 1)
                fail(nextSeq, QStringLiteral("entries %1 to %2 are missing (deleted): the trail "
                                             "jumps from %3 to %4")
                                  .arg(nextSeq)
                                  .arg(seq - 1)
                                  .arg(nextSeq - 1)
                                  .arg(seq));
            else if (seq == nextSeq + 1)
                fail(nextSeq, QStringLiteral("entry %1 is missing (deleted): the trail jumps from "
                                             "%2 to %3")
                                  .arg(nextSeq)
                                  .arg(nextSeq - 1)
                                  .arg(seq));
            else
                fail(nextSeq, QStringLiteral("entry %1 has the invalid sequence number %2")
                                  .arg(nextSeq)
                                  .arg(seq));
            break;
        }
        const QByteArray data = rows->textUtf8(5);
        const QByteArray prev = rows->textUtf8(6);
        const QByteArray mac = rows->textUtf8(7);

        // Fast path: splice the stored columns into the canonical text (keys in sorted order).
        // append() stores data as canonical JSON text, so this equals canonicalJson(entry) for
        // every untouched row; anything else falls back to parsing below.
        text.resize(0); // keeps the capacity, unlike clear()
        text.append("{\"actor\":");
        appendJsonString(text, rows->textUtf8(2));
        text.append(",\"data\":");
        text.append(data);
        text.append(",\"kind\":");
        appendJsonString(text, rows->textUtf8(3));
        text.append(",\"prev\":");
        appendJsonString(text, prev);
        text.append(",\"run_id\":");
        appendJsonString(text, rows->textUtf8(4));
        text.append(",\"seq\":");
        text.append(QByteArray::number(seq));
        text.append(",\"time\":");
        appendJsonString(text, rows->textUtf8(1));
        text.append('}');

        if (hmac.hex(text) != mac) {
            // Slow path: the entry as an auditor's tool reads it (data re-serialised canonically).
            if (!parseJson(data).ok()) {
                fail(seq,
                     QStringLiteral("entry %1 was altered: its data is not valid JSON").arg(seq));
                break;
            }
            if (hmac.hex(canonicalJson(entryFromRow(*rows).toJson(false))) != mac) {
                fail(seq, QStringLiteral("entry %1 was altered: its mac does not match its "
                                         "content (the entry or its mac was changed)")
                              .arg(seq));
                break;
            }
        }
        if (prev != prevMac) {
            fail(seq, QStringLiteral("entry %1 breaks the chain: its prev does not match the mac "
                                     "of entry %2 (an entry was replaced, reordered or removed)")
                          .arg(seq)
                          .arg(seq - 1));
            break;
        }
        if (expected && expected->seq == seq)
            expectedSeen = mac;
        prevMac = mac;
        ++nextSeq;
    }
    if (const Error* e = rows->error())
        return Error::make(QStringLiteral("cannot read the audit trail: %1").arg(e->message),
                           e->code);

    auto last = head(db);
    if (!last)
        return last.error();
    result.headSeq = last->seq;
    result.headMac = last->mac;
    auto count = db.queryInt(QStringLiteral("SELECT COUNT(*) FROM audit"));
    if (!count)
        return count.error();
    result.entries = *count;

    if (result.ok() && expected) {
        const QString wanted = headString(expected->seq, QString::fromLatin1(expected->mac));
        if (expected->seq == 0) {
            if (expected->mac != zeroMac().toLatin1())
                fail(0, QStringLiteral("the expected head %1 cannot exist: seq 0 has a mac of 64 "
                                       "zeros")
                            .arg(wanted));
        } else if (!expectedSeen) {
            fail(result.headSeq + 1,
                 QStringLiteral("the expected head %1 is not in the trail, which ends at entry %2: "
                                "the entries after %2 were removed")
                     .arg(wanted)
                     .arg(result.headSeq));
        } else if (*expectedSeen != expected->mac) {
            fail(expected->seq,
                 QStringLiteral("entry %1 has mac %2, not the expected head's %3: "
                                "the trail was rewritten from there, or the expected "
                                "head belongs to another trail")
                     .arg(expected->seq)
                     .arg(QString::fromLatin1(*expectedSeen))
                     .arg(QString::fromLatin1(expected->mac)));
        }
    }
    return result;
}

Status AuditTrail::exportJsonl(sql::Database& db, QIODevice& out) const
{
    auto rows = db.prepare(QString::fromLatin1(kSelectColumns) + QStringLiteral(" ORDER BY seq"));
    if (!rows)
        return rows.error();
    while (rows->step()) {
        QByteArray line = canonicalJson(entryFromRow(*rows).toJson(true));
        line.append('\n');
        if (out.write(line) != line.size())
            return Error::make(
                QStringLiteral("cannot write the audit export: %1").arg(out.errorString()),
                QStringLiteral("io"));
    }
    if (const Error* e = rows->error())
        return Error::make(QStringLiteral("cannot read the audit trail: %1").arg(e->message),
                           e->code);
    return {};
}

Result<AuditEntry> AuditTrail::head(sql::Database& db)
{
    auto rows = db.prepare(QString::fromLatin1(kSelectColumns) +
                           QStringLiteral(" ORDER BY seq DESC LIMIT 1"));
    if (!rows)
        return rows.error();
    if (rows->step())
        return entryFromRow(*rows);
    if (const Error* e = rows->error())
        return *e;
    AuditEntry empty;
    empty.mac = zeroMac();
    return empty;
}

} // namespace awb
