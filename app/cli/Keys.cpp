// `awb keys set|delete`: API keys and the SMTP password in the OS keychain. The secret is read from
// standard input (never from the command line, where other users and shell history can see it).

#include <QUrl>

#include "Arguments.h"
#include "Commands.h"
#include "Terminal.h"
#include "llm/WireProtocol.h"
#include "security/Keychain.h"
#include "store/Workspace.h"

namespace awb::cli {

namespace {
int fail(const QString& message, int code = ExitUsage)
{
    printErr(QStringLiteral("awb: %1").arg(message));
    return code;
}

// The keychain entry for a provider profile, or for the workspace's SMTP account.
Result<QString> entryFor(const QString& what, const Arguments& a)
{
    if (what == QLatin1String("smtp")) {
        QString account = a.value(QStringLiteral("account"));
        if (account.isEmpty() && a.has(QStringLiteral("workspace"))) {
            auto ws = Workspace::open(a.value(QStringLiteral("workspace")));
            if (!ws)
                return ws.error();
            const SmtpSettings smtp = ws->effectiveSmtp();
            if (smtp.username.isEmpty() || smtp.url.isEmpty())
                return Error::make(QStringLiteral("the workspace has no SMTP username and server (smtp.username, smtp.url in "
                                                  "workspace.json)"),
                                   QStringLiteral("usage"));
            account = smtp.username + QLatin1Char('@') + QUrl(smtp.url).host();
        }
        if (account.isEmpty())
            return Error::make(QStringLiteral("say which SMTP account: --account USER@HOST or --workspace DIR"),
                               QStringLiteral("usage"));
        return QStringLiteral("smtp/") + account;
    }
    if (!llm::knownProviders().contains(what))
        return Error::make(QStringLiteral("unknown provider \"%1\" (known: %2, smtp)")
                               .arg(what, llm::knownProviders().join(QStringLiteral(", "))),
                           QStringLiteral("usage"));
    const QString profile = a.value(QStringLiteral("profile"));
    return QStringLiteral("provider/") + (profile.isEmpty() ? what : profile);
}
} // namespace

int keysCommand(const QString& verb, const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("account"), QStringLiteral("workspace"), QStringLiteral("profile")}, {});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral("usage: awb keys %1 PROVIDER [--profile NAME] | smtp --account USER@HOST").arg(verb));
    auto entry = entryFor(a->positional().first(), *a);
    if (!entry)
        return fail(entry.errorMessage());
    if (verb == QLatin1String("delete")) {
        if (Status s = Keychain::remove(*entry); !s)
            return fail(s.errorMessage(), ExitFailed);
        printErr(QStringLiteral("removed %1 from the keychain").arg(*entry));
        return ExitOk;
    }
    const auto read =
        readSecret(QStringLiteral("Enter the secret for %1 (input is hidden): ").arg(*entry));
    if (!read)
        return fail(read.errorMessage());
    const QString secret = *read;
    if (secret.trimmed().isEmpty())
        return fail(QStringLiteral("no secret on standard input; nothing was stored"));
    if (Status s = Keychain::write(*entry, secret.trimmed()); !s)
        return fail(s.errorMessage(), ExitFailed);
    printErr(QStringLiteral("stored %1 in the keychain").arg(*entry));
    return ExitOk;
}

} // namespace awb::cli
