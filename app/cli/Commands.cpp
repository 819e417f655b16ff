#include "Commands.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QUuid>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include "Arguments.h"
#include "Terminal.h"
#include "demo/DemoWorkspace.h"
#include "engine/AgentRun.h"
#include "engine/EffectLedger.h"
#include "engine/Journal.h"
#include "engine/RunLauncher.h"
#include "engine/RunLock.h"
#include "engine/RunReplay.h"
#include "engine/WorkspaceSession.h"
#include "security/AuditKey.h"
#include "security/AuditTrail.h"
#include "security/Keychain.h"
#include "tools/ResultSummarizer.h"
#include "util/RegularFile.h"

namespace awb::cli {

QString currentActor()
{
    return localActor(QStringLiteral("cli"));
}

QStringList knownSecrets()
{
    return environmentSecrets();
}

Result<std::unique_ptr<WorkspaceSession>> openSession(const QString& dir)
{
    if (dir.isEmpty())
        return Error::make(QStringLiteral("--workspace DIR is required"), QStringLiteral("usage"));
    KeySource source = KeySource::Environment;
    auto session = WorkspaceSession::openWithAuditKey(dir, currentActor(), knownSecrets(), &source);
    if (session && source == KeySource::KeychainNew)
        printErr(QStringLiteral(
                     "awb: created the audit key of this workspace in the keychain (entry %1)")
                     .arg(AuditKey::keychainEntry((*session)->workspace().root())));
    return session;
}

int exitCodeFor(const Error& error)
{
    // Bad usage or input: the message says what and where to change it. Everything else (a full
    // disk, a damaged store, a missing key, a keychain that does not answer) is a failure.
    static const QStringList input = {
        QStringLiteral("usage"), QStringLiteral("not_a_workspace"),
        QStringLiteral("invalid_workspace"), QStringLiteral("invalid_agent"),
        QStringLiteral("unknown_agent"), QStringLiteral("unknown_run"),
        QStringLiteral("unknown_tool"), QStringLiteral("invalid_arguments"),
        QStringLiteral("invalid_path"), QStringLiteral("unknown_provider"),
        QStringLiteral("invalid_config"), QStringLiteral("invalid_cassette"),
        QStringLiteral("invalid_json"), QStringLiteral("run_finished"),
        // a file that must not be read, or is no regular file
        QStringLiteral("not_a_regular_file"), QStringLiteral("file_too_large"),
        QStringLiteral("symlink_refused"), QStringLiteral("path_outside_workspace"),
        QStringLiteral("store_path_refused")};
    return input.contains(error.code) ? ExitUsage : ExitFailed;
}

namespace {

int fail(const QString& message, int code = ExitUsage)
{
    printErr(QStringLiteral("awb: %1").arg(message));
    return code;
}

// Ctrl-C cancels the run cleanly (the journal records it) instead of killing the process.
class InterruptHandler
{
public:
    explicit InterruptHandler(std::function<void()> onInterrupt)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(s_fds[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                         [onInterrupt] {
                             char c;
                             if (::read(s_fds[1], &c, 1) == 1)
                                 onInterrupt();
                         });
        struct sigaction sa = {};
        sa.sa_handler = [](int) {
            const char c = 1;
            [[maybe_unused]] auto n = ::write(s_fds[0], &c, 1);
        };
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, nullptr);
        sigaction(SIGTERM, &sa, nullptr);
    }
    ~InterruptHandler()
    {
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
    }

private:
    static inline int s_fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

Result<RunOptions> approvalOptions(const Arguments& a)
{
    RunOptions o;
    if (a.has(QStringLiteral("approve-all")) && a.has(QStringLiteral("approve")))
        return Error::make(QStringLiteral("use either --approve-all or --approve TOOL,..."),
                           QStringLiteral("usage"));
    if (a.has(QStringLiteral("approve-all")))
        o.approval = RunOptions::Approval::ApproveAll;
    else if (a.has(QStringLiteral("approve"))) {
        o.approval = RunOptions::Approval::ApproveListed;
        o.approvedTools =
            a.value(QStringLiteral("approve")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    return o;
}

// A request that could not be prepared or launched: storage and locks are failures (exit 1); the
// rest (an unknown run, agent or provider, a missing key, a finished run) is something the person
// changes in the command or its files (exit 2).
int launchExitCode(const Error& error)
{
    static const QStringList failures = {QStringLiteral("busy"),
                                         QStringLiteral("cannot_open"),
                                         QStringLiteral("disk_full"),
                                         QStringLiteral("io_error"),
                                         QStringLiteral("out_of_memory"),
                                         QStringLiteral("permission_denied"),
                                         QStringLiteral("read_only"),
                                         QStringLiteral("sqlite"),
                                         QStringLiteral("store_damaged"),
                                         QStringLiteral("corrupt_journal"),
                                         QStringLiteral("run_busy"),
                                         QStringLiteral("stale_run"),
                                         QStringLiteral("cassette_write_failed"),
                                         QStringLiteral("replay_source_missing")};
    return failures.contains(error.code) ? ExitFailed : ExitUsage;
}

int exitCodeFor(RunStatus status)
{
    switch (status) {
    case RunStatus::Succeeded:
        return ExitOk;
    case RunStatus::WaitingApproval:
        return ExitWaiting;
    case RunStatus::Cancelled:
        return ExitCancelled;
    case RunStatus::Failed:
    case RunStatus::Running:
        return ExitFailed;
    }
    return ExitFailed;
}

void printRunSummary(const RunState& state, const QString& auditHead, bool json)
{
    if (json) {
        Json j = state.toJson();
        j["audit_head"] = toStd(auditHead);
        if (state.startData.is_object() && state.startData.contains("replay_of"))
            j["replay_of"] = state.startData["replay_of"];
        printOut(toQ(j.dump(2)) + QLatin1Char('\n'));
        return;
    }
    if (!state.finalText.isEmpty())
        printOut(state.finalText + QLatin1Char('\n'));
    if (state.status == RunStatus::Failed && state.error.is_object())
        printErr(QStringLiteral("awb: run %1 failed: %2")
                     .arg(state.runId, jsonString(state.error, "message")));
    printErr(QStringLiteral("usage: %1 input tokens, %2 output tokens, US$%3")
                 .arg(state.usage.inputTokens)
                 .arg(state.usage.outputTokens)
                 .arg(Decimal::fromMicros(state.usage.costMicros).toString(4)));
}

// A run whose last events could not be written: what the process knows is not what the journal
// holds, so it is reported as failed, with what to do, whatever its steps did.
void printUnrecordedRun(const RunState& state, const QString& auditHead, const Error& error,
                        const QString& workspace, bool json)
{
    const QString message =
        QStringLiteral("%1 The last steps of run %2 are not on record; nothing that resume cannot "
                       "redo was lost (effects are not repeated). Once the cause is fixed, run "
                       "`awb resume %2 --workspace %3`.")
            .arg(error.message, state.runId, workspace);
    if (json) {
        Json j = state.toJson();
        j["status"] = "failed";
        j["error"] = {{"code", toStd(error.code)}, {"message", toStd(message)}};
        j["audit_head"] = toStd(auditHead);
        printOut(toQ(j.dump(2)) + QLatin1Char('\n'));
    }
    printErr(QStringLiteral("awb: run %1 failed: %2").arg(state.runId, message));
}

// Runs the event loop until the run stops; returns its exit status, which is that of the run as
// the journal holds it.
int execute(WorkspaceSession& session, AgentRun* run, bool json, RunLock lock)
{
    QObject::connect(run, &AgentRun::stopped, run, [](RunStatus) { QCoreApplication::exit(0); });
    // The run fails itself when its journal cannot be written; the cause is said once.
    auto reported = std::make_shared<bool>(false);
    QObject::connect(&session.journal(), &Journal::writeFailed, run, [reported](const Error& e) {
        if (!std::exchange(*reported, true))
            printErr(QStringLiteral("awb: %1").arg(e.message));
    });
    InterruptHandler interrupt([run] {
        printErr(
            QStringLiteral("awb: interrupted; cancelling the run (continue it with `awb resume "
                           "%1`)")
                .arg(run->runId()));
        run->cancel(QStringLiteral("interrupted (SIGINT/SIGTERM)"));
    });
    QCoreApplication::exec();
    if (Status recorded = session.journal().flush(); !recorded) {
        printUnrecordedRun(run->state(), session.journal().auditHead(), recorded.error(),
                           session.workspace().root(), json);
        return ExitFailed;
    }
    printRunSummary(run->state(), session.journal().auditHead(), json);
    if (run->state().status == RunStatus::Cancelled)
        printErr(QStringLiteral("awb: run %1 was cancelled; `awb resume %1 --workspace %2` "
                                "continues it")
                     .arg(run->runId(), session.workspace().root()));
    Q_UNUSED(lock);
    return exitCodeFor(run->state().status);
}

} // namespace

QString usage()
{
    return QStringLiteral(
        "usage:\n"
        "  awb demo init DIR\n"
        "  awb run AGENT --workspace DIR --input TEXT [--provider P --model M --base-url URL] "
        "[--no-stream]\n"
        "          [--approve-all | --approve TOOL,...] [--record FILE] [--json]\n"
        "          providers: scripted, openai, openai-responses, anthropic, gemini, ollama, "
        "openai-compatible,\n"
        "          replay (--cassette FILE)\n"
        "  awb bench AGENT --workspace DIR --input TEXT --runs N --concurrency C [--provider P "
        "--model M\n"
        "          --base-url URL] [--no-stream] [--json] [--quiet]   N runs, C at a time, through "
        "the full engine\n"
        "  awb resume RUN_ID --workspace DIR [--approve-all | --approve TOOL,... | --reject] "
        "[--json]\n"
        "          continues an interrupted, cancelled or failed run (or one waiting for "
        "approval)\n"
        "  awb continue RUN_ID --workspace DIR --input TEXT [--approve-all | --approve TOOL,...] "
        "[--json]\n"
        "  awb replay RUN_ID --workspace DIR [--from-step N] [--prompt FILE] [--approve-all | "
        "--approve TOOL,...]\n"
        "          [--json]   a new run reusing the recorded answers before step N and the "
        "recorded tool\n"
        "          results; tools with effects (send_email, ...) are never executed\n"
        "  awb runs list --workspace DIR [--json]\n"
        "  awb runs show RUN_ID --workspace DIR [--json]\n"
        "  awb tools list --workspace DIR [--json]\n"
        "  awb tools call TOOL --args JSON --workspace DIR [--run RUN_ID]\n"
        "  awb audit verify --workspace DIR [--expect-head SEQ:MAC] [--json]\n"
        "  awb audit export --workspace DIR --format jsonl --out FILE\n"
        "  awb audit key export --workspace DIR     prints the trail's key (for another "
        "machine or keyring)\n"
        "  awb audit key import --workspace DIR     stores it from standard input, if it "
        "signed the trail\n"
        "  awb store check --workspace DIR [--json] the store's integrity "
        "(docs/store-recovery.md)\n"
        "  awb store salvage --workspace DIR        copies what can be read of a damaged store "
        "into a new one\n"
        "  awb keys set PROVIDER [--profile NAME]       (the key is read from standard input)\n"
        "  awb keys set smtp --account USER@HOST | --workspace DIR\n"
        "  awb keys delete PROVIDER | smtp ...\n"
        "\n"
        "Exit status: 0 success, 1 run or check failed, 2 usage or input error, 3 waiting for "
        "approval,\n"
        "130 cancelled. Progress goes to stderr; --json prints one JSON document on stdout.\n"
        "The audit key comes from the OS keychain, or from AWB_AUDIT_KEY where no keychain is "
        "reachable.\n");
}

int demoInit(const QStringList& args)
{
    auto a = Arguments::parse(args, {}, {});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral("usage: awb demo init DIR"));
    const QString dir = a->positional().first();
    // The workspace records its own creation (which makes its audit key) before it is moved into
    // place: a workspace that appears at DIR is complete.
    auto summary =
        demo::createDemoWorkspace(dir, [](const QString& staged, const QString& root) -> Status {
            auto session = openSession(staged);
            if (!session)
                return session.error();
            (*session)->journal().addAudit(currentActor(),
                                           QStringLiteral("config.workspace_created"), {},
                                           {{"workspace", toStd(root)}, {"demo", true}});
            return (*session)->journal().flush();
        });
    if (!summary)
        return fail(summary.errorMessage(), ExitFailed);
    const demo::DemoSummary& d = *summary;
    printErr(
        QStringLiteral(
            "created the demo workspace in %1: a ledger for Q3 2026 with %2 invoices, %3 credit "
            "notes, "
            "%4 journal lines and %5 customers; a CRM export of %6 deals; %7 planted anomalies")
            .arg(d.root)
            .arg(d.invoices)
            .arg(d.creditNotes)
            .arg(d.journalLines)
            .arg(d.customers)
            .arg(d.crmDeals)
            .arg(d.plantedAnomalies));
    printErr(QStringLiteral("try: awb run q3-reconciliation --workspace %1 --input \"Reconcile Q3 "
                            "revenue against the ERP "
                            "ledger, flag anomalies, and email the CFO a one-page summary\"")
                 .arg(dir));
    return ExitOk;
}

// Prints a run's progress from the journal's events (all of them until the run is known).
std::unique_ptr<ProgressPrinter> progressFor(WorkspaceSession& session, const QString& runId,
                                             bool quiet)
{
    auto printer = std::make_unique<ProgressPrinter>(runId, quiet);
    printer->setWorkspace(session.workspace().root());
    QObject::connect(&session.journal(), &Journal::published, printer.get(),
                     &ProgressPrinter::onEvent);
    return printer;
}

int runAgent(const QStringList& args)
{
    auto a = Arguments::parse(args,
                              {QStringLiteral("workspace"), QStringLiteral("input"),
                               QStringLiteral("provider"), QStringLiteral("model"),
                               QStringLiteral("base-url"), QStringLiteral("approve"),
                               QStringLiteral("record"), QStringLiteral("cassette")},
                              {QStringLiteral("approve-all"), QStringLiteral("json"),
                               QStringLiteral("quiet"), QStringLiteral("no-stream")});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral("usage: awb run AGENT --workspace DIR --input TEXT [...]"));
    LaunchRequest request;
    request.kind = LaunchRequest::Kind::Start;
    request.agent = a->positional().first();
    request.input = a->value(QStringLiteral("input"));
    if (request.input.trimmed().isEmpty())
        return fail(QStringLiteral("--input TEXT is required: what should the agent do?"));
    auto options = approvalOptions(*a);
    if (!options)
        return fail(options.errorMessage());
    request.options = std::move(options).value();
    request.provider.provider = a->value(QStringLiteral("provider"));
    request.provider.model = a->value(QStringLiteral("model"));
    request.provider.baseUrl = a->value(QStringLiteral("base-url"));
    request.provider.stream = !a->has(QStringLiteral("no-stream"));
    request.provider.cassette = a->value(QStringLiteral("cassette"));
    request.provider.record = a->value(QStringLiteral("record"));
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    auto prepared = prepareLaunch(**session, std::move(request));
    if (!prepared)
        return fail(prepared.errorMessage(), launchExitCode(prepared.error()));
    auto printer = progressFor(**session, {}, a->has(QStringLiteral("quiet")));
    auto launched = launch(**session, std::move(prepared).value());
    if (!launched)
        return fail(launched.errorMessage(), launchExitCode(launched.error()));
    printer->setRunId(launched->run->runId());
    return execute(**session, launched->run, a->has(QStringLiteral("json")),
                   std::move(launched->lock));
}

int resumeRun(const QStringList& args)
{
    auto a = Arguments::parse(args,
                              {QStringLiteral("workspace"), QStringLiteral("approve"),
                               QStringLiteral("reason"), QStringLiteral("record")},
                              {QStringLiteral("approve-all"), QStringLiteral("json"),
                               QStringLiteral("quiet"), QStringLiteral("reject")});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral("usage: awb resume RUN_ID --workspace DIR [--approve-all]"));
    auto options = approvalOptions(*a);
    if (!options)
        return fail(options.errorMessage());
    LaunchRequest request;
    request.kind = LaunchRequest::Kind::Resume;
    request.runId = a->positional().first();
    request.options = std::move(options).value();
    request.provider.record = a->value(QStringLiteral("record"));
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    auto prepared = prepareLaunch(**session, request);
    if (!prepared)
        return fail(prepared.errorMessage(), launchExitCode(prepared.error()));
    const RunState previous = *prepared->previous;
    auto printer = progressFor(**session, request.runId, a->has(QStringLiteral("quiet")));
    auto launched = launch(**session, std::move(prepared).value());
    if (!launched)
        return fail(launched.errorMessage(), launchExitCode(launched.error()));
    if (previous.status == RunStatus::Failed)
        printErr(QStringLiteral("awb: run %1 had failed: %2; resuming it tries again from there")
                     .arg(request.runId, jsonString(previous.error, "message")));
    else if (previous.status == RunStatus::Cancelled)
        printErr(QStringLiteral("awb: run %1 had been cancelled (%2); resuming it")
                     .arg(request.runId, jsonString(previous.error, "message")));
    AgentRun* run = launched->run;
    if (a->has(QStringLiteral("reject"))) {
        for (const StepState& s : run->state().steps) {
            if (s.kind == StepKind::Approval && s.status == StepStatus::WaitingApproval) {
                if (Status st = run->decide(s.id, false, currentActor(),
                                            a->value(QStringLiteral("reason")));
                    !st)
                    return fail(st.errorMessage(), ExitFailed);
            }
        }
    }
    return execute(**session, run, a->has(QStringLiteral("json")), std::move(launched->lock));
}

