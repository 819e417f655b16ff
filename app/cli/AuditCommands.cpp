// `awb audit verify|export|key`: the audit trail for auditors. These commands only read the
// workspace's store (verification never makes a key, never migrates, never writes an anchor), so
// an auditor can run them on a copy of a workspace without changing anything.

#include <QFileInfo>

#include "Arguments.h"
#include "Commands.h"
#include "Terminal.h"
#include "security/AuditAnchor.h"
#include "security/AuditKey.h"
#include "security/AuditTrail.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "util/OutputFile.h"

namespace awb::cli {

namespace {

int fail(const QString& message, int code = ExitUsage)
{
    printErr(QStringLiteral("awb: %1").arg(message));
    return code;
}

Result<Workspace> workspaceArgument(const Arguments& a)
{
    const QString dir = a.value(QStringLiteral("workspace"));
    if (dir.isEmpty())
        return Error::make(QStringLiteral("--workspace DIR is required"), QStringLiteral("usage"));
    return Workspace::open(dir);
}

// The store opened read-only: auditors' commands change nothing, not even the schema version.
Result<sql::Database> openStoreReadOnly(const Workspace& ws)
{
    auto db = sql::Database::open(ws.databasePath(), sql::OpenMode::ReadOnly);
    if (!db)
        return Error::make(QStringLiteral("%1 %2").arg(
                               db.errorMessage(), sql::adviceFor(db.error(), ws.databasePath())),
                           db.error().code);
    return db;
}

Json anchorJson(const AuditAnchor& a)
{
    return {{"seq", a.seq},
            {"mac", toStd(a.mac)},
            {"key_fingerprint", toStd(a.keyFingerprint)},
            {"updated_at", toStd(a.updatedAt)}};
}

} // namespace

int auditVerify(const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("workspace"), QStringLiteral("expect-head")},
                              {QStringLiteral("json")});
    if (!a)
        return fail(a.errorMessage());
    auto ws = workspaceArgument(*a);
    if (!ws)
        return fail(ws.errorMessage());
    const bool json = a->has(QStringLiteral("json"));
    // The head last stored beside the key: without it a cut tail, an emptied trail or a replaced
    // database would verify as intact.
    std::optional<AuditAnchor> anchor;
    QString anchorNote;
    auto stored = AnchorStorage::keychain().load(ws->id());
    if (!stored)
        anchorNote = stored.errorMessage();
    else if (!stored->has_value())
        anchorNote =
            QStringLiteral("no anchor is stored in the keychain for this workspace yet (one "
                           "is written as soon as a command writes to the trail)");
    else
        anchor = **stored;

    if (!QFileInfo::exists(ws->databasePath()) && anchor && anchor->seq > 0) {
        const QString problem =
            QStringLiteral("the workspace's store %1 is missing, but the keychain's anchor records "
                           "that its trail reached entry %2 (mac %3) on %4: it was deleted")
                .arg(ws->databasePath())
                .arg(anchor->seq)
                .arg(anchor->mac.left(16), anchor->updatedAt);
        if (json)
            printOut(toQ(Json{{"ok", false},
                              {"entries", 0},
                              {"problem", toStd(problem)},
                              {"anchor", anchorJson(*anchor)}}
                             .dump(2)) +
                     QLatin1Char('\n'));
        else
            printOut(QStringLiteral("audit trail ALTERED: %1\n").arg(problem));
        return ExitFailed;
    }
    auto key = AuditKey::resolve(ws->root(), AuditKey::Creation::Never);
    if (!key) {
        if (key.error().code == QLatin1String("audit_key_missing") &&
            !AuditKey::storeHasTrail(ws->root()) && !(anchor && anchor->seq > 0)) {
            if (json)
                printOut(
                    toQ(Json{{"ok", true}, {"entries", 0}, {"head", "0:" + std::string(64, '0')}}
                            .dump(2)) +
                    QLatin1Char('\n'));
            else
                printOut(QStringLiteral("audit trail empty: no entries yet\n"));
            return ExitOk;
        }
        return fail(key.errorMessage(), ExitFailed);
    }
    auto db = openStoreReadOnly(*ws);
    if (!db)
        return fail(db.errorMessage(), ExitFailed);
    std::optional<QString> expect;
    if (a->has(QStringLiteral("expect-head")))
        expect = a->value(QStringLiteral("expect-head"));

    const AuditTrail trail(key->key);
    auto v = trail.verify(*db, expect, anchor ? &*anchor : nullptr);
    if (!v)
        return fail(v.errorMessage(), ExitFailed);
    const QString head = AuditTrail::headString(v->headSeq, v->headMac);
    if (json) {
        Json j = {{"ok", v->ok()},
                  {"entries", v->entries},
                  {"head", toStd(head)},
                  {"key_fingerprint", toStd(trail.keyFingerprint())},
                  {"anchor", anchor ? anchorJson(*anchor) : Json()}};
        if (!anchorNote.isEmpty())
            j["anchor_note"] = toStd(anchorNote);
        if (v->firstAltered)
            j["first_altered"] = *v->firstAltered;
        if (v->keyMismatch)
            j["key_mismatch"] = true;
        if (!v->problem.isEmpty())
            j["problem"] = toStd(v->problem);
        printOut(toQ(j.dump(2)) + QLatin1Char('\n'));
    } else if (v->keyMismatch) {
        printOut(QStringLiteral("audit trail NOT VERIFIED: %1\n").arg(v->problem));
    } else if (v->ok()) {
        printOut(
            QStringLiteral("audit trail intact: %1 entries, head %2\n").arg(v->entries).arg(head));
        if (anchor)
            printOut(QStringLiteral("anchored in the keychain at entry %1 (written %2)\n")
                         .arg(anchor->seq)
                         .arg(anchor->updatedAt));
        else
            printOut(QStringLiteral("not anchored: %1. Only --expect-head SEQ:MAC can then prove "
                                    "that nothing after a known head was removed.\n")
                         .arg(anchorNote));
    } else {
        printOut(QStringLiteral("audit trail ALTERED: %1\n").arg(v->problem));
        if (v->firstAltered)
            printOut(QStringLiteral("first altered entry: seq %1\n").arg(*v->firstAltered));
    }
    return v->ok() ? ExitOk : ExitFailed;
}

