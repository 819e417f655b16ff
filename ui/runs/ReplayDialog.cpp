#include "runs/ReplayDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "agent/AgentDefinition.h"

namespace awb::ui {

ReplayDialog::ReplayDialog(const QString& runId, int stepNumber, const QString& stepTitle,
                           const QString& agentFile, QWidget* parent)
    : QDialog(parent), m_runId(runId), m_stepNumber(stepNumber), m_replace(new QCheckBox(this)),
      m_editor(new QPlainTextEdit(this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("replayDialog"));
    setWindowTitle(tr("Replay from step %1").arg(stepNumber));
    auto* heading = new QLabel(tr("Replay run <b>%1</b> from step %2 (%3).")
                                   .arg(runId.toHtmlEscaped())
                                   .arg(stepNumber)
                                   .arg(stepTitle.toHtmlEscaped()),
                               this);
    heading->setTextFormat(Qt::RichText);
    heading->setWordWrap(true);
    auto* explain = new QLabel(
        tr("A new run reuses the recorded model answers before this step; from this step on the "
           "model is "
           "called again. A tool call the run made before with the same arguments gets its "
           "recorded result. "
           "Tools with effects, such as sending an email, are never executed by a replay."),
        this);
    explain->setWordWrap(true);
    m_replace->setObjectName(QStringLiteral("replaceInstructions"));
    m_replace->setAccessibleName(tr("Replace the agent's instructions"));
    m_replace->setText(tr("Use these &instructions from this step on:"));
    m_editor->setObjectName(QStringLiteral("replayInstructions"));
    m_editor->setAccessibleName(tr("Instructions for the replay"));
    m_editor->setEnabled(false);
    m_editor->setPlaceholderText(tr("The agent's instructions"));
    m_note->setObjectName(QStringLiteral("replayNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Replay"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("replayButton"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Start the replay"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelReplayButton"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    buttons->setObjectName(QStringLiteral("replayButtons"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(explain);
    layout->addWidget(m_replace);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(640, 480);

    connect(m_replace, &QCheckBox::toggled, m_editor, &QWidget::setEnabled);
    // Typing in the instructions means replacing them.
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_editor->hasFocus())
            m_replace->setChecked(true);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_replace->isChecked() && m_editor->toPlainText().trimmed().isEmpty()) {
            m_note->setText(tr("The instructions are empty: write them, or untick the box to keep "
                               "the agent's own."));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (agentFile.isEmpty())
        return;
    struct Loaded
    {
        QString instructions;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty())
            m_note->setText(tr("The agent's instructions could not be read: %1").arg(loaded.error));
        else if (m_editor->toPlainText().isEmpty())
            m_editor->setPlainText(loaded.instructions);
        Q_EMIT instructionsLoaded();
    });
    watcher->setFuture(QtConcurrent::run([agentFile] {
        auto agent = AgentDefinition::load(agentFile);
        return agent ? Loaded{agent->instructions, {}} : Loaded{{}, agent.errorMessage()};
    }));
}

std::optional<QString> ReplayDialog::instructions() const
{
    if (!m_replace->isChecked())
        return std::nullopt;
    return m_editor->toPlainText();
}

} // namespace awb::ui
