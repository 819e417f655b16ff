#include "security/AuditAnchor.h"

#include <QDateTime>
#include <QRegularExpression>

#include "security/Keychain.h"
#include "util/IsoTime.h"
#include "util/Json.h"
#include "util/Log.h"

namespace awb {

namespace {
// Keychain calls of the keeper are bounded: a stuck keyring must not hold a process at exit.
constexpr std::chrono::milliseconds kKeychainTimeout{3000};

Error invalidAnchor(const QString& why)
{
    return Error::make(
        QStringLiteral("the audit anchor in the keychain is unreadable: %1").arg(why),
        QStringLiteral("invalid_anchor"));
}

bool unreachable(const Error& e)
{
    return e.code == QLatin1String("keychain_unavailable") ||
           e.code == QLatin1String("keychain_locked");
}
} // namespace

QString AuditAnchor::toText() const
{
    const Json j = {{"seq", seq},
                    {"mac", toStd(mac)},
                    {"key_fingerprint", toStd(keyFingerprint)},
                    {"updated_at", toStd(updatedAt)}};
    return canonicalJsonString(j);
}

Result<AuditAnchor> AuditAnchor::fromText(const QString& text)
{
    auto json = parseJson(text.toUtf8());
    if (!json)
        return invalidAnchor(json.errorMessage());
    if (!json->is_object())
        return invalidAnchor(QStringLiteral("expected a JSON object"));
    const auto seq = json->find("seq");
    if (seq == json->end() || !seq->is_number_integer() || seq->get<qint64>() < 0)
        return invalidAnchor(QStringLiteral("\"seq\" is not a non-negative integer"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    AuditAnchor a;
    a.seq = seq->get<qint64>();
    a.mac = jsonString(*json, "mac");
    a.keyFingerprint = jsonString(*json, "key_fingerprint");
    a.updatedAt = jsonString(*json, "updated_at");
    if (!hex.match(a.mac).hasMatch())
        return invalidAnchor(QStringLiteral("\"mac\" is not 64 lower-case hex digits"));
    if (a.keyFingerprint.isEmpty())
        return invalidAnchor(QStringLiteral("\"key_fingerprint\" is missing"));
    return a;
}

AnchorStorage AnchorStorage::keychain()
{
    AnchorStorage s;
    s.read = [](const QString& entry) {
        return Keychain::read(entry, kKeychainTimeout);
    };
    s.write = [](const QString& entry, const QString& value) {
        return Keychain::write(entry, value, kKeychainTimeout);
    };
    return s;
}

Result<std::optional<AuditAnchor>> AnchorStorage::load(const QString& workspaceId) const
{
    auto text = read(AuditAnchor::keychainEntry(workspaceId));
    if (!text)
        return text.error();
    if (!text->has_value() || (*text)->isEmpty())
        return std::optional<AuditAnchor>();
    auto anchor = AuditAnchor::fromText(**text);
    if (!anchor)
        return anchor.error();
    return std::optional<AuditAnchor>(std::move(anchor).value());
}

AuditAnchorKeeper::AuditAnchorKeeper(QString workspaceId, QString keyFingerprint,
                                     AnchorStorage storage, std::chrono::milliseconds minInterval)
    : m_workspaceId(std::move(workspaceId)), m_fingerprint(std::move(keyFingerprint)),
      m_storage(std::move(storage)), m_minInterval(minInterval)
{
}

AuditAnchorKeeper::~AuditAnchorKeeper()
{
    std::unique_lock lock(m_mutex);
    m_stopping = true;
    m_urgent = true;
    m_wake.notify_all();
    lock.unlock();
    if (m_thread.joinable())
        m_thread.join(); // bounded: each keychain call times out after kKeychainTimeout
}

void AuditAnchorKeeper::advance(qint64 seq, const QString& mac, bool urgent)
{
    std::lock_guard lock(m_mutex);
    if (m_disabled || m_stopping)
        return;
    if (seq > m_latestSeq) {
        m_latestSeq = seq;
        m_latestMac = mac;
    }
    m_urgent = m_urgent || urgent;
    if (!m_thread.joinable())
        m_thread = std::thread([this] { writerLoop(); });
    m_wake.notify_one();
}

Status AuditAnchorKeeper::flush(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    if (m_disabled)
        return m_lastError ? Status(*m_lastError) : Status();
    if (m_latestSeq <= m_writtenSeq)
        return {};
    m_urgent = true;
    if (!m_thread.joinable())
        m_thread = std::thread([this] { writerLoop(); });
    m_wake.notify_one();
    const qint64 wanted = m_latestSeq;
    const std::optional<Error> before = m_lastError;
    const bool done = m_written.wait_for(lock, timeout, [&] {
        return m_writtenSeq >= wanted || m_disabled ||
               (m_lastError && (!before || m_lastError->message != before->message));
    });
    if (m_writtenSeq >= wanted)
        return {};
    if (m_lastError)
        return *m_lastError;
    if (!done)
        return Error::make(
            QStringLiteral("the keychain did not store the audit anchor within %1 ms")
                .arg(timeout.count()),
            QStringLiteral("keychain_unavailable"));
    return {};
}

qint64 AuditAnchorKeeper::writtenSeq() const
{
    std::lock_guard lock(m_mutex);
    return m_writtenSeq;
}

std::optional<Error> AuditAnchorKeeper::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

void AuditAnchorKeeper::writerLoop()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        const bool pending = !m_disabled && m_latestSeq > m_writtenSeq;
        if (!pending) {
            if (m_stopping)
                return;
            m_wake.wait(lock);
            continue;
        }
        // Urgent heads (a run ended) go out soon, but not once per run when thousands end a
        // second: the keyring is a desktop service, not a log.
        const auto interval = m_urgent ? std::min(kUrgentInterval, m_minInterval) : m_minInterval;
        if (m_lastWrite && !m_stopping &&
            std::chrono::steady_clock::now() < *m_lastWrite + interval) {
            m_wake.wait_until(lock, *m_lastWrite + interval);
            continue;
        }
        m_urgent = false;
        const qint64 seq = m_latestSeq;
        const QString mac = m_latestMac;
        lock.unlock();
        const Status written = writeHead(seq, mac);
        lock.lock();
        m_lastWrite = std::chrono::steady_clock::now();
        if (written) {
            m_writtenSeq = std::max(m_writtenSeq, seq);
            m_lastError.reset();
        } else {
            m_lastError = written.error();
            if (unreachable(written.error())) {
                m_disabled = true;
                qCWarning(lcSecurity).noquote()
                    << "the audit anchor cannot be kept in the keychain:" << written.errorMessage();
            }
        }
        m_written.notify_all();
    }
}

Status AuditAnchorKeeper::writeHead(qint64 seq, const QString& mac)
{
    // Never move the anchor back: another process may have stored a newer head of this trail.
    auto stored = m_storage.load(m_workspaceId);
    if (!stored && unreachable(stored.error()))
        return stored.error();
    if (stored && stored->has_value() && (*stored)->keyFingerprint == m_fingerprint &&
        (*stored)->seq >= seq)
        return {};
    AuditAnchor anchor;
    anchor.seq = seq;
    anchor.mac = mac;
    anchor.keyFingerprint = m_fingerprint;
    anchor.updatedAt = isoUtcMs(QDateTime::currentDateTimeUtc());
    return m_storage.write(AuditAnchor::keychainEntry(m_workspaceId), anchor.toText());
}

} // namespace awb
