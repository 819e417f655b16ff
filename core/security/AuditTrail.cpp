#include "security/AuditTrail.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringList>

#include <sqlite3.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <future>
#include <thread>
#include <utility>

#include "security/AuditAnchor.h"
#include "security/Hmac.h"
#include "util/IsoTime.h"

namespace awb {

namespace {

// True when none of the bytes needs escaping in a JSON string (no control character, quote or
// backslash): eight bytes at a time, as nearly every stored string is plain.
bool isPlainJsonText(const char* data, qsizetype size)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    auto hasZeroByte = [](std::uint64_t v) {
        return ((v - kOnes) & ~v & kHighs) != 0;
    };
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        // A byte below 0x20 (its high bit clear and below 0x20 after the subtraction), '"', '\\'.
        const bool control = ((word - 0x2020202020202020ULL) & ~word & kHighs) != 0;
        if (control || hasZeroByte(word ^ (kOnes * '"')) || hasZeroByte(word ^ (kOnes * '\\')))
            return false;
    }
    for (; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c < 0x20 || c == '"' || c == '\\')
            return false;
    }
    return true;
}

// Appends a JSON string literal with the escapes JSON requires and nothing else, as
// canonicalJson() does for valid UTF-8 (which is all the audit table holds).
void appendJsonString(std::string& out, const char* data, qsizetype size)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    if (isPlainJsonText(data, size)) {
        out.append(data, std::size_t(size));
        out.push_back('"');
        return;
    }
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(data + plainFrom, std::size_t(i - plainFrom));
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
    out.append(data + plainFrom, std::size_t(size - plainFrom));
    out.push_back('"');
}

void appendJsonString(std::string& out, QByteArrayView utf8)
{
    appendJsonString(out, utf8.data(), utf8.size());
}

// The canonical JSON of an entry without its mac (what the mac signs), spliced from the stored
// column texts: keys in sorted order, data already canonical. Equals
// canonicalJson(entry.toJson(false)) for valid UTF-8, which is all the audit table holds.
void appendSignedText(std::string& text, QByteArrayView actor, QByteArrayView data,
                      QByteArrayView kind, QByteArrayView prev, QByteArrayView runId, qint64 seq,
                      QByteArrayView time)
{
    text.append("{\"actor\":");
    appendJsonString(text, actor);
    text.append(",\"data\":");
    text.append(data.data(), std::size_t(data.size()));
    text.append(",\"kind\":");
    appendJsonString(text, kind);
    text.append(",\"prev\":");
    appendJsonString(text, prev);
    text.append(",\"run_id\":");
    appendJsonString(text, runId);
    text.append(",\"seq\":");
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), seq);
    Q_UNUSED(ec);
    text.append(digits, std::size_t(end - digits));
    text.append(",\"time\":");
    appendJsonString(text, time);
    text.push_back('}');
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

AuditTrail::AuditTrail(QByteArray key)
    : m_key(std::move(key)),
      m_hmacKey(m_key.isEmpty() ? nullptr : std::make_shared<const HmacSha256Key>(m_key))
{
}

QString AuditTrail::macOf(const QByteArray& canonicalText) const
{
    HmacSha256 hmac(m_hmacKey ? m_hmacKey : std::make_shared<const HmacSha256Key>(m_key));
    return QString::fromLatin1(hmac.hexBytes(canonicalText));
}

QString AuditTrail::keyFingerprint() const
{
    if (m_key.isEmpty())
        return {};
    return macOf("agent-workbench audit key fingerprint v1").left(16);
}

namespace {
constexpr const char* kFingerprintName = "audit_key_fingerprint";
} // namespace

