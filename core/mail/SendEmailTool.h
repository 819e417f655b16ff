#pragma once
// The "send_email" tool: builds a MIME message with workspace files attached and sends it over
// SMTP exactly once per idempotency key (recorded in the effect journal around the hand-over), or
// writes it to the workspace outbox when no SMTP server is configured.

#include <QString>

#include <functional>
#include <optional>

#include "tools/Tool.h"

namespace awb {

class SendEmailTool : public Tool
{
public:
    // Reads a secret by keychain entry name ("smtp/<user>@<host>"); std::nullopt when not stored.
    using PasswordSource = std::function<Result<std::optional<QString>>(const QString& entry)>;

    // Passwords come from the OS keychain.
    SendEmailTool();
    // Passwords come from source (tests, or a caller that already holds the secret).
    explicit SendEmailTool(PasswordSource source);

    QString name() const override { return QStringLiteral("send_email"); }
    QString description() const override;
    Json inputSchema() const override;
    EffectClass effect() const override { return EffectClass::ExternalEffect; }
    std::chrono::milliseconds timeout() const override { return std::chrono::seconds(60); }
    Result<Json> execute(const Json& arguments, const ToolContext& ctx) const override;

private:
    PasswordSource m_passwords;
};

} // namespace awb