int continueRun(const QStringList& args)
{
    auto a = Arguments::parse(
        args,
        {QStringLiteral("workspace"), QStringLiteral("input"), QStringLiteral("approve"),
         QStringLiteral("record")},
        {QStringLiteral("approve-all"), QStringLiteral("json"), QStringLiteral("quiet")});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral(
            "usage: awb continue RUN_ID --workspace DIR --input TEXT [--approve-all] [--json]"));
    LaunchRequest request;
    request.kind = LaunchRequest::Kind::Continue;
    request.runId = a->positional().first();
    request.input = a->value(QStringLiteral("input"));
    if (request.input.trimmed().isEmpty())
        return fail(QStringLiteral("--input TEXT is required: the follow-up message"));
    auto options = approvalOptions(*a);
    if (!options)
        return fail(options.errorMessage());
    request.options = std::move(options).value();
    request.provider.record = a->value(QStringLiteral("record"));
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    auto printer = progressFor(**session, request.runId, a->has(QStringLiteral("quiet")));
    auto launched = launchNow(**session, std::move(request));
    if (!launched)
        return fail(launched.errorMessage(), launchExitCode(launched.error()));
    return execute(**session, launched->run, a->has(QStringLiteral("json")),
                   std::move(launched->lock));
}

int replayRun(const QStringList& args)
{
    auto a = Arguments::parse(
        args,
        {QStringLiteral("workspace"), QStringLiteral("from-step"), QStringLiteral("prompt"),
         QStringLiteral("approve"), QStringLiteral("record")},
        {QStringLiteral("approve-all"), QStringLiteral("json"), QStringLiteral("quiet")});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral(
            "usage: awb replay RUN_ID --workspace DIR [--from-step N] [--prompt FILE] [--json]"));
    LaunchRequest request;
    request.kind = LaunchRequest::Kind::Replay;
    request.runId = a->positional().first();
    if (a->has(QStringLiteral("from-step"))) {
        bool ok = false;
        request.fromStep = a->value(QStringLiteral("from-step")).toInt(&ok);
        if (!ok || request.fromStep < 1)
            return fail(
                QStringLiteral(
                    "--from-step %1: expected a step number, 1 for the first step (see `awb runs "
                    "show RUN_ID`)")
                    .arg(a->value(QStringLiteral("from-step"))));
    }
    if (a->has(QStringLiteral("prompt"))) {
        const QString path = a->value(QStringLiteral("prompt"));
        // A regular file of bounded size: --prompt /dev/zero or a pipe is refused at once.
        constexpr qint64 kMaxPromptBytes = 1 << 20; // instructions, not a corpus
        auto bytes = readRegularFile(path, kMaxPromptBytes);
        if (!bytes)
            return fail(
                QStringLiteral("cannot read the prompt file: %1").arg(bytes.errorMessage()));
        const QString text = QString::fromUtf8(*bytes);
        if (text.trimmed().isEmpty())
            return fail(QStringLiteral(
                            "the prompt file %1 is empty: it should hold the agent's instructions")
                            .arg(path));
        request.instructions = text;
    }
    auto options = approvalOptions(*a);
    if (!options)
        return fail(options.errorMessage());
    request.options = std::move(options).value();
    request.provider.record = a->value(QStringLiteral("record"));
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    auto prepared = prepareLaunch(**session, request);
    if (!prepared)
        return fail(prepared.errorMessage(), launchExitCode(prepared.error()));
    const ReplaySource source = *prepared->replay;
    auto printer = progressFor(**session, {}, a->has(QStringLiteral("quiet")));
    auto launched = launch(**session, std::move(prepared).value());
    if (!launched)
        return fail(launched.errorMessage(), ExitFailed);
    printer->setRunId(launched->run->runId());
    printErr(QStringLiteral(
                 "replaying run %1 from step %2 (%3) as run %4: %5 recorded model answers reused; "
                 "effects are never executed")
                 .arg(request.runId)
                 .arg(request.fromStep)
                 .arg(source.fromStepId(), launched->run->runId())
                 .arg(source.reusedResponses().size()));
    return execute(**session, launched->run, a->has(QStringLiteral("json")),
                   std::move(launched->lock));
}

