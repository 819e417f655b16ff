#pragma once
// The tamper-evident audit trail: a keyed hash chain in the workspace database's audit table.
// Each entry's mac is HMAC-SHA256(key, canonical JSON of the entry without mac) and prev is the
// previous entry's mac, so an auditor can check an export without our software
// (docs/verify_audit.py, docs/audit.md). An AuditTrail is immutable and thread-safe; the Database
// passed to it belongs to the calling thread.

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QString>

#include <memory>
#include <optional>

#include "store/Sqlite.h"
#include "util/Json.h"
#include "util/Result.h"

namespace awb {

class HmacSha256Key;
struct AuditAnchor;

struct AuditEntry
{
    qint64 seq = 0;
    QString time; // ISO-8601 UTC with milliseconds and Z: "2026-10-01T09:00:00.000Z"
    QString actor;
    QString kind;
    QString runId;
    Json data = Json::object(); // integers only: money as strings or integer minor units
    QString prev;
    QString mac;

    // The canonical JSON object of the export: {"actor", "data", "kind", "mac", "prev", "run_id",
    // "seq", "time"}; without "mac" it is what the mac signs.
    Json toJson(bool withMac = true) const;
};

class AuditTrail
{
public:
    // key: the secret's UTF-8 bytes (see AuditKey.h). An empty key refuses to append or verify.
    explicit AuditTrail(QByteArray key);

    static QString zeroMac() { return QString(64, QLatin1Char('0')); }

    // Names the key without revealing it: the first 16 hex digits of HMAC-SHA256(key,
    // "agent-workbench audit key fingerprint v1"). Recorded in the workspace database and in the
    // anchor, so that a trail signed by another key is told apart from a tampered one.
    QString keyFingerprint() const;
    // The fingerprint recorded in db (store_meta "audit_key_fingerprint"), if any.
    static Result<std::optional<QString>> recordedFingerprint(sql::Database& db);

    enum class KeyMatch
    {
        Same,    // the recorded fingerprint is this key's (or, before fingerprints, its macs are)
        Other,   // the trail was signed by another key
        Unknown, // an empty trail without a recorded fingerprint
    };
    // Which key signed db's trail, as far as this key can tell; writes nothing.
    Result<KeyMatch> matchKey(sql::Database& db) const;
    // For writers, at open: refuses a trail signed by another key (code "audit_key_mismatch",
    // saying how to bring the key back) and records this key's fingerprint where none is.
    Status bindKey(sql::Database& db, const QString& keySource) const;
    // The error bindKey() and verification give for a trail of another key.
    Error keyMismatchError(const QString& recorded, const QString& keySource) const;

    // Appends inside the caller's open write transaction (the engine batches audit entries with
    // journal events); without an open transaction it runs in its own. Reads the tail, computes
    // prev and mac, inserts. data must be a JSON object holding no floating-point number.
    Result<AuditEntry> append(sql::Database& db, const QString& actor, const QString& kind,
                              const QString& runId, const Json& data,
                              const QDateTime& time = QDateTime::currentDateTimeUtc()) const;

    // The same, for the journal's group commits: returns only the new head, with no copy of data.
    struct Link
    {
        qint64 seq = 0;
        QString mac;
    };
    Result<Link> appendLink(sql::Database& db, const QString& actor, const QString& kind,
                            const QString& runId, const Json& data, const QDateTime& time) const;

    struct Verification
    {
        qint64 entries = 0; // rows in the trail
        qint64 headSeq = 0;
        QString headMac;
        std::optional<qint64> firstAltered; // seq of the first entry that is wrong or missing
        QString problem;                    // what is wrong with it, said plainly
        bool keyMismatch = false;           // signed by another key: not checked, not "altered"
        bool ok() const { return !firstAltered && problem.isEmpty(); }
    };
    // Checks seq continuity (1..N, no gaps), each mac and each prev link, and names the first
    // altered entry. expectHead "SEQ:MAC" fails unless that entry is in the chain with that mac,
    // which proves the tail was not cut before it; an anchor (the head last stored in the
    // keychain) is held to the same rule, so a cut tail, an emptied trail and a replaced database
    // are found without one. A trail signed by another key is reported as such (keyMismatch), not
    // as altered. Streams the table on this thread and checks the macs of batches of entries on
    // worker threads (one per core). Errors (as opposed to a failed verification) are a bad
    // expectHead or a database failure.
    Result<Verification> verify(sql::Database& db, std::optional<QString> expectHead = {},
                                const AuditAnchor* anchor = nullptr) const;

    // One canonical entry per line, in seq order (the format docs/verify_audit.py reads). Needs
    // no key: the entries carry their macs, and the auditor brings the key.
    static Status exportJsonl(sql::Database& db, QIODevice& out);

    // The last entry, or seq 0 with a mac of 64 zeros when the trail is empty.
    static Result<AuditEntry> head(sql::Database& db);
    // "SEQ:MAC", as printed by `awb audit verify` and accepted by --expect-head.
    static QString headString(qint64 seq, const QString& mac)
    {
        return QStringLiteral("%1:%2").arg(seq).arg(mac);
    }

    // Lower-case hex HMAC-SHA256 of canonical JSON text; exposed for tests and tools.
    QString macOf(const QByteArray& canonicalText) const;

private:
    Result<Link> appendEntry(sql::Database& db, const QString& actor, const QString& kind,
                             const QString& runId, const Json& data, const QDateTime& time,
                             AuditEntry* entry) const;

    QByteArray m_key;
    std::shared_ptr<const HmacSha256Key> m_hmacKey; // the key's pads, hashed once
};

} // namespace awb