Result<std::optional<QString>> AuditTrail::recordedFingerprint(sql::Database& db)
{
    // A store not migrated yet (opened read-only for verification) has no store_meta.
    auto hasTable = db.queryInt(QStringLiteral(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'"));
    if (!hasTable)
        return hasTable.error();
    if (*hasTable == 0)
        return std::optional<QString>();
    auto st = db.prepare(QStringLiteral("SELECT value FROM store_meta WHERE name = ?"));
    if (!st)
        return st.error();
    st->bind(1, QString::fromLatin1(kFingerprintName));
    if (st->step())
        return std::optional<QString>(st->text(0));
    if (st->error())
        return *st->error();
    return std::optional<QString>();
}

Result<AuditTrail::KeyMatch> AuditTrail::matchKey(sql::Database& db) const
{
    if (m_key.isEmpty())
        return emptyKeyError();
    auto recorded = recordedFingerprint(db);
    if (!recorded)
        return recorded.error();
    if (recorded->has_value())
        return **recorded == keyFingerprint() ? KeyMatch::Same : KeyMatch::Other;
    // A trail from before fingerprints: the key that made its first and last entries is the one.
    // Both failing means another key (an entry altered alone leaves the other one matching).
    bool any = false;
    for (const char* order : {"ASC", "DESC"}) {
        auto row = db.prepare(QString::fromLatin1(kSelectColumns) +
                              QStringLiteral(" ORDER BY seq %1 LIMIT 1").arg(QLatin1String(order)));
        if (!row)
            return row.error();
        if (!row->step()) {
            if (row->error())
                return *row->error();
            return KeyMatch::Unknown; // empty
        }
        any = true;
        if (macOf(canonicalJson(entryFromRow(*row).toJson(false))) == row->text(7))
            return KeyMatch::Same;
    }
    return any ? KeyMatch::Other : KeyMatch::Unknown;
}

Error AuditTrail::keyMismatchError(const QString& recorded, const QString& keySource) const
{
    return Error::make(
        QStringLiteral(
            "The audit trail of this workspace was signed with another key (fingerprint %1) "
            "than the one available here (%2, fingerprint %3), so it can be neither verified "
            "nor continued. Bring the workspace's own key back: set AWB_AUDIT_KEY to it, or run "
            "`awb audit key import --workspace DIR` with it on standard input (print it with "
            "`awb audit key export --workspace DIR` where the workspace was used before).")
            .arg(recorded.isEmpty() ? QStringLiteral("unknown") : recorded, keySource,
                 keyFingerprint()),
        QStringLiteral("audit_key_mismatch"));
}

Status AuditTrail::bindKey(sql::Database& db, const QString& keySource) const
{
    auto match = matchKey(db);
    if (!match)
        return match.error();
    auto recorded = recordedFingerprint(db);
    if (!recorded)
        return recorded.error();
    if (*match == KeyMatch::Other)
        return keyMismatchError(recorded->value_or(QString()), keySource);
    if (recorded->has_value())
        return {};
    auto st =
        db.prepare(QStringLiteral("INSERT OR IGNORE INTO store_meta(name, value) VALUES (?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, QString::fromLatin1(kFingerprintName)).bind(2, keyFingerprint());
    return st->exec();
}

Result<AuditEntry> AuditTrail::append(sql::Database& db, const QString& actor, const QString& kind,
                                      const QString& runId, const Json& data,
                                      const QDateTime& time) const
{
    AuditEntry entry;
    auto link = appendEntry(db, actor, kind, runId, data, time, &entry);
    if (!link)
        return link.error();
    return entry;
}

Result<AuditTrail::Link> AuditTrail::appendLink(sql::Database& db, const QString& actor,
                                                const QString& kind, const QString& runId,
                                                const Json& data, const QDateTime& time) const
{
    return appendEntry(db, actor, kind, runId, data, time, nullptr);
}

Result<AuditTrail::Link> AuditTrail::appendEntry(sql::Database& db, const QString& actor,
                                                 const QString& kind, const QString& runId,
                                                 const Json& data, const QDateTime& time,
                                                 AuditEntry* filled) const
{
    if (m_key.isEmpty())
        return emptyKeyError();
    if (!data.is_object())
        return Error::make(QStringLiteral("audit data for \"%1\" must be a JSON object").arg(kind),
                           QStringLiteral("invalid_arguments"));
    if (auto where = containsFloat(data) ? firstFloat(data, QStringLiteral("data")) : std::nullopt)
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

    auto tailStatement =
        db.cached(QStringLiteral("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1"));
    if (!tailStatement)
        return tailStatement.error();
    sql::Statement* tail = *tailStatement;
    Link link;
    link.seq = 1;
    QByteArray prevText = zeroMac().toLatin1();
    if (tail->step()) {
        link.seq = tail->int64(0) + 1;
        prevText = tail->textUtf8(1);
    } else if (tail->error()) {
        return *tail->error();
    }
    tail->reset(); // an unfinished SELECT would keep its read snapshot open
    const QByteArray timeText = isoUtcMsUtf8(time);
    // Round-trip through UTF-8 so the stored text is exactly what was signed.
    const QByteArray actorText = actor.toUtf8();
    const QByteArray kindText = kind.toUtf8();
    const QByteArray runIdText = runId.toUtf8();
    const QByteArray dataText = canonicalJson(data);
    std::string signedText;
    signedText.reserve(std::size_t(dataText.size()) + actorText.size() + kindText.size() +
                       runIdText.size() + 256);
    appendSignedText(signedText, actorText, dataText, kindText, prevText, runIdText, link.seq,
                     timeText);
    HmacSha256 hmac(m_hmacKey);
    const HmacSha256::HexDigest mac =
        hmac.hex(QByteArrayView(signedText.data(), qsizetype(signedText.size())));
    link.mac = QString::fromLatin1(mac.data(), HmacSha256::kHexSize);

    auto insertStatement =
        db.cached(QStringLiteral("INSERT INTO audit (seq, time, actor, kind, run_id, "
                                 "data, prev, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insertStatement)
        return insertStatement.error();
    sql::Statement* insert = *insertStatement;
    insert->bind(1, std::int64_t(link.seq))
        .bind(2, timeText)
        .bind(3, actorText)
        .bind(4, kindText)
        .bind(5, runIdText)
        .bind(6, dataText)
        .bind(7, prevText)
        .bind(8, QByteArray(mac.data(), HmacSha256::kHexSize));
    if (Status s = insert->exec(); !s.ok())
        return Error::make(
            QStringLiteral("cannot append to the audit trail: %1").arg(s.errorMessage()),
            s.error().code);
    if (ownTransaction) {
        if (Status s = ownTransaction->commit(); !s.ok())
            return s.error();
    }
    if (filled) {
        filled->seq = link.seq;
        filled->time = QString::fromLatin1(timeText);
        filled->actor = QString::fromUtf8(actorText);
        filled->kind = QString::fromUtf8(kindText);
        filled->runId = QString::fromUtf8(runIdText);
        filled->data = data;
        filled->prev = QString::fromUtf8(prevText);
        filled->mac = link.mac;
    }
    return link;
}

namespace {

constexpr std::size_t kVerifyBatchEntries = 8192;

// Entries read from the table whose macs are still to be checked: their signed texts back to back.
// Their seqs are consecutive (the reader checks that), starting at firstSeq.
struct MacBatch
{
    qint64 firstSeq = 0;
    std::string texts;
    std::vector<std::size_t> ends;  // where each entry's text ends in texts
    std::string macs;               // each entry's stored mac, 64 characters each
    std::vector<bool> macMalformed; // a stored mac that is not 64 characters never matches
};

struct MacMismatches
{
    qint64 firstSeq = 0;
    std::vector<std::size_t> entries; // indexes into the batch, ascending
};

// Runs on a worker thread: each entry's mac depends only on its own text (the previous mac is in
// it as prev), so batches are checked independently and in parallel.
MacMismatches checkMacs(const std::shared_ptr<const HmacSha256Key>& key, const MacBatch& batch)
{
    HmacSha256 hmac(key);
    MacMismatches out;
    out.firstSeq = batch.firstSeq;
    std::size_t from = 0;
    for (std::size_t i = 0; i < batch.ends.size(); ++i) {
        const HmacSha256::HexDigest mac =
            hmac.hex(QByteArrayView(batch.texts.data() + from, qsizetype(batch.ends[i] - from)));
        if (batch.macMalformed[i] ||
            std::memcmp(mac.data(), batch.macs.data() + i * HmacSha256::kHexSize,
                        HmacSha256::kHexSize) != 0)
            out.entries.push_back(i);
        from = batch.ends[i];
    }
    return out;
}

} // namespace

Result<AuditTrail::Verification> AuditTrail::verify(sql::Database& db,
                                                    std::optional<QString> expectHead,
                                                    const AuditAnchor* anchor) const
{
    if (m_key.isEmpty())
        return emptyKeyError();
    auto match = matchKey(db);
    if (!match)
        return match.error();
    if (*match == KeyMatch::Other) {
        auto recorded = recordedFingerprint(db);
        if (!recorded)
            return recorded.error();
        Verification mismatch;
        mismatch.keyMismatch = true;
        mismatch.problem =
            keyMismatchError(recorded->value_or(QString()), QStringLiteral("this key")).message;
        auto last = head(db);
        if (!last)
            return last.error();
        mismatch.headSeq = last->seq;
        mismatch.headMac = last->mac;
        auto count = db.queryInt(QStringLiteral("SELECT COUNT(*) FROM audit"));
        if (!count)
            return count.error();
        mismatch.entries = *count;
        return mismatch;
    }
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
    auto fail = [&result](qint64 seq, QString problem) {
        result.firstAltered = seq;
        result.problem = std::move(problem);
    };
    // The first failure the reader finds (a gap in seq or a broken prev link); a mac failure at the
    // same entry or before it wins, as entries are judged in order and the mac first.
    std::optional<std::pair<qint64, QString>> chainFailure;
    std::optional<std::pair<qint64, QString>> macFailure;

    // A mac that the fast path rejects is judged again as an auditor's tool would: data parsed and
    // re-serialised canonically (only differently serialised or altered entries get here).
    auto judgeSlowly = [&](qint64 seq) -> Status {
        auto row =
            db.prepare(QString::fromLatin1(kSelectColumns) + QStringLiteral(" WHERE seq = ?"));
        if (!row)
            return row.error();
        row->bind(1, std::int64_t(seq));
        if (!row->step())
            return row->error() ? Status(*row->error())
                                : Status(Error::make(
                                      QStringLiteral("audit entry %1 vanished during verification")
                                          .arg(seq)));
        if (!parseJson(row->textUtf8(5)).ok()) {
            macFailure.emplace(
                seq, QStringLiteral("entry %1 was altered: its data is not valid JSON").arg(seq));
            return {};
        }
        HmacSha256 hmac(m_hmacKey);
        if (hmac.hexBytes(canonicalJson(entryFromRow(*row).toJson(false))) != row->textUtf8(7))
            macFailure.emplace(seq,
                               QStringLiteral("entry %1 was altered: its mac does not match its "
                                              "content (the entry or its mac was changed)")
                                   .arg(seq));
        return {};
    };

    std::deque<std::future<MacMismatches>> pending;
    const std::size_t maxPending = std::max(1u, std::thread::hardware_concurrency());
    auto collectOldest = [&]() -> Status {
        MacMismatches done = pending.front().get();
        pending.pop_front();
        for (std::size_t index : done.entries) {
            if (macFailure)
                break;
            if (Status s = judgeSlowly(done.firstSeq + qint64(index)); !s)
                return s;
        }
        return {};
    };

    const std::shared_ptr<const HmacSha256Key> key = m_hmacKey;
    MacBatch batch;
    auto submit = [&]() -> Status {
        if (batch.ends.empty())
            return {};
        pending.push_back(std::async(std::launch::async,
                                     [key, b = std::move(batch)] { return checkMacs(key, b); }));
        batch = MacBatch();
        while (pending.size() > maxPending) {
            if (Status s = collectOldest(); !s)
                return s;
        }
        return {};
    };

    std::string prevMac = zeroMac().toStdString();
    qint64 nextSeq = 1;
    qint64 lastSeq = 0;
    std::optional<QByteArray> expectedSeen; // mac of entry expected->seq, once reached
    std::optional<QByteArray> anchorSeen;   // mac of entry anchor->seq, once reached
    bool scannedAll = false;
    while (!macFailure) {
        if (!rows->step()) {
            scannedAll = !rows->error();
            break;
        }
        const qint64 seq = rows->int64(0);
        if (seq != nextSeq) {
            if (seq > nextSeq + 1)
                chainFailure.emplace(
                    nextSeq, QStringLiteral("entries %1 to %2 are missing (deleted): the trail "
                                            "jumps from %3 to %4")
                                 .arg(nextSeq)
                                 .arg(seq - 1)
                                 .arg(nextSeq - 1)
                                 .arg(seq));
            else if (seq == nextSeq + 1)
                chainFailure.emplace(
                    nextSeq, QStringLiteral("entry %1 is missing (deleted): the trail jumps from "
                                            "%2 to %3")
                                 .arg(nextSeq)
                                 .arg(nextSeq - 1)
                                 .arg(seq));
            else
                chainFailure.emplace(nextSeq,
                                     QStringLiteral("entry %1 has the invalid sequence number %2")
                                         .arg(nextSeq)
                                         .arg(seq));
            break;
        }
        const QByteArrayView prev = rows->textView(6);
        const QByteArrayView mac = rows->textView(7);
        if (batch.ends.empty()) {
            batch.firstSeq = seq;
            batch.texts.reserve(kVerifyBatchEntries * 512);
            batch.ends.reserve(kVerifyBatchEntries);
            batch.macs.reserve(kVerifyBatchEntries * HmacSha256::kHexSize);
            batch.macMalformed.reserve(kVerifyBatchEntries);
        }
        appendSignedText(batch.texts, rows->textView(2), rows->textView(5), rows->textView(3), prev,
                         rows->textView(4), seq, rows->textView(1));
        batch.ends.push_back(batch.texts.size());
        const bool malformed = mac.size() != HmacSha256::kHexSize;
        batch.macMalformed.push_back(malformed);
        if (malformed)
            batch.macs.append(std::size_t(HmacSha256::kHexSize), '\0');
        else
            batch.macs.append(mac.data(), std::size_t(mac.size()));

        if (QByteArrayView(prevMac) != prev) {
            chainFailure.emplace(
                seq, QStringLiteral("entry %1 breaks the chain: its prev does not match the mac "
                                    "of entry %2 (an entry was replaced, reordered or removed)")
                         .arg(seq)
                         .arg(seq - 1));
            break;
        }
        if (expected && expected->seq == seq)
            expectedSeen = mac.toByteArray();
        if (anchor && anchor->seq == seq)
            anchorSeen = mac.toByteArray();
        prevMac.assign(mac.data(), std::size_t(mac.size()));
        lastSeq = seq;
        ++nextSeq;
        if (batch.ends.size() == kVerifyBatchEntries) {
            if (Status s = submit(); !s)
                return s.error();
        }
    }
    const Error* readError = rows->error();
    if (Status s = submit(); !s)
        return s.error();
    while (!pending.empty()) {
        if (Status s = collectOldest(); !s)
            return s.error();
    }
    if (readError)
        return Error::make(
            QStringLiteral("cannot read the audit trail: %1").arg(readError->message),
            readError->code);
    if (macFailure && (!chainFailure || macFailure->first <= chainFailure->first))
        fail(macFailure->first, macFailure->second);
    else if (chainFailure)
        fail(chainFailure->first, chainFailure->second);

    if (scannedAll && result.ok()) {
        // The scan saw every row in seq order, so it knows the count and the head.
        result.entries = lastSeq;
        result.headSeq = lastSeq;
        result.headMac = lastSeq == 0 ? zeroMac() : QString::fromStdString(prevMac);
    } else {
        rows->reset(); // ends the scan's read snapshot
        auto last = head(db);
        if (!last)
            return last.error();
        result.headSeq = last->seq;
        result.headMac = last->mac;
        auto count = db.queryInt(QStringLiteral("SELECT COUNT(*) FROM audit"));
        if (!count)
            return count.error();
        result.entries = *count;
    }

    if (result.ok() && anchor && anchor->keyFingerprint != keyFingerprint()) {
        result.problem = QStringLiteral("the keychain's audit anchor belongs to another key "
                                        "(fingerprint %1, the trail's key has %2): the trail or "
                                        "the keychain entry was replaced")
                             .arg(anchor->keyFingerprint, keyFingerprint());
    } else if (result.ok() && anchor && anchor->seq > 0) {
        const QString when = anchor->updatedAt.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" on %1").arg(anchor->updatedAt);
        if (result.headSeq == 0)
            fail(1, QStringLiteral("the trail is empty, but the keychain's anchor records that it "
                                   "reached entry %1 (mac %2)%3: the trail was emptied or the "
                                   "database replaced")
                        .arg(anchor->seq)
                        .arg(anchor->mac.left(16), when));
        else if (!anchorSeen)
            fail(result.headSeq + 1,
                 QStringLiteral("the trail ends at entry %1, but the keychain's anchor records "
                                "that it reached entry %2 (mac %3)%4: entries %5 to %2 were "
                                "removed, or the database was replaced by an older copy")
                     .arg(result.headSeq)
                     .arg(anchor->seq)
                     .arg(anchor->mac.left(16), when)
                     .arg(result.headSeq + 1));
        else if (QString::fromLatin1(*anchorSeen) != anchor->mac)
            fail(anchor->seq,
                 QStringLiteral("entry %1 differs from the keychain's anchor (mac %2 there, %3 "
                                "here): the database was replaced or the trail rewritten from "
                                "there on")
                     .arg(anchor->seq)
                     .arg(anchor->mac.left(16), QString::fromLatin1(anchorSeen->left(16))));
    }

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

Status AuditTrail::exportJsonl(sql::Database& db, QIODevice& out)
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