int runsList(const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("workspace"), QStringLiteral("limit")},
                              {QStringLiteral("json")});
    if (!a)
        return fail(a.errorMessage());
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    auto rows = (*session)->journal().listRuns(
        a->value(QStringLiteral("limit"), QStringLiteral("1000")).toInt());
    if (!rows)
        return fail(rows.errorMessage(), ExitFailed);
    const QString stateDir = (*session)->workspace().stateDir();
    Json list = Json::array();
    for (const RunRow& r : *rows) {
        QString status = r.status;
        // A run marked running whose process is gone was interrupted (a crash); resume continues
        // it.
        if (status == QLatin1String("running") && !RunLock::isHeld(stateDir, r.runId))
            status = QStringLiteral("interrupted");
        list.push_back({{"run_id", toStd(r.runId)},
                        {"agent", toStd(r.agent)},
                        {"provider", toStd(r.provider)},
                        {"model", toStd(r.model)},
                        {"status", toStd(status)},
                        {"created_at", toStd(r.createdAt)},
                        {"updated_at", toStd(r.updatedAt)},
                        {"input_tokens", r.inputTokens},
                        {"output_tokens", r.outputTokens},
                        {"cost_usd", double(r.costMicros) / 1e6}});
    }
    if (a->has(QStringLiteral("json"))) {
        printOut(toQ(list.dump(2)) + QLatin1Char('\n'));
        return ExitOk;
    }
    printOut(QStringLiteral("%1  %2  %3  %4  %5\n")
                 .arg(QStringLiteral("RUN").leftJustified(26),
                      QStringLiteral("STATUS").leftJustified(16),
                      QStringLiteral("AGENT").leftJustified(22),
                      QStringLiteral("MODEL").leftJustified(24), QStringLiteral("CREATED")));
    for (const Json& r : list)
        printOut(QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(jsonString(r, "run_id").leftJustified(26),
                          jsonString(r, "status").leftJustified(16),
                          jsonString(r, "agent").leftJustified(22),
                          (jsonString(r, "provider") + QLatin1Char('/') + jsonString(r, "model"))
                              .leftJustified(24),
                          jsonString(r, "created_at")));
    return ExitOk;
}

