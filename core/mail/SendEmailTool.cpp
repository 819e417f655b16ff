#include "mail/SendEmailTool.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "mail/MimeMessage.h"
#include "mail/SmtpClient.h"
#include "security/Keychain.h"
#include "store/Workspace.h"

namespace awb {

namespace {

constexpr qint64 kMaxAttachmentBytes = 20 * 1024 * 1024; // what common mail servers accept in total
const QString kOutbox = QStringLiteral("outbox");        // workspace-relative

Error invalid(const QString& message)
{
    return Error::make(message, QStringLiteral("invalid_arguments"));
}

bool isEmailAddress(const QString& text)
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                       "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$"));
    return text.size() <= 254 && re.match(text).hasMatch();
}

Result<QStringList> addresses(const Json& args, const char* key, bool required)
{
    const auto it = args.find(key);
    if (it == args.end()) {
        if (required)
            return invalid(QStringLiteral("\"%1\" is required: an array of email addresses")
                               .arg(QLatin1String(key)));
        return QStringList();
    }
    if (!it->is_array() || (required && it->empty()))
        return invalid(QStringLiteral("\"%1\" must be an array of email addresses%2")
                           .arg(QLatin1String(key),
                                required ? QStringLiteral(" with at least one") : QString()));
    QStringList out;
    for (const Json& item : *it) {
        const QString address =
            item.is_string() ? toQ(item.get<std::string>()).trimmed() : QString();
        if (!isEmailAddress(address))
            return invalid(
                QStringLiteral(
                    "\"%1\" contains %2, which is not an email address like name@example.com")
                    .arg(QLatin1String(key), item.is_string()
                                                 ? QLatin1Char('"') + address + QLatin1Char('"')
                                                 : toQ(item.dump())));
        out << address;
    }
    return out;
}

struct LoadedFile
{
    QString path; // workspace-relative
    QByteArray data;
    QString sha256;
};

Result<std::vector<LoadedFile>> loadAttachments(const Json& args, const Workspace& ws)
{
    std::vector<LoadedFile> files;
    const auto it = args.find("attachments");
    if (it == args.end())
        return files;
    if (!it->is_array())
        return invalid(
            QStringLiteral("\"attachments\" must be an array of workspace-relative paths"));
    qint64 total = 0;
    for (const Json& item : *it) {
        if (!item.is_string())
            return invalid(QStringLiteral("\"attachments\" must contain paths (strings), got %1")
                               .arg(toQ(item.dump())));
        const QString relative = toQ(item.get<std::string>());
        // Each file may use what the ones before it left of the total.
        auto data = ws.files().read(relative, kMaxAttachmentBytes - total);
        if (!data) {
            const Error& e = data.error();
            if (e.code == QLatin1String("not_found"))
                return invalid(
                    QStringLiteral(
                        "attachment \"%1\" does not exist in the workspace %2 (paths are relative "
                        "to the workspace, e.g. reports/q3.pdf)")
                        .arg(relative, ws.root()));
            if (e.code == QLatin1String("file_too_large"))
                return Error::make(
                    QStringLiteral("attachment \"%1\": the attachments add up to more than %2 MB, "
                                   "more than mail servers accept; attach fewer or smaller files")
                        .arg(relative)
                        .arg(kMaxAttachmentBytes / (1024 * 1024)),
                    e.code);
            return Error::make(QStringLiteral("attachment %1").arg(e.message), e.code);
        }
        LoadedFile file;
        file.path = *ws.files().relativePath(relative);
        file.data = std::move(data).value();
        total += file.data.size();
        file.sha256 = QString::fromLatin1(
            QCryptographicHash::hash(file.data, QCryptographicHash::Sha256).toHex());
        files.push_back(std::move(file));
    }
    return files;
}

Json toJsonArray(const QStringList& list)
{
    Json out = Json::array();
    for (const QString& s : list)
        out.push_back(toStd(s));
    return out;
}

// An .eml already written for this key (a crash between writing and recording), if any, as a
// workspace-relative path. Only regular files count: a link planted under that name is ignored.
Result<QString> existingOutboxFile(const WorkspaceFiles& files, const QByteArray& token)
{
    auto names = files.listFiles(kOutbox);
    if (!names)
        return names.error();
    const QString suffix = QLatin1Char('-') + QString::fromLatin1(token) + QStringLiteral(".eml");
    for (const QString& name : *names) {
        if (name.endsWith(suffix))
            return kOutbox + QLatin1Char('/') + name;
    }
    return QString();
}

} // namespace

SendEmailTool::SendEmailTool()
    : SendEmailTool([](const QString& entry) { return Keychain::read(entry); })
{
}

SendEmailTool::SendEmailTool(PasswordSource source) : m_passwords(std::move(source)) {}

