#include "settings/ConnectionTester.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "llm/transport/HttpProvider.h"
#include "security/Keychain.h"

namespace awb::ui {

namespace {
struct KeyLookup
{
    QString key;
    QString error;
};
} // namespace

ConnectionTester::ConnectionTester(QObject* parent) : QObject(parent) {}

ConnectionTester::~ConnectionTester()
{
    ++m_generation;
    if (m_call)
        m_call->disconnect(this);
}

void ConnectionTester::cancel()
{
    ++m_generation;
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
    m_busy = false;
}

void ConnectionTester::test(const ProviderProfile& profile)
{
    cancel();
    const auto protocol = llm::protocolFor(profile.provider);
    if (!protocol) {
        finish(false, tr("Unknown provider \"%1\".").arg(profile.provider));
        return;
    }
    if (profile.model.trimmed().isEmpty()) {
        finish(false, tr("Enter a model name first (e.g. gpt-4o-mini): the test sends one tiny "
                         "request to it."));
        return;
    }
    m_busy = true;
    const int generation = m_generation;
    // The environment wins, as in runs; otherwise the keychain (which may block: a worker thread).
    const QString variable = protocol->keyEnvironmentVariable();
    const QString fromEnv =
        variable.isEmpty() ? QString() : qEnvironmentVariable(variable.toLatin1().constData());
    auto* watcher = new QFutureWatcher<KeyLookup>(this);
    connect(watcher, &QFutureWatcher<KeyLookup>::finished, this,
            [this, watcher, generation, profile] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                const KeyLookup found = watcher->result();
                if (!found.error.isEmpty())
                    finish(false, found.error);
                else
                    send(profile, found.key);
            });
    watcher->setFuture(QtConcurrent::run([fromEnv, entry = profile.keyEntry()] {
        if (!fromEnv.isEmpty())
            return KeyLookup{fromEnv, {}};
        const auto read = Keychain::read(entry);
        if (!read) // a local server needs no key: only a locked keychain stops the test
            return read.error().code == QLatin1String("keychain_locked")
                       ? KeyLookup{{}, read.errorMessage()}
                       : KeyLookup{};
        return KeyLookup{read->value_or(QString()), {}};
    }));
}

void ConnectionTester::send(const ProviderProfile& profile, const QString& key)
{
    llm::ProviderConfig config;
    config.provider = profile.provider;
    config.model = profile.model.trimmed();
    config.baseUrl =
        profile.baseUrl.isEmpty() ? settings::defaultBaseUrl(profile.provider) : profile.baseUrl;
    config.apiKey = key;
    config.stream = false;
    if (config.baseUrl.isEmpty()) {
        finish(false, tr("Enter the endpoint of the %1 server, e.g. http://localhost:8080/v1.")
                          .arg(profile.provider));
        return;
    }
    llm::HttpOptions options;
    options.connectTimeoutMs = 10000;
    options.responseTimeoutMs = 30000;
    options.attemptTimeoutMs = 30000;
    options.retry.maxAttempts = 1; // a test reports the first answer, it does not insist
    // Its own breaker: a failing test must not open the circuit of real runs on this profile.
    options.breaker = std::make_shared<llm::CircuitBreaker>(QStringLiteral("settings-test"));
    m_provider =
        std::make_shared<llm::HttpProvider>(llm::protocolFor(profile.provider), config, options);

    llm::ModelRequest request;
    request.model = config.model;
    request.messages.push_back(llm::ChatMessage::user(QStringLiteral("Reply with the word OK.")));
    request.maxOutputTokens = 16;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_call = m_provider->start(request, this);
    const QString label = static_cast<llm::HttpProvider*>(m_provider.get())->profileLabel();
    connect(m_call, &llm::ModelCall::finished, this,
            [this, timer, label, model = config.model,
             call = m_call](const Result<llm::ModelResponse>& result) {
                if (call)
                    call->deleteLater();
                if (result)
                    finish(true, tr("Connected to %1: model %2 answered in %3 ms.")
                                     .arg(label, result->model.isEmpty() ? model : result->model)
                                     .arg(timer->elapsed()));
                else
                    finish(false, result.errorMessage());
            });
}

void ConnectionTester::finish(bool ok, const QString& message)
{
    m_busy = false;
    Q_EMIT finished(ok, message);
}

} // namespace awb::ui