int auditExport(const QStringList& args)
{
    auto a = Arguments::parse(
        args, {QStringLiteral("workspace"), QStringLiteral("format"), QStringLiteral("out")}, {});
    if (!a)
        return fail(a.errorMessage());
    const QString format = a->value(QStringLiteral("format"), QStringLiteral("jsonl"));
    if (format != QLatin1String("jsonl"))
        return fail(QStringLiteral("--format %1 is not supported by this build (supported: jsonl)")
                        .arg(format));
    const QString outPath = a->value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return fail(QStringLiteral("--out FILE is required"));
    auto ws = workspaceArgument(*a);
    if (!ws)
        return fail(ws.errorMessage());
    auto db = openStoreReadOnly(*ws);
    if (!db)
        return fail(db.errorMessage(), ExitFailed);
    auto out = OutputFile::open(outPath);
    if (!out)
        return fail(out.errorMessage(), ExitFailed);
    if (Status s = AuditTrail::exportJsonl(*db, (*out)->device()); !s)
        return fail(s.errorMessage(), ExitFailed);
    if (Status s = (*out)->commit(); !s)
        return fail(s.errorMessage(), ExitFailed);
    auto head = AuditTrail::head(*db);
    if (!head)
        return fail(head.errorMessage(), ExitFailed);
    printErr(QStringLiteral("exported the audit trail to %1 (%2 entries, head %3)")
                 .arg(outPath)
                 .arg(head->seq)
                 .arg(AuditTrail::headString(head->seq, head->mac)));
    return ExitOk;
}

int auditKeyCommand(const QString& verb, const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("workspace")}, {});
    if (!a)
        return fail(a.errorMessage());
    if (!a->positional().isEmpty())
        return fail(QStringLiteral("usage: awb audit key export|import --workspace DIR"));
    auto ws = workspaceArgument(*a);
    if (!ws)
        return fail(ws.errorMessage());
    if (verb == QLatin1String("export")) {
        auto key = AuditKey::resolve(ws->root(), AuditKey::Creation::Never);
        if (!key)
            return fail(key.errorMessage(), ExitFailed);
        printErr(QStringLiteral("awb: this is the secret that signs the audit trail of %1 "
                                "(fingerprint %2). Keep it "
                                "like a password: whoever holds it can re-sign an altered trail.")
                     .arg(ws->root(), AuditTrail(key->key).keyFingerprint()));
        printOut(QString::fromUtf8(key->key) + QLatin1Char('\n'));
        return ExitOk;
    }
    auto read =
        readSecret(QStringLiteral("Paste the audit key of %1 (input is hidden): ").arg(ws->root()));
    if (!read)
        return fail(read.errorMessage());
    const QString secret = *read;
    if (Status s = AuditKey::importKey(ws->root(), secret.toUtf8()); !s)
        return fail(s.errorMessage(),
                    s.error().code == QLatin1String("usage") ? ExitUsage : ExitFailed);
    printErr(QStringLiteral("stored the audit key of %1 in the keychain (entry %2, fingerprint %3)")
                 .arg(ws->root(), AuditKey::keychainEntry(ws->root()),
                      AuditTrail(secret.trimmed().toUtf8()).keyFingerprint()));
    return ExitOk;
}

} // namespace awb::cli
