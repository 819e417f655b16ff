#pragma once
// A model provider turns a normalized ModelRequest into one call on its wire format. A call is an
// object (like QNetworkReply): it streams text deltas and always finishes exactly once,
// asynchronously, with a response or an error.

#include <QObject>

#include <memory>

#include "llm/Conversation.h"

namespace awb::llm {

class ModelCall : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // After cancel(), finished() is emitted with error code "cancelled" (unless already finished).
    virtual void cancel() = 0;

Q_SIGNALS:
    void textDelta(const QString& delta);
    // A retry is scheduled after a transient failure (429, 5xx, network): attempt is the next one.
    void retrying(int attempt, int delayMs, const awb::Error& reason);
    // Retries on one provider are exhausted (or its circuit is open): the same request continues
    // on the next provider of the fallback chain.
    void fellBack(const QString& fromProvider, const QString& toProvider, const awb::Error& reason);
    // The exact HTTP exchange of an attempt, secrets redacted: for the inspector and cassettes.
    void exchanged(const awb::Json& request, const awb::Json& response);
    void finished(const awb::Result<awb::llm::ModelResponse>& result);
};

class ModelProvider
{
public:
    virtual ~ModelProvider() = default;
    virtual QString name() const = 0; // "scripted", "openai", ...
    // True for model doubles; every output of a run on such a provider says so.
    virtual bool isScripted() const { return false; }
    // The call is parented to `parent`; it emits finished() later, never from inside start().
    virtual ModelCall* start(const ModelRequest& request, QObject* parent) = 0;
};

} // namespace awb::llm
