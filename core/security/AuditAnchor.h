#pragma once
// The audit trail's anchor: its last known head (seq and mac), kept outside the workspace database
// in the keychain entry "audit-anchor/<workspace id>", beside the key. A chain alone cannot show
// that its tail was cut, that it was emptied or that the database was replaced by an older copy;
// a head remembered elsewhere can (AuditTrail::verify). AuditAnchorKeeper writes it on a thread
// of its own so that the journal's commits never wait for the keychain.

#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "util/Result.h"

namespace awb {

struct AuditAnchor
{
    qint64 seq = 0;
    QString mac;            // 64 hex digits
    QString keyFingerprint; // AuditTrail::keyFingerprint() of the key that signed the trail
    QString updatedAt;      // ISO-8601 UTC, when the anchor was written

    QString headString() const { return QStringLiteral("%1:%2").arg(seq).arg(mac); }
    // Compact JSON: {"key_fingerprint", "mac", "seq", "updated_at"}.
    QString toText() const;
    // Refuses anything but that shape (code "invalid_anchor").
    static Result<AuditAnchor> fromText(const QString& text);

    static QString keychainEntry(const QString& workspaceId)
    {
        return QStringLiteral("audit-anchor/") + workspaceId;
    }
};

// Where anchors are read and written: the keychain by default, something else in tests.
struct AnchorStorage
{
    std::function<Result<std::optional<QString>>(const QString& entry)> read;
    std::function<Status(const QString& entry, const QString& value)> write;

    static AnchorStorage keychain(); // blocking keychain calls: not for the GUI thread
    // The anchor of a workspace, or nothing when none was written yet. Errors: the keychain's
    // ("keychain_unavailable", "keychain_locked", ...) and "invalid_anchor".
    Result<std::optional<AuditAnchor>> load(const QString& workspaceId) const;
};

// Keeps one workspace's anchor up to date. advance() is cheap and may be called from any thread
// (the journal calls it after each commit that holds audit entries); the keychain is written on
// the keeper's own thread, at most once a second while entries arrive, within a tenth of a second
// of an urgent advance (a run ended or paused), and never with a head older than the one stored
// there (another process may have written a newer one). When the keychain is unreachable the keeper
// says so once (lastError()) and stops trying: the trail then has no anchor, which `awb audit
// verify` reports.
class AuditAnchorKeeper
{
public:
    static constexpr std::chrono::milliseconds kMinInterval{1000};
    static constexpr std::chrono::milliseconds kUrgentInterval{100};

    // minInterval: the least time between two writes that are not urgent.
    AuditAnchorKeeper(QString workspaceId, QString keyFingerprint,
                      AnchorStorage storage = AnchorStorage::keychain(),
                      std::chrono::milliseconds minInterval = kMinInterval);
    // Writes the latest head if it is not written yet (waiting at most kFinalWriteTimeout).
    ~AuditAnchorKeeper();
    AuditAnchorKeeper(const AuditAnchorKeeper&) = delete;
    AuditAnchorKeeper& operator=(const AuditAnchorKeeper&) = delete;

    void advance(qint64 seq, const QString& mac, bool urgent);
    // Writes the latest head now and waits until it is stored, at most timeout. Fails when the
    // write failed or did not finish in time.
    Status flush(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // The seq stored by this keeper so far (0: none).
    qint64 writtenSeq() const;
    // Why the last write failed, if it did.
    std::optional<Error> lastError() const;

private:
    static constexpr std::chrono::milliseconds kFinalWriteTimeout{3000};
    void writerLoop();
    Status writeHead(qint64 seq, const QString& mac);

    const QString m_workspaceId;
    const QString m_fingerprint;
    const AnchorStorage m_storage;
    const std::chrono::milliseconds m_minInterval;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;    // the writer: new head, urgency or stop
    std::condition_variable m_written; // flush(): a write finished
    qint64 m_latestSeq = 0;
    QString m_latestMac;
    qint64 m_writtenSeq = 0;
    bool m_urgent = false;
    bool m_stopping = false;
    bool m_disabled = false; // the keychain is unreachable: no further attempts
    std::optional<Error> m_lastError;
    std::optional<std::chrono::steady_clock::time_point>
        m_lastWrite;      // none yet: the first is at once
    std::thread m_thread; // started by the first advance()
};

} // namespace awb