int runsShow(const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("workspace")}, {QStringLiteral("json")});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral("usage: awb runs show RUN_ID --workspace DIR [--json]"));
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    const QString runId = a->positional().first();
    auto events = (*session)->journal().loadEvents(runId);
    if (!events)
        return fail(events.errorMessage(), ExitFailed);
    if (events->empty())
        return fail(QStringLiteral("no run %1 in this workspace (see `awb runs list`)").arg(runId));
    const RunState state = RunState::fromEvents(*events);
    Json j = state.toJson();
    if (state.status == RunStatus::Running &&
        !RunLock::isHeld((*session)->workspace().stateDir(), runId))
        j["status"] = "interrupted";
    const auto link = ReplayLink::of(state);
    if (link)
        j["replay_of"] = state.startData["replay_of"];
    if (a->has(QStringLiteral("json"))) {
        printOut(toQ(j.dump(2)) + QLatin1Char('\n'));
        return ExitOk;
    }
    printOut(QStringLiteral("run %1  %2  agent %3  model %4/%5%6\n")
                 .arg(state.runId, jsonString(j, "status"), state.agent, state.provider,
                      state.model, state.scripted ? QStringLiteral(" (scripted)") : QString()));
    if (link)
        printOut(QStringLiteral("replay of run %1 from step %2 (%3)%4\n")
                     .arg(link->sourceRunId)
                     .arg(link->fromStep)
                     .arg(link->fromStepId, link->instructions
                                                ? QStringLiteral(", with replaced instructions")
                                                : QString()));
    printOut(QStringLiteral("input: %1\n").arg(state.input));
    for (const StepState& s : state.steps) {
        QString line = QStringLiteral("  %1 %2 %3 %4")
                           .arg(s.id.leftJustified(5), stepKindName(s.kind).leftJustified(9),
                                s.name.leftJustified(18), stepStatusName(s.status));
        if (s.status == StepStatus::Failed)
            line += QStringLiteral(": ") + jsonString(s.error, "message");
        printOut(line + QLatin1Char('\n'));
    }
    if (!state.finalText.isEmpty())
        printOut(QStringLiteral("\n%1\n").arg(state.finalText));
    return ExitOk;
}

