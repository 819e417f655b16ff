#include "llm/Cassette.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include "util/OutputFile.h"
#include "util/RegularFile.h"

namespace awb::llm {

namespace {
QString pointerToken(const std::string& key)
{
    QString k = toQ(key);
    k.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return k;
}

// Delivers a ready result the way a network call would: text first, then finished, never inside start().
class ReadyCall : public ModelCall
{
public:
    ReadyCall(Result<ModelResponse> result, QObject* parent) : ModelCall(parent), m_result(std::move(result))
    {
        QTimer::singleShot(0, this, [this] {
            if (m_done)
                return;
            m_done = true;
            if (m_result.ok() && !m_result->message.text.isEmpty())
                Q_EMIT textDelta(m_result->message.text);
            Q_EMIT finished(m_result);
        });
    }
    void cancel() override
    {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT finished(Error::make(QStringLiteral("the model call was cancelled"), QStringLiteral("cancelled")));
    }

private:
    Result<ModelResponse> m_result;
    bool m_done = false;
};
} // namespace

Json requestToJson(const ModelRequest& request)
{
    Json messages = Json::array();
    for (const ChatMessage& m : request.messages)
        messages.push_back(m.toJson());
    Json tools = Json::array();
    for (const ToolSpec& t : request.tools)
        tools.push_back({{"name", toStd(t.name)}, {"description", toStd(t.description)}, {"input_schema", t.inputSchema}});
    Json j = {{"model", toStd(request.model)}, {"instructions", toStd(request.instructions)},
              {"messages", messages},       {"tools", tools}};
    if (request.maxOutputTokens)
        j["max_output_tokens"] = *request.maxOutputTokens;
    return j;
}

Json responseToJson(const ModelResponse& r)
{
    return {{"message", r.message.toJson()},       {"usage", r.usage.toJson()},
            {"finish", toStd(finishReasonName(r.finish))}, {"provider", toStd(r.provider)},
            {"model", toStd(r.model)}};
}

Result<ModelResponse> responseFromJson(const Json& j)
{
    if (!j.is_object())
        return Error::make(QStringLiteral("a recorded response is not an object"), QStringLiteral("invalid_cassette"));
    auto message = ChatMessage::fromJson(j.value("message", Json()));
    if (!message)
        return Error::make(QStringLiteral("a recorded response: %1").arg(message.errorMessage()), QStringLiteral("invalid_cassette"));
    ModelResponse r;
    r.message = std::move(message).value();
    r.usage = Usage::fromJson(j.value("usage", Json::object()));
    const QString finish = jsonString(j, "finish");
    for (FinishReason f : {FinishReason::Stop, FinishReason::ToolCalls, FinishReason::Length, FinishReason::ContentFilter,
                           FinishReason::Other}) {
        if (finishReasonName(f) == finish)
            r.finish = f;
    }
    r.provider = jsonString(j, "provider");
    r.model = jsonString(j, "model");
    r.rawResponse = j;
    return r;
}

QString firstDifference(const Json& expected, const Json& actual, const QString& path)
{
    // A number read back from a file may be unsigned where the live one is signed: compare values.
    if (expected.is_number() && actual.is_number())
        return expected == actual ? QString() : (path.isEmpty() ? QStringLiteral("/") : path);
    if (expected.type() != actual.type())
        return path.isEmpty() ? QStringLiteral("/") : path;
    if (expected.is_object()) {
        // Keys in sorted order, so the answer is deterministic.
        auto e = expected.begin();
        auto a = actual.begin();
        while (e != expected.end() || a != actual.end()) {
            if (e == expected.end())
                return path + QLatin1Char('/') + pointerToken(a.key());
            if (a == actual.end() || e.key() < a.key())
                return path + QLatin1Char('/') + pointerToken(e.key());
            if (a.key() < e.key())
                return path + QLatin1Char('/') + pointerToken(a.key());
            const QString d = firstDifference(e.value(), a.value(), path + QLatin1Char('/') + pointerToken(e.key()));
            if (!d.isEmpty())
                return d;
            ++e;
            ++a;
        }
        return {};
    }
    if (expected.is_array()) {
        const std::size_t n = std::min(expected.size(), actual.size());
        for (std::size_t i = 0; i < n; ++i) {
            const QString d = firstDifference(expected[i], actual[i], path + QLatin1Char('/') + QString::number(i));
            if (!d.isEmpty())
                return d;
        }
        if (expected.size() != actual.size())
            return path + QLatin1Char('/') + QString::number(n);
        return {};
    }
    return expected == actual ? QString() : (path.isEmpty() ? QStringLiteral("/") : path);
}

Result<Cassette> Cassette::load(const QString& path)
{
    auto text = readRegularFile(path, kMaxFileBytes);
    if (!text)
        return Error::make(QStringLiteral("cannot read the cassette: %1").arg(text.errorMessage()),
                           text.error().code);
    auto json = parseJson(*text);
    if (!json)
        return Error::make(QStringLiteral("%1: %2").arg(path, json.errorMessage()), QStringLiteral("invalid_cassette"));
    if (!json->is_object() || json->value("schema_version", 0) != kSchemaVersion || !json->contains("interactions") ||
        !(*json)["interactions"].is_array())
        return Error::make(QStringLiteral("%1 is not a cassette (schema_version %2 with an \"interactions\" array)")
                               .arg(path)
                               .arg(kSchemaVersion),
                           QStringLiteral("invalid_cassette"));
    Cassette c;
    for (const Json& i : (*json)["interactions"])
        c.entries.push_back({i.value("request", Json()), i.value("response", Json()), i.value("exchange", Json::array())});
    return c;
}

Status Cassette::save(const QString& path, const std::function<Json(const Json&)>& redact) const
{
    Json list = Json::array();
    for (const CassetteEntry& e : entries) {
        Json item = {{"request", e.request}, {"response", e.response}, {"exchange", e.exchange}};
        list.push_back(redact ? redact(item) : item);
    }
    const Json doc = {{"schema_version", kSchemaVersion}, {"interactions", list}};
    auto out = OutputFile::open(path);
    if (!out)
        return Error::make(QStringLiteral("cannot record the cassette: %1").arg(out.errorMessage()),
                           QStringLiteral("cassette_write_failed"));
    Status written = (*out)->write(QByteArray::fromStdString(doc.dump(2) + "\n"));
    if (written)
        written = (*out)->commit();
    if (!written)
        return Error::make(
            QStringLiteral("cannot record the cassette: %1").arg(written.errorMessage()),
            QStringLiteral("cassette_write_failed"));
    return {};
}

namespace {
// The inner call, whose successful answer counts only once it is in the cassette: a recording that
// cannot be written fails the call (and so the run) instead of losing what was asked for.
class RecordingCall : public ModelCall
{
public:
    RecordingCall(ModelCall* inner, std::function<Status(const Result<ModelResponse>&)> save,
                  QObject* parent)
        : ModelCall(parent), m_inner(inner), m_save(std::move(save))
    {
        inner->setParent(this);
        connect(inner, &ModelCall::textDelta, this, &ModelCall::textDelta);
        connect(inner, &ModelCall::retrying, this, &ModelCall::retrying);
        connect(inner, &ModelCall::exchanged, this, &ModelCall::exchanged);
        connect(inner, &ModelCall::fellBack, this, &ModelCall::fellBack);
        connect(inner, &ModelCall::finished, this, [this](const Result<ModelResponse>& result) {
            if (!result) {
                Q_EMIT finished(result);
                return;
            }
            if (Status saved = m_save(result); !saved) {
                Q_EMIT finished(saved.error());
                return;
            }
            Q_EMIT finished(result);
        });
    }
    void cancel() override { m_inner->cancel(); }

private:
    ModelCall* m_inner;
    std::function<Status(const Result<ModelResponse>&)> m_save;
};
} // namespace

Status RecordingProvider::checkTarget(const QString& path)
{
    const QFileInfo info(path);
    const PathKind kind = pathKind(path);
    if (kind == PathKind::Missing) {
        if (!info.absoluteDir().exists())
            return Error::make(QStringLiteral("--record %1: the folder %2 does not exist")
                                   .arg(path, info.absolutePath()),
                               QStringLiteral("usage"));
        return {};
    }
    if (kind != PathKind::RegularFile)
        return Error::make(
            QStringLiteral("--record %1: a cassette must be a regular file, and this is not one")
                .arg(path),
            QStringLiteral("usage"));
    if (auto existing = Cassette::load(path); !existing)
        return Error::make(
            QStringLiteral(
                "--record %1: the file exists and is not a cassette, so recording would "
                "destroy it (%2); choose a new file, or the cassette of the run you resume")
                .arg(path, existing.errorMessage()),
            QStringLiteral("usage"));
    return {};
}

RecordingProvider::RecordingProvider(std::shared_ptr<ModelProvider> inner, QString path,
                                     std::function<Json(const Json&)> redact)
    : m_inner(std::move(inner)), m_path(std::move(path)), m_redact(std::move(redact)),
      m_cassette(std::make_shared<Cassette>())
{
    if (auto existing = Cassette::load(m_path))
        *m_cassette = std::move(existing).value(); // a resumed run keeps recording into the same file
}

ModelCall* RecordingProvider::start(const ModelRequest& request, QObject* parent)
{
    ModelCall* inner = m_inner->start(request, nullptr);
    auto exchanges = std::make_shared<Json>(Json::array());
    QObject::connect(inner, &ModelCall::exchanged, inner,
                     [exchanges](const Json& req, const Json& resp) {
                         exchanges->push_back({{"request", req}, {"response", resp}});
                     });
    const Json normalized = requestToJson(request);
    // The cassette is written before the run moves on, and a failed write fails the call.
    auto save = [path = m_path, redact = m_redact, normalized, exchanges,
                 cassette = m_cassette](const Result<ModelResponse>& result) -> Status {
        cassette->entries.push_back({normalized, responseToJson(*result), *exchanges});
        return cassette->save(path, redact);
    };
    return new RecordingCall(inner, std::move(save), parent);
}

// What must match for a replay: everything but the text of tool results, which carries what a
// real tool observes at run time (clock, report hashes, the audit head) and so differs between
// two honest runs. Which call a result answers, and whether it failed, must still match.
Json ReplayProvider::comparable(const Json& request)
{
    Json copy = request;
    if (copy.contains("messages") && copy["messages"].is_array()) {
        for (Json& m : copy["messages"]) {
            if (m.value("role", std::string()) == "tool")
                m.erase("text");
        }
    }
    return copy;
}

Result<ModelResponse> ReplayProvider::respond(const ModelRequest& request) const
{
    std::size_t turn = 0;
    for (const ChatMessage& m : request.messages)
        turn += m.role == Role::Assistant ? 1 : 0;
    if (turn >= m_cassette.entries.size())
        return Error::make(QStringLiteral("the cassette has no recorded call %1 (it holds %2)").arg(turn + 1).arg(m_cassette.entries.size()),
                           QStringLiteral("cassette_exhausted"));
    const CassetteEntry& entry = m_cassette.entries[turn];
    const Json actual = requestToJson(request);
    const QString diff = firstDifference(comparable(entry.request), comparable(actual));
    if (!diff.isEmpty()) {
        const Json::json_pointer ptr(toStd(diff == QLatin1String("/") ? QString() : diff));
        auto show = [&ptr](const Json& j) {
            return j.contains(ptr) ? toQ(j.at(ptr).dump()).left(200) : QStringLiteral("(absent)");
        };
        return Error::make(QStringLiteral("request %1 differs from the recorded one at %2: recorded %3, now %4")
                               .arg(turn + 1)
                               .arg(diff, show(entry.request), show(actual)),
                           QStringLiteral("cassette_mismatch"));
    }
    auto response = responseFromJson(entry.response);
    if (!response)
        return response.error();
    response->rawRequest = actual;
    return response;
}

ModelCall* ReplayProvider::start(const ModelRequest& request, QObject* parent)
{
    return new ReadyCall(respond(request), parent);
}

} // namespace awb::llm
