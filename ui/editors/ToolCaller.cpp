#include "editors/ToolCaller.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "engine/WorkspaceSession.h"
#include "session/SessionController.h"
#include "tools/ResultSummarizer.h"

namespace awb::ui {

ToolCaller::ToolCaller(SessionController* controller, QObject* parent)
    : QObject(parent), m_controller(controller)
{
}

ToolCaller::~ToolCaller()
{
    cancel();
}

bool ToolCaller::needsApproval(const QString& tool) const
{
    const WorkspaceSession* session = m_controller->session();
    const auto found = session ? session->tools().find(tool) : nullptr;
    return found && found->effect() == EffectClass::ExternalEffect;
}

void ToolCaller::cancel()
{
    if (m_cancel)
        m_cancel->cancelled.store(true);
}

void ToolCaller::recordRejection(const QString& tool, const Json& arguments)
{
    WorkspaceSession* session = m_controller->session();
    if (!session)
        return;
    const QByteArray hash =
        QCryptographicHash::hash(canonicalJson(arguments), QCryptographicHash::Sha256).toHex();
    session->journal().addAudit(SessionController::actor(), QStringLiteral("approval.decided"),
                                QString(),
                                {{"tool", toStd(tool)},
                                 {"approved", false},
                                 {"direct", true},
                                 {"arguments_sha256", hash.toStdString()},
                                 {"source", "schema_editor"}});
    (void)session->journal().flush();
}

Status ToolCaller::validate(const QString& name, const Json& arguments) const
{
    const WorkspaceSession* session = m_controller->session();
    if (!session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."),
                           QStringLiteral("no_workspace"));
    if (!session->tools().find(name))
        return Error::make(tr("The workspace has no tool \"%1\".").arg(name),
                           QStringLiteral("unknown_tool"));
    if (const auto violations = session->tools().validate(name, arguments); !violations.empty()) {
        QStringList lines;
        for (const SchemaViolation& v : violations)
            lines
                << tr("at %1: %2").arg(v.path.isEmpty() ? QStringLiteral("/") : v.path, v.message);
        return Error::make(tr("The arguments do not match the input schema of %1:\n%2")
                               .arg(name, lines.join(QLatin1Char('\n'))),
                           QStringLiteral("invalid_arguments"));
    }
    return {};
}

Status ToolCaller::call(const QString& name, const Json& arguments, Approval approval)
{
    WorkspaceSession* session = m_controller->session();
    if (!session)
        return Error::make(tr("Open a workspace first (File > Open Workspace)."),
                           QStringLiteral("no_workspace"));
    if (m_busy)
        return Error::make(tr("A call is still running: wait for it or cancel it."),
                           QStringLiteral("busy"));
    if (Status s = validate(name, arguments); !s)
        return s;
    const auto tool = session->tools().find(name);
    const bool effect = tool->effect() == EffectClass::ExternalEffect;
    if (effect && approval != Approval::ApprovedByUser)
        return Error::make(
            tr("%1 has an external effect: it runs only after you approve this exact call.")
                .arg(name),
            QStringLiteral("approval_required"));

    Journal& journal = session->journal();
    const QString actor = SessionController::actor();
    const QString key =
        effect ? QStringLiteral("ik-manual-") + QUuid::createUuid().toString(QUuid::Id128)
               : QString();
    if (effect) {
        const QByteArray hash =
            QCryptographicHash::hash(canonicalJson(arguments), QCryptographicHash::Sha256).toHex();
        journal.addAudit(actor, QStringLiteral("approval.decided"), QString(),
                         {{"tool", toStd(name)},
                          {"approved", true},
                          {"direct", true},
                          {"arguments_sha256", hash.toStdString()},
                          {"idempotency_key", toStd(key)},
                          {"source", "schema_editor"}});
    }
    journal.addAudit(actor, QStringLiteral("tool.call"), QString(),
                     {{"tool", toStd(name)},
                      {"arguments", arguments},
                      {"direct", true},
                      {"effect", toStd(effectClassName(tool->effect()))},
                      {"idempotency_key", toStd(key)}});
    // The call is on record before the tool starts, as in the engine and the CLI.
    if (Status s = journal.flush(); !s)
        return s;

    m_busy = true;
    m_cancel = std::make_shared<CancelFlag>();
    auto cancel = m_cancel;
    const Workspace workspace = session->workspace();
    const QString databasePath = journal.databasePath();
    const QString auditHead = journal.auditHead();
    QPointer<Journal> journalRef(&journal);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();

    auto* watcher = new QFutureWatcher<Result<Json>>(this);
    connect(
        watcher, &QFutureWatcher<Result<Json>>::finished, this,
        [this, watcher, name, actor, journalRef, timer] {
            watcher->deleteLater();
            m_busy = false;
            const Result<Json> result = watcher->result();
            if (journalRef) {
                if (result)
                    journalRef->addAudit(
                        actor, QStringLiteral("tool.result"), QString(),
                        {{"tool", toStd(name)},
                         {"content", summarizeForModel(*result, QStringLiteral("manual"), 20)}});
                else
                    journalRef->addAudit(actor, QStringLiteral("tool.error"), QString(),
                                         {{"tool", toStd(name)},
                                          {"error",
                                           {{"code", toStd(result.error().code)},
                                            {"message", toStd(result.errorMessage())}}}});
                (void)journalRef->flush();
            }
            if (result)
                Q_EMIT finished(name, true, toQ(result->dump(2)), timer->elapsed());
            else
                Q_EMIT finished(name, false, result.errorMessage(), timer->elapsed());
        });
    // Everything the worker touches is its own: the workspace switching meanwhile cannot pull it
    // away.
    watcher->setFuture(QtConcurrent::run([tool, arguments, workspace, databasePath, auditHead, key,
                                          cancel]() -> Result<Json> {
        auto ledger = EffectLedger::open(databasePath);
        if (!ledger)
            return ledger.error();
        const StoredResults results(databasePath, QString());
        ToolContext ctx;
        ctx.stepId = QStringLiteral("manual");
        ctx.idempotencyKey = key;
        ctx.workspace = &workspace;
        ctx.results = &results;
        ctx.effects = ledger->get();
        ctx.cancel = cancel;
        ctx.auditHead = auditHead;
        try {
            return tool->execute(arguments, ctx);
        } catch (const std::exception& e) {
            return Error::make(tr("%1 failed: %2").arg(tool->name(), QString::fromUtf8(e.what())),
                               QStringLiteral("tool_error"));
        }
    }));
    return {};
}

} // namespace awb::ui