int toolsList(const QStringList& args)
{
    auto a = Arguments::parse(args, {QStringLiteral("workspace")}, {QStringLiteral("json")});
    if (!a)
        return fail(a.errorMessage());
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    Json list = Json::array();
    for (const auto& tool : (*session)->tools().tools())
        list.push_back({{"name", toStd(tool->name())},
                        {"description", toStd(tool->description())},
                        {"effect", toStd(effectClassName(tool->effect()))},
                        {"timeout_ms", qint64(tool->timeout().count())},
                        {"input_schema", tool->inputSchema()}});
    if (a->has(QStringLiteral("json"))) {
        printOut(toQ(list.dump(2)) + QLatin1Char('\n'));
        return ExitOk;
    }
    for (const Json& t : list)
        printOut(QStringLiteral("%1 %2 %3\n")
                     .arg(jsonString(t, "name").leftJustified(18),
                          jsonString(t, "effect").leftJustified(17),
                          jsonString(t, "description").section(QLatin1Char('.'), 0, 0)));
    return ExitOk;
}

int toolsCall(const QStringList& args)
{
    auto a = Arguments::parse(args,
                              {QStringLiteral("workspace"), QStringLiteral("args"),
                               QStringLiteral("run"), QStringLiteral("idempotency-key")},
                              {});
    if (!a)
        return fail(a.errorMessage());
    if (a->positional().size() != 1)
        return fail(QStringLiteral("usage: awb tools call TOOL --args JSON --workspace DIR"));
    auto session = openSession(a->value(QStringLiteral("workspace")));
    if (!session)
        return fail(session.errorMessage(), exitCodeFor(session.error()));
    const QString name = a->positional().first();
    const auto tool = (*session)->tools().find(name);
    if (!tool)
        return fail(QStringLiteral("no tool \"%1\" (available: %2)")
                        .arg(name, (*session)->tools().names().join(QStringLiteral(", "))));
    auto arguments = parseJson(a->value(QStringLiteral("args"), QStringLiteral("{}")).toUtf8());
    if (!arguments)
        return fail(QStringLiteral("--args: %1").arg(arguments.errorMessage()));
    const auto violations = (*session)->tools().validate(name, *arguments);
    if (!violations.empty()) {
        printErr(
            QStringLiteral("awb: the arguments do not match the input schema of %1:").arg(name));
        for (const SchemaViolation& v : violations)
            printErr(QStringLiteral("  at %1: %2")
                         .arg(v.path.isEmpty() ? QStringLiteral("/") : v.path, v.message));
        return ExitUsage;
    }
    Journal& journal = (*session)->journal();
    const QString runId = a->value(QStringLiteral("run"));
    StoredResults results(journal.databasePath(), runId);
    ToolContext ctx;
    ctx.runId = runId;
    ctx.stepId = QStringLiteral("manual");
    ctx.workspace = &(*session)->workspace();
    ctx.results = &results;
    ctx.effects = &(*session)->effects();
    ctx.cancel = std::make_shared<CancelFlag>();
    ctx.auditHead = journal.auditHead();
    if (tool->effect() == EffectClass::ExternalEffect)
        ctx.idempotencyKey =
            a->value(QStringLiteral("idempotency-key"),
                     QStringLiteral("ik-manual-") + QUuid::createUuid().toString(QUuid::Id128));
    // A person typing the command is the approval of this exact call; it is audited as such.
    journal.addAudit(currentActor(), QStringLiteral("tool.call"), runId,
                     {{"tool", toStd(name)},
                      {"arguments", *arguments},
                      {"direct", true},
                      {"effect", toStd(effectClassName(tool->effect()))},
                      {"idempotency_key", toStd(ctx.idempotencyKey)}});
    if (Status s = journal.flush(); !s)
        return fail(s.errorMessage(), ExitFailed);
    const auto result = tool->execute(*arguments, ctx);
    if (!result) {
        journal.addAudit(
            currentActor(), QStringLiteral("tool.error"), runId,
            {{"tool", toStd(name)},
             {"error",
              {{"code", toStd(result.error().code)}, {"message", toStd(result.errorMessage())}}}});
        (void)journal.flush();
        return fail(QStringLiteral("%1 failed: %2").arg(name, result.errorMessage()), ExitFailed);
    }
    journal.addAudit(currentActor(), QStringLiteral("tool.result"), runId,
                     {{"tool", toStd(name)},
                      {"content", summarizeForModel(*result, QStringLiteral("manual"), 20)}});
    if (Status s = journal.flush(); !s)
        return fail(s.errorMessage(), ExitFailed);
    printOut(toQ(result->dump(2)) + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace awb::cli
