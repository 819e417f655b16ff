#pragma once
// Record and replay of model calls. A cassette holds every request of a run in normalized form
// with the response it got (and the raw HTTP exchange when there was one), secrets redacted.
// RecordingProvider writes one while another provider answers; ReplayProvider answers from one,
// deterministically, and refuses a request that differs from the recorded one, naming the first
// differing field (tool results' text excepted: it holds what tools saw at run time). Normalized requests make a cassette replayable whatever provider recorded it.

#include <QString>

#include <functional>
#include <memory>
#include <vector>

#include "llm/ModelProvider.h"

namespace awb::llm {

Json requestToJson(const ModelRequest& request);
Json responseToJson(const ModelResponse& response);
Result<ModelResponse> responseFromJson(const Json& json);

// The JSON pointer of the first difference between two values (keys in sorted order), or an
// empty string when they are equal.
QString firstDifference(const Json& expected, const Json& actual, const QString& path = {});

struct CassetteEntry
{
    Json request;  // requestToJson
    Json response; // responseToJson
    Json exchange = Json::array(); // raw HTTP exchanges of the call ({request, response}), redacted
};

class Cassette
{
public:
    static constexpr int kSchemaVersion = 1;
    // Raw exchanges make cassettes large; a long run's stays well below this.
    static constexpr qint64 kMaxFileBytes = 256 << 20;
    // A regular file of at most kMaxFileBytes (util/RegularFile: a pipe or a device is refused at
    // once); the path is one a person named (--cassette, --record).
    static Result<Cassette> load(const QString& path);
    // Written atomically; redact is applied to every string before it is written.
    Status save(const QString& path, const std::function<Json(const Json&)>& redact = {}) const;

    std::vector<CassetteEntry> entries;
};

class RecordingProvider : public ModelProvider
{
public:
    // Every finished call is appended to the cassette file at once, so a crash keeps what was recorded.
    RecordingProvider(std::shared_ptr<ModelProvider> inner, QString path, std::function<Json(const Json&)> redact);
    // Whether path can take a recording: a new file in an existing folder, or an existing
    // cassette (a resumed run records on into it). Devices, pipes and other files are refused.
    static Status checkTarget(const QString& path);
    QString name() const override { return m_inner->name(); }
    bool isScripted() const override { return m_inner->isScripted(); }
    ModelCall* start(const ModelRequest& request, QObject* parent) override;

private:
    std::shared_ptr<ModelProvider> m_inner;
    QString m_path;
    std::function<Json(const Json&)> m_redact;
    std::shared_ptr<Cassette> m_cassette;
};

class ReplayProvider : public ModelProvider
{
public:
    explicit ReplayProvider(Cassette cassette) : m_cassette(std::move(cassette)) {}
    QString name() const override { return QStringLiteral("replay"); }
    bool isScripted() const override { return true; }
    ModelCall* start(const ModelRequest& request, QObject* parent) override;
    // The answer for request: the entry whose position matches the number of assistant turns.
    Result<ModelResponse> respond(const ModelRequest& request) const;
    static Json comparable(const Json& normalizedRequest);

private:
    Cassette m_cassette;
};

} // namespace awb::llm
