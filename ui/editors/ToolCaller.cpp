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
    // Committed with the next group commit, off this thread; a failure reaches the main window
    // through the journal's writeFailed.
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
    m_busy = true;
    m_cancel = std::make_shared<CancelFlag>();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // The call is on record before the tool starts, as in the engine and the CLI; the commit
    // runs on the journal's writer thread, this one waits for nothing.
    journal.whenCommitted(this, [this, tool, name, arguments, key, actor, timer,
                                 cancel = m_cancel](const Status& committed) {
        if (!committed) {
            m_busy = false;
            Q_EMIT finished(name, false, committed.errorMessage(), timer->elapsed());
            return;
        }
        if (cancel->cancelled.load()) {
            m_busy = false;
            Q_EMIT finished(name, false, tr("Cancelled before %1 started.").arg(name),
                            timer->elapsed());
            return;
        }
        WorkspaceSession* current = m_controller->session();
        if (!current) {
            m_busy = false;
            Q_EMIT finished(name, false,
                            tr("The workspace was closed before %1 started.").arg(name),
                            timer->elapsed());
            return;
        }
        run(*current, tool, arguments, key, actor, cancel, timer);
    });
    return {};
}

void ToolCaller::run(WorkspaceSession& session, std::shared_ptr<const Tool> tool,
                     const Json& arguments, const QString& key, const QString& actor,
                     std::shared_ptr<CancelFlag> cancel, std::shared_ptr<QElapsedTimer> timer)
{
    Journal& journal = session.journal();
    const QString name = tool->name();
    const Workspace workspace = session.workspace();
    const QString databasePath = journal.databasePath();
    const QString auditHead = journal.auditHead();
    QPointer<Journal> journalRef(&journal);

    auto* watcher = new QFutureWatcher<Result<Json>>(this);
    connect(watcher, &QFutureWatcher<Result<Json>>::finished, this,
            [this, watcher, name, actor, journalRef, timer] {
                watcher->deleteLater();
                const Result<Json> result = watcher->result();
                const auto report = [this, name, result, timer] {
                    m_busy = false;
                    if (result)
                        Q_EMIT finished(name, true, toQ(result->dump(2)), timer->elapsed());
                    else
                        Q_EMIT finished(name, false, result.errorMessage(), timer->elapsed());
                };
                if (!journalRef) {
                    report();
                    return;
                }
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
                // Reported once the outcome is on record too (a failed commit is said by the
                // journal's writeFailed, where the main window shows it).
                journalRef->whenCommitted(this, [report](const Status&) { report(); });
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
}

} // namespace awb::ui
