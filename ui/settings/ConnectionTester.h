#pragma once
// "Test connection" for a provider profile: sends one minimal request (a one-word prompt, a few
// output tokens, no retries) through HttpProvider to the profile's endpoint and reports success or
// the provider's error. The key comes from the environment variable or the keychain, as in runs;
// the keychain is read on a worker thread and the key is never shown or stored.

#include <QObject>
#include <QPointer>

#include <memory>

#include "settings/SettingsStore.h"

namespace awb::llm {
class ModelCall;
class ModelProvider;
} // namespace awb::llm

namespace awb::ui {

class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTester(QObject* parent = nullptr);
    ~ConnectionTester() override;

    // Starts a test (cancelling one in progress); ends with finished().
    void test(const ProviderProfile& profile);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void finished(bool ok, const QString& message);

private:
    void send(const ProviderProfile& profile, const QString& key);
    void finish(bool ok, const QString& message);

    std::shared_ptr<llm::ModelProvider> m_provider;
    QPointer<llm::ModelCall> m_call;
    int m_generation = 0;
    bool m_busy = false;
};

} // namespace awb::ui
