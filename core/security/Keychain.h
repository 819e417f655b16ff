#pragma once
// The OS keychain (Secret Service via QtKeychain on Linux) under the service name "agent-workbench".
// Entry names: "audit-key/<workspace id>", "provider/<profile>", "smtp/<user>@<host>".
// Calls block the calling thread (they run a local event loop for QtKeychain's job), so they are
// for worker threads and the CLI, not for the GUI thread.

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

    // Error code "keychain_unavailable" when no service is reachable; std::nullopt when the entry
    // does not exist.
    static Result<std::optional<QString>> read(const QString& entry,
                                               std::chrono::milliseconds timeout = std::chrono::seconds(10));
    static Status write(const QString& entry, const QString& secret,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
    static Status remove(const QString& entry,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // Probes by reading a marker entry.
    static State probe(std::chrono::milliseconds timeout = std::chrono::seconds(5));
};

} // namespace awb
