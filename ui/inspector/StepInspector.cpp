#include "inspector/StepInspector.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "graph/NodeStyle.h"
#include "inspector/JournalReader.h"
#include "inspector/JsonPane.h"
#include "util/Decimal.h"

namespace awb::ui {

namespace {
QString pretty(const Json& value)
{
    // replace: invalid UTF-8 in a recorded payload must not stop the inspector.
    return toQ(value.dump(2, ' ', false, Json::error_handler_t::replace));
}

QString timeText(const QDateTime& t)
{
    return t.isValid()
               ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
               : QString();
}

QString kindTitle(StepKind kind)
{
    switch (kind) {
    case StepKind::Model:
        return StepInspector::tr("Model call");
    case StepKind::Tool:
        return StepInspector::tr("Tool call");
    case StepKind::Approval:
        return StepInspector::tr("Approval");
    }
    return {};
}

enum Tab
{
    ArgumentsTab,
    ResultTab,
    RequestTab,
    ResponseTab
};
} // namespace

// What the worker thread prepared for the panes: documents and their pretty text.
struct StepInspector::Details
{
    quint64 generation = 0;
    QString stepId;
    Json result;
    QString resultText;
    QString resultNote; // shown instead when there is no document
    bool hasResult = false;
    Json request, response;
    QString requestText, responseText;
    bool hasRaw = false;
    QString rawNote;
};

StepInspector::StepInspector(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_state(new QLabel(this)), m_replay(new QPushButton(tr("Replay from here\u2026"), this)),
      m_form(new QFormLayout), m_tabs(new QTabWidget(this)),
      m_arguments(new JsonPane(QStringLiteral("arguments"), tr("Arguments"), this)),
      m_result(new JsonPane(QStringLiteral("result"), tr("Result"), this)),
      m_request(new JsonPane(QStringLiteral("rawRequest"), tr("Raw request"), this)),
      m_response(new JsonPane(QStringLiteral("rawResponse"), tr("Raw response"), this))
{
    setObjectName(QStringLiteral("stepInspector"));
    setAccessibleName(tr("Step inspector"));
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setAccessibleName(tr("Step"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_subtitle->setObjectName(QStringLiteral("inspectorSubtitle"));
    m_subtitle->setAccessibleName(tr("Step kind and id"));
    m_state->setObjectName(QStringLiteral("inspectorState"));
    m_state->setAccessibleName(tr("Step state"));
    m_state->setContentsMargins(8, 2, 8, 2);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_state);
    header->addStretch();
    m_replay->setObjectName(QStringLiteral("inspectorReplay"));
    m_replay->setAccessibleName(tr("Replay the run from this step"));
    m_replay->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_replay->setToolTip(
        tr("Replay this run from this step: recorded answers before it are reused, the model is "
           "called again from it on, and effects such as emails are never executed."));
    header->addWidget(m_replay);
    connect(m_replay, &QPushButton::clicked, this, [this] {
        if (!m_runId.isEmpty() && m_stepNumber > 0)
            Q_EMIT replayRequested(m_runId, m_stepNumber);
    });

    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(3);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addRow(QStringLiteral("status"), tr("Status"));
    addRow(QStringLiteral("started"), tr("Started"));
    addRow(QStringLiteral("finished"), tr("Finished"));
    addRow(QStringLiteral("duration"), tr("Duration"));
    addRow(QStringLiteral("attempts"), tr("Attempts"));
    addRow(QStringLiteral("retries"), tr("Retries"));
    addRow(QStringLiteral("provider"), tr("Provider"));
    addRow(QStringLiteral("tokens"), tr("Tokens"));
    addRow(QStringLiteral("cost"), tr("Cost"));
    addRow(QStringLiteral("fallbacks"), tr("Fallbacks"));
    addRow(QStringLiteral("effect"), tr("Effect"));
    addRow(QStringLiteral("idempotency_key"), tr("Idempotency key"));
    addRow(QStringLiteral("call_id"), tr("Call id"));
    addRow(QStringLiteral("gates"), tr("Gates"));
    addRow(QStringLiteral("decision"), tr("Decision"));
    addRow(QStringLiteral("error"), tr("Error"));

    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->setAccessibleName(tr("Step documents"));
    m_tabs->setDocumentMode(true);
    m_tabs->tabBar()->setObjectName(QStringLiteral("inspectorTabBar"));
    m_tabs->tabBar()->setAccessibleName(tr("Step documents"));
    m_tabs->addTab(m_arguments, tr("Arguments"));
    m_tabs->addTab(m_result, tr("Result"));
    m_tabs->addTab(m_request, tr("Raw request"));
    m_tabs->addTab(m_response, tr("Raw response"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    layout->addLayout(m_form);
    layout->addWidget(m_tabs, 1);
    clear();
}

QLabel* StepInspector::addRow(const QString& key, const QString& label)
{
    auto* value = new QLabel(this);
    value->setObjectName(QStringLiteral("inspector_") + key);
    value->setAccessibleName(label);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_form->addRow(label + QLatin1Char(':'), value);
    m_rows[key] = value;
    return value;
}

void StepInspector::setRow(const QString& key, const QString& text)
{
    QLabel* label = m_rows.at(key);
    label->setText(text);
    m_form->setRowVisible(label, !text.isEmpty());
}

QString StepInspector::detail(const QString& key) const
{
    const auto it = m_rows.find(key);
    return it == m_rows.end() ? QString() : it->second->text();
}

void StepInspector::setDatabasePath(const QString& path)
{
    m_databasePath = path;
}

void StepInspector::clear()
{
    ++m_generation;
    m_stepId.clear();
    m_runId.clear();
    m_stepNumber = 0;
    m_replay->setEnabled(false);
    m_title->setText(tr("No step selected"));
    m_subtitle->setText(tr("Select a node in the task graph to inspect it."));
    m_state->clear();
    m_state->setStyleSheet({});
    for (const auto& [key, label] : m_rows)
        setRow(key, {});
    for (JsonPane* pane : {m_arguments, m_result, m_request, m_response})
        pane->setMessage({});
}

void StepInspector::showStep(const RunState& run, const QString& stepId)
{
    const StepState* step = run.step(stepId);
    if (!step) {
        clear();
        return;
    }
    m_runId = run.runId;
    m_stepId = stepId;
    m_stepNumber = int(step - run.steps.data()) + 1;
    m_replay->setEnabled(true);
    showFields(*step);
    m_tabs->setTabVisible(ArgumentsTab, step->kind != StepKind::Model);
    m_tabs->setTabVisible(RequestTab, step->kind == StepKind::Model);
    m_tabs->setTabVisible(ResponseTab, step->kind == StepKind::Model);
    m_tabs->setTabText(ResultTab, step->kind == StepKind::Model ? tr("Message") : tr("Result"));
    m_tabs->setTabVisible(ResultTab, step->kind != StepKind::Approval);
    if (!m_tabs->isTabVisible(m_tabs->currentIndex()))
        m_tabs->setCurrentIndex(step->kind == StepKind::Model ? ResultTab : ArgumentsTab);
    m_arguments->setJson(step->arguments, pretty(step->arguments));
    loadDetails(*step);
}

void StepInspector::applyEvent(const RunEvent& event, const RunState& run)
{
    if (m_stepId.isEmpty() || event.runId != m_runId || event.kind == EventKind::TextDelta)
        return;
    const StepState* step = run.step(m_stepId);
    if (!step)
        return;
    const bool mine = event.stepId == m_stepId ||
                      (event.kind == EventKind::ApprovalDecided && step->kind == StepKind::Tool &&
                       run.step(event.stepId) && run.step(event.stepId)->parent == m_stepId);
    if (!mine)
        return;
    showFields(*step);
    m_arguments->setJson(step->arguments, pretty(step->arguments));
    if (step->isTerminal())
        loadDetails(*step);
}

void StepInspector::showFields(const StepState& s)
{
    const NodeState state = nodeState(s, false, m_interrupted.contains(s.id));
    m_title->setText(s.name.isEmpty() ? s.id : s.name);
    m_subtitle->setText(tr("%1 %2 \u00b7 turn %3").arg(kindTitle(s.kind), s.id).arg(s.turn));
    const QColor accent = nodeStateColor(state);
    m_state->setText(nodeStateText(state));
    m_state->setStyleSheet(
        QStringLiteral("QLabel { border: 1px solid %1; border-radius: 8px; color: %1; "
                       "font-weight: 600; }")
            .arg(accent.name()));
    // The journal still says "running" for a step a crash cut off: say what that means.
    setRow(
        QStringLiteral("status"),
        state == NodeState::Interrupted
            ? tr("interrupted (recorded as %1; Resume runs it again)").arg(stepStatusName(s.status))
            : stepStatusName(s.status));
    setRow(QStringLiteral("started"),
           timeText(s.kind == StepKind::Approval ? s.createdAt : s.startedAt));
    setRow(QStringLiteral("finished"), timeText(s.finishedAt));
    const QDateTime& from = s.kind == StepKind::Approval ? s.createdAt : s.startedAt;
    setRow(QStringLiteral("duration"),
           from.isValid() && s.finishedAt.isValid()
               ? tr("%1 ms").arg(QLocale().toString(from.msecsTo(s.finishedAt)))
               : QString());
    setRow(QStringLiteral("attempts"), s.attempts > 0 ? QString::number(s.attempts) : QString());
    setRow(QStringLiteral("retries"), s.retries > 0 ? QString::number(s.retries) : QString());
    const bool model = s.kind == StepKind::Model;
    setRow(QStringLiteral("provider"), model ? s.provider : QString());
    setRow(QStringLiteral("tokens"),
           model && s.isTerminal()
               ? tr("%1 in \u00b7 %2 out \u00b7 %3 cached")
                     .arg(QLocale().toString(qlonglong(s.usage.inputTokens)),
                          QLocale().toString(qlonglong(s.usage.outputTokens)),
                          QLocale().toString(qlonglong(s.usage.cachedInputTokens)))
               : QString());
    setRow(QStringLiteral("cost"),
           model && s.isTerminal()
               ? QStringLiteral("US$") + Decimal::fromMicros(s.usage.costMicros).toString(6)
               : QString());
    QStringList fallbacks;
    if (s.fallbacks.is_array()) {
        for (const Json& f : s.fallbacks)
            fallbacks << tr("%1 \u2192 %2: %3")
                             .arg(jsonString(f, "from"), jsonString(f, "to"),
                                  f.contains("error") ? jsonString(f["error"], "message")
                                                      : QString());
    }
    setRow(QStringLiteral("fallbacks"), fallbacks.join(QLatin1Char('\n')));
    setRow(QStringLiteral("effect"), s.effect);
    setRow(QStringLiteral("idempotency_key"), s.idempotencyKey);
    setRow(QStringLiteral("call_id"), s.callId);
    setRow(QStringLiteral("gates"), s.kind == StepKind::Approval ? s.parent : QString());
    setRow(QStringLiteral("decision"),
           s.approved ? (*s.approved ? tr("approved by %1") : tr("rejected by %1")).arg(s.decidedBy)
                      : QString());
    setRow(QStringLiteral("error"),
           s.status == StepStatus::Failed && s.error.is_object()
               ? QStringLiteral("%1: %2").arg(jsonString(s.error, "code"),
                                              jsonString(s.error, "message"))
               : QString());
}

void StepInspector::loadDetails(const StepState& step)
{
    const quint64 generation = ++m_generation;
    if (step.kind != StepKind::Approval)
        m_result->setMessage(step.isTerminal() ? tr("Loading\u2026")
                                               : tr("No result yet: the step has not finished."));
    if (step.kind == StepKind::Model) {
        m_request->setMessage(step.isTerminal() ? tr("Loading\u2026")
                                                : tr("Not sent or not answered yet."));
        m_response->setMessage(step.isTerminal() ? tr("Loading\u2026")
                                                 : tr("Not sent or not answered yet."));
    }
    auto* watcher = new QFutureWatcher<Details>(this);
    connect(watcher, &QFutureWatcher<Details>::finished, this, [this, watcher] {
        watcher->deleteLater();
        applyDetails(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([db = m_databasePath, runId = m_runId, step, generation] {
        Details d;
        d.generation = generation;
        d.stepId = step.id;
        if (step.kind == StepKind::Tool && step.isTerminal()) {
            if (!step.handle.isEmpty() && !db.isEmpty()) {
                auto full = journal::readToolResult(db, runId, step.handle);
                if (full) {
                    d.result = std::move(full).value();
                    d.hasResult = true;
                } else {
                    d.resultNote =
                        tr("The stored result could not be read: %1").arg(full.errorMessage());
                }
            }
            if (!d.hasResult && !step.content.is_null()) {
                d.result = step.content; // what the model saw
                d.hasResult = true;
            } else if (!d.hasResult && step.error.is_object()) {
                d.result = step.error;
                d.hasResult = true;
            }
        } else if (step.kind == StepKind::Model && step.isTerminal()) {
            if (!step.content.is_null()) {
                d.result = step.content;
                d.hasResult = true;
            } else if (step.error.is_object()) {
                d.result = step.error;
                d.hasResult = true;
            }
            if (!db.isEmpty()) {
                auto e = journal::readStepEvent(db, runId, step.id, EventKind::ModelResponded);
                if (!e) {
                    d.rawNote =
                        tr("The recorded request could not be read: %1").arg(e.errorMessage());
                } else if (e->has_value()) {
                    d.request = (*e)->data.value("raw_request", Json());
                    d.response = (*e)->data.value("raw_response", Json());
                    d.requestText = pretty(d.request);
                    d.responseText = pretty(d.response);
                    d.hasRaw = true;
                } else {
                    d.rawNote = tr("No response was recorded for this call.");
                }
            }
        }
        if (d.hasResult)
            d.resultText = pretty(d.result);
        return d;
    }));
}

void StepInspector::applyDetails(const Details& d)
{
    if (d.generation != m_generation || d.stepId != m_stepId)
        return; // another step (or a newer state of this one) is shown now
    if (d.hasResult)
        m_result->setJson(d.result, d.resultText);
    else if (!d.resultNote.isEmpty())
        m_result->setMessage(d.resultNote);
    else
        m_result->setMessage(tr("No result yet: the step has not finished."));
    if (d.hasRaw) {
        m_request->setJson(d.request, d.requestText);
        m_response->setJson(d.response, d.responseText);
    } else if (!d.rawNote.isEmpty()) {
        m_request->setMessage(d.rawNote);
        m_response->setMessage(d.rawNote);
    }
    Q_EMIT detailsLoaded(d.stepId);
}

} // namespace awb::ui
