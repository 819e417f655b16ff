#pragma once
// The OS keychain (Secret Service via QtKeychain on Linux) under the service name
// "agent-workbench". Entry names: "audit-key/<workspace id>", "provider/<profile>",
// "smtp/<user>@<host>". Calls block the calling thread until the keychain answers or the timeout
// passes, so they are for worker threads and the CLI, not for the GUI thread. Safe to call from any
// thread, concurrently. QtKeychain's job queue is a process-wide singleton that is not thread-safe,
// so every job runs on one thread owned by this class: all keychain access in the process must go
// through this class. Needs a QCoreApplication; secrets are never written to a file
// (QtKeychain's insecure fallback is never enabled).

#include <QString>

#include <chrono>
#include <optional>

#include "util/Result.h"

namespace awb {

class Keychain
{
public:
    static QString serviceName() { return QStringLiteral("agent-workbench"); }

    enum class State
    {
        Available,   // reachable and unlocked
        Locked,      // reachable, but the user must unlock it
        Unavailable, // no keychain service (e.g. a headless server without a Secret Service)
    };
    static QString stateName(State state); // "unlocked", "locked", "unavailable", said plainly

    // Error codes: "keychain_unavailable" when no service is reachable (also on timeout),
    // "keychain_locked" when it is locked or refuses access, "keychain_error" otherwise.
    // read() gives std::nullopt when the entry does not exist, but "keychain_locked" when the
    // Secret Service's default collection is locked (a locked item looks missing to libsecret).
    // remove() of a missing entry succeeds.
    static Result<std::optional<QString>>
    read(const QString& entry, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    static Status write(const QString& entry, const QString& secret,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
    static Status remove(const QString& entry,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Probes by reading a marker entry that is never written.
    static State probe(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    // The message of a "keychain_unavailable" error, for callers that add their own advice.
    static QString unavailableMessage();
};

} // namespace awb