QString SendEmailTool::description() const
{
    return QStringLiteral(
        "Send an email with optional attachments (workspace files such as a rendered report). "
        "Each call is sent at most once: repeating it returns the recorded outcome. Without an "
        "SMTP server configured the message is written to the workspace outbox instead.");
}

Json SendEmailTool::inputSchema() const
{
    const Json emailList = {{"type", "array"},
                            {"items", {{"type", "string"}, {"format", "email"}}}};
    Json to = emailList;
    to["minItems"] = 1;
    to["description"] = "Recipients";
    Json cc = emailList;
    cc["description"] = "Copy recipients";
    return Json{{"type", "object"},
                {"additionalProperties", false},
                {"required", {"to", "subject", "body"}},
                {"properties",
                 {{"to", to},
                  {"cc", cc},
                  {"subject", {{"type", "string"}, {"minLength", 1}}},
                  {"body", {{"type", "string"}, {"description", "Plain text"}}},
                  {"attachments",
                   {{"type", "array"},
                    {"items", {{"type", "string"}}},
                    {"description", "Workspace-relative paths, e.g. reports/q3.pdf"}}}}}};
}

Result<Json> SendEmailTool::execute(const Json& args, const ToolContext& ctx) const
{
    if (!args.is_object())
        return invalid(QStringLiteral("arguments must be a JSON object"));
    auto to = addresses(args, "to", true);
    if (!to)
        return to.error();
    auto cc = addresses(args, "cc", false);
    if (!cc)
        return cc.error();
    const auto subjectIt = args.find("subject");
    if (subjectIt == args.end() || !subjectIt->is_string() || subjectIt->get<std::string>().empty())
        return invalid(QStringLiteral("\"subject\" is required and must be a non-empty string"));
    const auto bodyIt = args.find("body");
    if (bodyIt == args.end() || !bodyIt->is_string())
        return invalid(QStringLiteral("\"body\" is required and must be a string"));
    if (!ctx.workspace || !ctx.effects)
        return Error::make(QStringLiteral("send_email needs a workspace and an effect journal"));
    const QString key = ctx.idempotencyKey;
    if (key.isEmpty())
        return Error::make(
            QStringLiteral("send_email needs an idempotency key so it cannot send twice; it is "
                           "set by the engine for external_effect tools"));

    // Exactly once: what happened under this key before decides everything.
    auto previous = ctx.effects->lookup(key);
    if (!previous)
        return Error::make(
            QStringLiteral("cannot read the effect journal for %1, so nothing was sent: %2")
                .arg(key, previous.errorMessage()),
            QStringLiteral("journal_error"));
    if (previous->state == EffectJournal::State::Done) {
        Json out = previous->detail.is_object() ? previous->detail : Json::object();
        out["recorded_status"] = out.value("status", "sent");
        out["status"] = "already_sent";
        out["idempotency_key"] = toStd(key);
        return out;
    }
    if (previous->state == EffectJournal::State::HandedOver) {
        Json out = previous->detail.is_object() ? previous->detail : Json::object();
        out["status"] = "sent_unconfirmed";
        out["delivery_confirmed"] = false;
        out["idempotency_key"] = toStd(key);
        out["note"] = toStd(
            QStringLiteral("The message was handed to the SMTP server, but the process stopped "
                           "before the server's acceptance was recorded. It was not sent again; "
                           "check the recipients' mailboxes or the server log for Message-ID %1.")
                .arg(toQ(out.value("message_id", std::string()))));
        return out;
    }

    const Workspace& ws = *ctx.workspace;
    auto files = loadAttachments(args, ws);
    if (!files)
        return files.error();
    const SmtpSettings smtp = ws.effectiveSmtp();
    if (!isEmailAddress(smtp.from))
        return Error::make(
            QStringLiteral(
                "the sender \"%1\" (smtp.from in workspace.json) is not an email address")
                .arg(smtp.from),
            QStringLiteral("invalid_settings"));

    const QByteArray token = mail::mime::safeToken(key);
    mail::MimeMessage message;
    message.from = smtp.from;
    message.to = *to;
    message.cc = *cc;
    message.subject = toQ(subjectIt->get<std::string>());
    message.body = toQ(bodyIt->get<std::string>());
    message.date = QDateTime::currentDateTimeUtc();
    message.messageId = token + "@agent-workbench.local"; // recipients can deduplicate on it
    Json attachments = Json::array();
    for (const LoadedFile& f : *files) {
        message.attachments.push_back({QFileInfo(f.path).fileName(), {}, f.data});
        attachments.push_back(
            {{"path", toStd(f.path)}, {"bytes", f.data.size()}, {"sha256", toStd(f.sha256)}});
    }
    QStringList recipients = *to + *cc;
    recipients.removeDuplicates();

    Json detail = {{"message_id", "<" + message.messageId.toStdString() + ">"},
                   {"idempotency_key", toStd(key)},
                   {"recipients", toJsonArray(recipients)},
                   {"subject", toStd(message.subject)},
                   {"attachments", attachments}};

    if (smtp.url.trimmed().isEmpty()) {
        // No server: the outbox is the delivery. A file from an earlier, unrecorded attempt is
        // reused.
        auto existing = existingOutboxFile(ws.files(), token);
        if (!existing)
            return Error::make(
                QStringLiteral("cannot use the outbox: %1").arg(existing.errorMessage()),
                existing.error().code);
        QString file = *existing;
        if (file.isEmpty()) {
            file = kOutbox + QLatin1Char('/') +
                   message.date.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) +
                   QLatin1Char('-') + QString::fromLatin1(token) + QStringLiteral(".eml");
            if (Status s = ws.files().write(file, message.toBytes()); !s)
                return Error::make(QStringLiteral("cannot write the message to the outbox: %1")
                                       .arg(s.errorMessage()),
                                   s.error().code);
        }
        detail["status"] = "written_to_outbox";
        detail["eml"] = toStd(file);
        detail["delivery_confirmed"] = false;
        if (Status s = ctx.effects->record(key, EffectJournal::State::Done, detail); !s)
            return Error::make(
                QStringLiteral("the message was written to %1, but recording it failed: %2")
                    .arg(file, s.errorMessage()),
                QStringLiteral("journal_error"));
        return detail;
    }

    auto endpoint = mail::parseSmtpUrl(smtp.url);
    if (!endpoint)
        return endpoint.error();
    mail::SmtpOptions options;
    options.endpoint = *endpoint;
    options.username = smtp.username;
    if (!smtp.caFile.isEmpty())
        options.caFile = QFileInfo(smtp.caFile).isAbsolute()
                             ? smtp.caFile
                             : QDir(ws.root()).filePath(smtp.caFile);
    if (!smtp.username.isEmpty()) {
        const QString account = smtp.username + QLatin1Char('@') + endpoint->host;
        auto password = m_passwords(QStringLiteral("smtp/") + account);
        if (!password)
            return Error::make(
                QStringLiteral("cannot read the SMTP password for %1 from the keychain: %2")
                    .arg(account, password.errorMessage()),
                password.error().code);
        if (!password->has_value())
            return Error::make(
                QStringLiteral(
                    "no SMTP password is stored for %1; store it with `awb keys set smtp` "
                    "(keychain entry \"smtp/%1\")")
                    .arg(account),
                QStringLiteral("missing_credentials"));
        options.password = **password;
    }
    detail["server"] = toStd(endpoint->display());

    bool handedOver = false;
    Status doneRecorded;
    Json sent;
    mail::SmtpHooks hooks;
    hooks.beforeDot = [&]() -> Status {
        Json handed = detail;
        handed["status"] = "handed_over";
        handed["delivery_confirmed"] = false;
        handed["handed_over_at"] =
            toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (Status s = ctx.effects->record(key, EffectJournal::State::HandedOver, handed); !s)
            return Error::make(
                QStringLiteral(
                    "could not record the hand-over in the effect journal, so the message "
                    "was not sent: %1")
                    .arg(s.errorMessage()),
                QStringLiteral("journal_error"));
        handedOver = true;
        return Status::success();
    };
    hooks.afterAccept = [&](const mail::SmtpReceipt& receipt) {
        sent = detail;
        sent["status"] = "sent";
        sent["delivery_confirmed"] = true;
        sent["reply"] = toStd(receipt.reply);
        sent["tls"] = receipt.tls;
        doneRecorded = ctx.effects->record(key, EffectJournal::State::Done, sent);
    };

    mail::SmtpClient client(options, ctx.cancel);
    auto receipt = client.send({smtp.from, recipients, message.toBytes()}, hooks);
    if (!receipt) {
        Error error = receipt.error();
        if (handedOver && error.code == QLatin1String("smtp_refused")) {
            // The server answered the message with a refusal: it was not delivered, retrying is
            // safe.
            Json refused = detail;
            refused["status"] = "refused";
            refused["reply"] = toStd(error.message);
            if (Status s = ctx.effects->record(key, EffectJournal::State::None, refused); !s)
                error.message +=
                    QStringLiteral(" (recording the refusal failed: %1)").arg(s.errorMessage());
        } else if (handedOver) {
            error.message +=
                QStringLiteral(". The message had been handed to the server, so it may have been "
                               "delivered; it will not be sent again under this call");
        }
        return error;
    }
    if (!doneRecorded)
        return Error::make(
            QStringLiteral("the message was sent (%1), but recording that failed: %2")
                .arg(receipt->reply, doneRecorded.errorMessage()),
            QStringLiteral("journal_error"));
    return sent;
}

} // namespace awb
