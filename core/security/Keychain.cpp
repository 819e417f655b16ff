#include "security/Keychain.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <qt6keychain/keychain.h>

#include <functional>
#include <memory>

#include "util/Log.h"

namespace awb {

namespace {

using std::chrono::milliseconds;

enum class Operation
{
    Read,
    Write,
    Remove,
};

// What a QtKeychain job reported. Shared between the caller, which may give up on timeout, and
// the job, which may still finish afterwards: hence the shared_ptr and the mutex.
struct Pending
{
    QMutex mutex;
    QWaitCondition done;
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QString text;
};

// The one thread on which every QtKeychain job is created, started and finished. QtKeychain's
// JobExecutor is a lazily created singleton whose queued slots run on the thread that created it
// and whose queue has no lock; jobs from several threads would corrupt it or stall forever.
QMutex g_threadMutex;
QThread* g_thread = nullptr;
QObject* g_context = nullptr; // lives on g_thread; the target of queued calls
bool g_shutDown = false;

void stopKeychainThread()
{
    QMutexLocker lock(&g_threadMutex);
    g_shutDown = true; // QtKeychain's singleton would stay bound to the dead thread
    if (!g_thread)
        return;
    g_thread->quit();
    if (g_thread->wait(QDeadlineTimer(3000)))
        delete g_thread;
    else
        qCWarning(lcSecurity) << "the keychain thread did not stop; leaving it";
    g_thread = nullptr;
    g_context = nullptr;
}

bool postToKeychainThread(std::function<void()> work)
{
    QMutexLocker lock(&g_threadMutex);
    if (g_shutDown || !QCoreApplication::instance())
        return false;
    if (!g_thread) {
        g_thread = new QThread;
        g_thread->setObjectName(QStringLiteral("awb-keychain"));
        g_context = new QObject;
        g_context->moveToThread(g_thread);
        QObject::connect(g_thread, &QThread::finished, g_context, &QObject::deleteLater);
        g_thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return QMetaObject::invokeMethod(g_context, std::move(work), Qt::QueuedConnection);
}

// Runs on the keychain thread. The job deletes itself after finished() (autoDelete).
void startJob(Operation op, const QString& entry, const QString& secret,
              const std::shared_ptr<Pending>& pending)
{
    QKeychain::Job* job = nullptr;
    switch (op) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(Keychain::serviceName());
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(Keychain::serviceName());
        write->setTextData(secret);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(Keychain::serviceName());
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never store secrets in a plain-text settings file
    job->setKey(entry);
    QObject::connect(job, &QKeychain::Job::finished, job, [pending, op](QKeychain::Job* done) {
        QMutexLocker lock(&pending->mutex);
        pending->finished = true;
        pending->error = done->error();
        pending->message = done->errorString();
        if (op == Operation::Read && done->error() == QKeychain::NoError)
            pending->text = static_cast<QKeychain::ReadPasswordJob*>(done)->textData();
        pending->done.wakeAll();
    });
    job->start();
}

struct Outcome
{
    enum class Kind
    {
        Finished,
        TimedOut,
        NotStarted, // no QCoreApplication, or it is shutting down
    };
    Kind kind = Kind::NotStarted;
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QString text;
};

Outcome runJob(Operation op, const QString& entry, const QString& secret, milliseconds timeout)
{
    auto pending = std::make_shared<Pending>();
    if (!postToKeychainThread([=] { startJob(op, entry, secret, pending); }))
        return {};
    const QDeadlineTimer deadline(timeout);
    QMutexLocker lock(&pending->mutex);
    while (!pending->finished) {
        if (!pending->done.wait(&pending->mutex, deadline))
            break;
    }
    Outcome outcome;
    outcome.kind = pending->finished ? Outcome::Kind::Finished : Outcome::Kind::TimedOut;
    outcome.error = pending->error;
    outcome.message = pending->message;
    outcome.text = pending->text;
    return outcome;
}

// Asks the Secret Service directly whether it exists and whether its default collection is
// unlocked. QtKeychain cannot tell: a read of a missing entry succeeds even when it is locked.
Keychain::State secretServiceState(milliseconds timeout)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Keychain::State::Unavailable;
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const int timeoutMs = int(std::max<qint64>(timeout.count(), 100));
    QDBusMessage alias = QDBusMessage::createMethodCall(
        service, QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    const QDBusMessage aliasReply = bus.call(alias, QDBus::Block, timeoutMs);
    if (aliasReply.type() != QDBusMessage::ReplyMessage || aliasReply.arguments().isEmpty())
        return Keychain::State::Unavailable; // not running and not activatable
    const QString path = aliasReply.arguments().constFirst().value<QDBusObjectPath>().path();
    if (path.isEmpty() || path == QLatin1String("/"))
        return Keychain::State::Locked; // no default collection yet: the user must create one

    QDBusMessage get = QDBusMessage::createMethodCall(
        service, path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    const QDBusMessage lockedReply = bus.call(get, QDBus::Block, timeoutMs);
    if (lockedReply.type() != QDBusMessage::ReplyMessage || lockedReply.arguments().isEmpty())
        return Keychain::State::Unavailable;
    const bool locked =
        lockedReply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
    return locked ? Keychain::State::Locked : Keychain::State::Available;
}

QString describe(Operation op, const QString& entry)
{
    const QString name = QStringLiteral("\"%1/%2\"").arg(Keychain::serviceName(), entry);
    switch (op) {
    case Operation::Read:
        return QStringLiteral("read %1").arg(name);
    case Operation::Write:
        return QStringLiteral("store %1").arg(name);
    case Operation::Remove:
        return QStringLiteral("remove %1").arg(name);
    }
    return name;
}

Error unavailableError(const QString& detail)
{
    QString message = Keychain::unavailableMessage();
    if (!detail.isEmpty())
        message += QStringLiteral(" (Detail: %1.)").arg(detail);
    return Error::make(message, QStringLiteral("keychain_unavailable"));
}

Error lockedError(const QString& what)
{
    const QString message =
        QStringLiteral("The keychain is locked or refused access; could not %1. "
                       "Unlock the keyring (for example by logging in to the desktop "
                       "session or with your keyring manager) and try again.")
            .arg(what);
    return Error::make(message, QStringLiteral("keychain_locked"));
}

// Turns a failed or unanswered job into an error a user can act on.
Error failure(Operation op, const QString& entry, const Outcome& outcome, milliseconds timeout)
{
    const QString what = describe(op, entry);
    switch (outcome.kind) {
    case Outcome::Kind::NotStarted:
        return unavailableError(
            QStringLiteral("the keychain needs a running QCoreApplication; "
                           "the application is not running or is shutting down"));
    case Outcome::Kind::TimedOut:
        return unavailableError(QStringLiteral("the keychain did not answer within %1 ms while "
                                               "trying to %2")
                                    .arg(timeout.count())
                                    .arg(what));
    case Outcome::Kind::Finished:
        break;
    }
    qCDebug(lcSecurity) << "keychain job failed:" << what << outcome.error << outcome.message;
    switch (outcome.error) {
    case QKeychain::NoBackendAvailable:
        return unavailableError(outcome.message);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return lockedError(what);
    default:
        break;
    }
    // libsecret reports an unreachable bus or a missing service as a generic error.
    switch (secretServiceState(milliseconds(2000))) {
    case Keychain::State::Unavailable:
        return unavailableError(outcome.message);
    case Keychain::State::Locked:
        return lockedError(what);
    case Keychain::State::Available:
        break;
    }
    return Error::make(QStringLiteral("The keychain could not %1: %2").arg(what, outcome.message),
                       QStringLiteral("keychain_error"));
}

} // namespace

QString Keychain::stateName(State state)
{
    switch (state) {
    case State::Available:
        return QStringLiteral("unlocked");
    case State::Locked:
        return QStringLiteral("locked");
    case State::Unavailable:
        return QStringLiteral("unavailable");
    }
    return QStringLiteral("unavailable");
}

QString Keychain::unavailableMessage()
{
    return QStringLiteral(
        "No keychain service is reachable (no Secret Service on the D-Bus session "
        "bus). Start a keyring such as gnome-keyring or KWallet in this session; "
        "on a headless machine, pass secrets through environment variables instead.");
}

Result<std::optional<QString>> Keychain::read(const QString& entry,
                                              std::chrono::milliseconds timeout)
{
    const Outcome outcome = runJob(Operation::Read, entry, {}, timeout);
    if (outcome.kind == Outcome::Kind::Finished) {
        if (outcome.error == QKeychain::NoError)
            return std::optional<QString>(outcome.text);
        if (outcome.error == QKeychain::EntryNotFound) {
            // libsecret cannot see items in a locked collection and reports them as missing;
            // "locked" is the answer a user can act on (a read must not invent a new secret).
            if (secretServiceState(timeout) == State::Locked)
                return lockedError(describe(Operation::Read, entry));
            return std::optional<QString>();
        }
    }
    return failure(Operation::Read, entry, outcome, timeout);
}

Status Keychain::write(const QString& entry, const QString& secret,
                       std::chrono::milliseconds timeout)
{
    const Outcome outcome = runJob(Operation::Write, entry, secret, timeout);
    if (outcome.kind == Outcome::Kind::Finished && outcome.error == QKeychain::NoError)
        return {};
    return failure(Operation::Write, entry, outcome, timeout);
}

Status Keychain::remove(const QString& entry, std::chrono::milliseconds timeout)
{
    const Outcome outcome = runJob(Operation::Remove, entry, {}, timeout);
    if (outcome.kind == Outcome::Kind::Finished &&
        (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound))
        return {};
    return failure(Operation::Remove, entry, outcome, timeout);
}

Keychain::State Keychain::probe(std::chrono::milliseconds timeout)
{
    // The marker is never written: the read takes the not-found path, which checks the lock.
    auto marker = read(QStringLiteral("probe/marker"), timeout);
    if (marker)
        return State::Available;
    if (marker.error().code == QLatin1String("keychain_locked"))
        return State::Locked;
    return State::Unavailable;
}

} // namespace awb
