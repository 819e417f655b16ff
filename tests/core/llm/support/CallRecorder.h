#pragma once
// Records every signal of one ModelCall, for provider tests: deltas, retries, fallbacks,
// exchanges and the results (a correct call has exactly one).

#include <QObject>
#include <QStringList>

#include <utility>
#include <vector>

#include "llm/ModelProvider.h"

namespace awb::test {

class CallRecorder : public QObject
{
public:
    struct Retry
    {
        int attempt;
        int delayMs;
        awb::Error reason;
    };
    struct FellBack
    {
        QString from;
        QString to;
        awb::Error reason;
    };

    explicit CallRecorder(awb::llm::ModelCall* call, QObject* parent = nullptr) : QObject(parent)
    {
        using awb::llm::ModelCall;
        connect(call, &ModelCall::textDelta, this, [this](const QString& d) { deltas << d; });
        connect(call, &ModelCall::retrying, this,
                [this](int attempt, int delayMs, const awb::Error& reason) {
                    retries.push_back({attempt, delayMs, reason});
                });
        connect(call, &ModelCall::fellBack, this,
                [this](const QString& from, const QString& to, const awb::Error& e) {
                    fallbacks.push_back({from, to, e});
                });
        connect(call, &ModelCall::exchanged, this,
                [this](const awb::Json& request, const awb::Json& response) {
                    exchanges.emplace_back(request, response);
                });
        connect(call, &ModelCall::finished, this,
                [this](const awb::Result<awb::llm::ModelResponse>& r) { results.push_back(r); });
    }

    bool done() const { return !results.empty(); }
    const awb::Result<awb::llm::ModelResponse>& result() const { return results.front(); }

    // Every text any signal carried, for searching it for a secret.
    QString everything() const
    {
        QStringList parts = deltas;
        for (const Retry& r : retries)
            parts << r.reason.message << r.reason.code;
        for (const FellBack& f : fallbacks)
            parts << f.from << f.to << f.reason.message;
        for (const auto& [request, response] : exchanges)
            parts << QString::fromStdString(request.dump())
                  << QString::fromStdString(response.dump());
        for (const auto& r : results) {
            if (r.ok())
                parts << QString::fromStdString(r->rawRequest.dump())
                      << QString::fromStdString(r->rawResponse.dump()) << r->message.text;
            else
                parts << r.errorMessage() << r.error().code;
        }
        return parts.join(QLatin1Char('\n'));
    }

    QStringList deltas;
    std::vector<Retry> retries;
    std::vector<FellBack> fallbacks;
    std::vector<std::pair<awb::Json, awb::Json>> exchanges;
    std::vector<awb::Result<awb::llm::ModelResponse>> results;
};

} // namespace awb::test
