#pragma once
// A tool the model can call: a name, a description, a JSON Schema for its input, an effect class
// and a timeout. execute() runs on a worker thread of the engine's pool; it must be thread-safe,
// must not touch objects of the engine's thread, and should check ctx.cancelled() in long loops.

#include <QString>

#include <atomic>
#include <chrono>
#include <memory>

#include "util/Json.h"
#include "util/Result.h"

namespace awb {

class Workspace;

// Stored in the journal by name: never rename the strings.
enum class EffectClass
{
    Read,            // "read": no change anywhere; safe to repeat
    IdempotentWrite, // "idempotent_write": writes whose repetition yields the same state
    ExternalEffect,  // "external_effect": leaves the machine (email, payment); exactly once
};
QString effectClassName(EffectClass effect);

// Reads full tool results of the current run by the handle the engine gave them ("s4").
class ResultReader
{
public:
    virtual ~ResultReader() = default;
    virtual Result<Json> load(const QString& handle) const = 0;
};

// Records what happened to an external effect under its idempotency key; durable on return.
// Thread-safe. See store/EffectLedger.h for the implementation.
class EffectJournal
{
public:
    enum class State
    {
        None,       // never attempted
        HandedOver, // given to the remote side; the outcome was not confirmed before a crash
        Done,       // confirmed by the remote side
    };
    struct Record
    {
        State state = State::None;
        Json detail; // what the tool stored when it recorded the state
    };
    virtual ~EffectJournal() = default;
    virtual Result<Record> lookup(const QString& key) const = 0;
    virtual Status record(const QString& key, State state, const Json& detail) = 0;
};

struct CancelFlag
{
    std::atomic<bool> cancelled{false};
};

struct ToolContext
{
    QString runId;
    QString stepId;
    QString idempotencyKey; // set for external_effect tools: stable across crash and resume
    const Workspace* workspace = nullptr;
    const ResultReader* results = nullptr;
    EffectJournal* effects = nullptr;
    std::shared_ptr<const CancelFlag> cancel;
    QString auditHead; // "seq:mac" of the audit trail when the step started, for reports

    bool cancelled() const { return cancel && cancel->cancelled.load(std::memory_order_relaxed); }
};

class Tool
{
public:
    virtual ~Tool() = default;

    virtual QString name() const = 0;
    virtual QString description() const = 0;
    virtual Json inputSchema() const = 0; // JSON Schema draft 7
    virtual EffectClass effect() const = 0;
    virtual std::chrono::milliseconds timeout() const { return std::chrono::seconds(60); }

    // The result is a JSON object. Errors come back as values; the engine passes them to the
    // model as a structured tool error so it can correct itself.
    virtual Result<Json> execute(const Json& arguments, const ToolContext& ctx) const = 0;
};

} // namespace awb
