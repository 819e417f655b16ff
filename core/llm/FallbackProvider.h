#pragma once
// A chain of providers tried in order: when one fails in a way another provider can cure
// (retries exhausted, circuit open, network trouble), fellBack() is emitted and the same request
// continues on the next. A request the provider refused (400, 401/403, 404) or a cancel ends
// the call at once: the next provider would refuse it too, or nobody wants it any more.

#include <QString>

#include <memory>
#include <vector>

#include "llm/ModelProvider.h"

namespace awb::llm {

class FallbackProvider : public ModelProvider
{
public:
    struct Entry
    {
        QString label; // how the run and the audit trail name it, e.g. "openai/gpt-4o-mini"
        std::shared_ptr<ModelProvider> provider;
    };

    explicit FallbackProvider(std::vector<Entry> chain);

    // The primary's name: runs are labelled with the provider they were meant for.
    QString name() const override;
    // True when any provider of the chain is a double, so no output hides it.
    bool isScripted() const override;
    ModelCall* start(const ModelRequest& request, QObject* parent) override;

    const std::vector<Entry>& chain() const { return m_chain; }
    // Whether an error of one provider hands the request to the next.
    static bool shouldFallBack(const Error& error);

private:
    std::vector<Entry> m_chain;
};

} // namespace awb::llm
