#include "llm/FallbackProvider.h"

#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace awb::llm {

namespace {
// Runs the chain for one request, forwarding the active call's signals.
class FallbackCall : public ModelCall
{
public:
    FallbackCall(std::vector<FallbackProvider::Entry> chain, ModelRequest request, QObject* parent)
        : ModelCall(parent), m_chain(std::move(chain)), m_request(std::move(request))
    {
        QTimer::singleShot(0, this, [this] { startEntry(0); });
    }

    void cancel() override
    {
        if (m_done)
            return;
        if (ModelCall* inner = m_current) {
            m_current = nullptr;
            inner->disconnect(this);
            inner->cancel();
            inner->deleteLater();
        }
        finish(Error::make(QStringLiteral("the model call was cancelled"),
                           QStringLiteral("cancelled")));
    }

private:
    void startEntry(std::size_t index)
    {
        if (m_done)
            return;
        if (m_chain.empty()) {
            finish(Error::make(
                QStringLiteral("no model provider is configured (the fallback chain is empty)"),
                QStringLiteral("unknown_provider")));
            return;
        }
        m_index = index;
        const FallbackProvider::Entry& entry = m_chain[index];
        if (!entry.provider) {
            onInnerFinished(
                Error::make(QStringLiteral("the fallback chain names \"%1\" but it has no provider")
                                .arg(entry.label),
                            QStringLiteral("unknown_provider")));
            return;
        }
        ModelCall* inner = entry.provider->start(m_request, this);
        m_current = inner;
        connect(inner, &ModelCall::textDelta, this, &ModelCall::textDelta);
        connect(inner, &ModelCall::retrying, this, &ModelCall::retrying);
        connect(inner, &ModelCall::exchanged, this, &ModelCall::exchanged);
        connect(inner, &ModelCall::fellBack, this, &ModelCall::fellBack); // a chain inside a chain
        connect(inner, &ModelCall::finished, this,
                [this, inner](const Result<ModelResponse>& result) {
                    if (inner != m_current)
                        return;
                    m_current = nullptr;
                    inner->disconnect(this);
                    inner->deleteLater();
                    onInnerFinished(result);
                });
    }

    void onInnerFinished(const Result<ModelResponse>& result)
    {
        if (m_done)
            return;
        if (result) {
            finish(result);
            return;
        }
        const Error& error = result.error();
        const QString& label = m_chain[m_index].label;
        m_failures << QStringLiteral("[%1] %2").arg(label, error.message);
        if (!FallbackProvider::shouldFallBack(error)) {
            if (m_index == 0) {
                finish(error);
            } else {
                finish(Error::make(
                    QStringLiteral("%1 (the call had fallen back to %2 after: %3)")
                        .arg(error.message, label,
                             m_failures.mid(0, m_failures.size() - 1).join(QStringLiteral("; "))),
                    error.code));
            }
            return;
        }
        if (m_index + 1 >= m_chain.size()) {
            if (m_chain.size() == 1)
                finish(error);
            else
                finish(Error::make(QStringLiteral("every provider of the fallback chain failed: %1")
                                       .arg(m_failures.join(QStringLiteral("; "))),
                                   QStringLiteral("all_providers_failed")));
            return;
        }
        const QPointer<FallbackCall> self(this);
        Q_EMIT fellBack(label, m_chain[m_index + 1].label, error);
        if (self && !m_done)
            startEntry(m_index + 1);
    }

    void finish(const Result<ModelResponse>& result)
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(result);
    }

    std::vector<FallbackProvider::Entry> m_chain;
    ModelRequest m_request;
    std::size_t m_index = 0;
    QPointer<ModelCall> m_current;
    QStringList m_failures;
    bool m_done = false;
};
} // namespace

FallbackProvider::FallbackProvider(std::vector<Entry> chain) : m_chain(std::move(chain)) {}

QString FallbackProvider::name() const
{
    return m_chain.empty() || !m_chain.front().provider ? QStringLiteral("fallback")
                                                        : m_chain.front().provider->name();
}

bool FallbackProvider::isScripted() const
{
    for (const Entry& e : m_chain) {
        if (e.provider && e.provider->isScripted())
            return true;
    }
    return false;
}

bool FallbackProvider::shouldFallBack(const Error& error)
{
    static const QStringList codes = {
        QStringLiteral("retries_exhausted"), QStringLiteral("circuit_open"),
        QStringLiteral("network_error"),     QStringLiteral("connection_failed"),
        QStringLiteral("timeout"),           QStringLiteral("stream_interrupted"),
        QStringLiteral("rate_limited"),      QStringLiteral("server_error"),
        QStringLiteral("overloaded"),
    };
    return codes.contains(error.code);
}

ModelCall* FallbackProvider::start(const ModelRequest& request, QObject* parent)
{
    return new FallbackCall(m_chain, request, parent);
}

} // namespace awb::llm
