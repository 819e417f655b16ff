#include "editors/PromptEditor.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "agent/AgentDefinition.h"
#include "editors/LineDiff.h"
#include "engine/Journal.h"
#include "engine/RunEvent.h"
#include "engine/WorkspaceSession.h"
#include "session/SessionController.h"
#include "store/WorkspaceFiles.h"
#include "util/Json.h"

namespace awb::ui {

struct PromptEditor::Snapshot
{
    int generation = 0;
    QString agent;
    QString instructions; // as the agent file holds them now
    std::vector<PromptVersion> versions;
    std::vector<PromptRun> runs;
    QString error;
};

namespace {
enum Column
{
    VersionColumn,
    NameColumn,
    DateColumn,
    AuthorColumn,
    RunsColumn,
};

// Translucent, so they read on light and dark bases alike.
const QColor kRemoved(0xd0, 0x3a, 0x2f, 70);
const QColor kAdded(0x2e, 0x8b, 0x3e, 70);
const QColor kGap(0x80, 0x80, 0x80, 40);

QPlainTextEdit* diffPane(const QString& name, const QString& accessible, QWidget* parent)
{
    auto* pane = new QPlainTextEdit(parent);
    pane->setObjectName(name);
    pane->setAccessibleName(accessible);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFont(QStringLiteral("monospace")));
    return pane;
}

QTextEdit::ExtraSelection lineHighlight(QPlainTextEdit* pane, int line, const QColor& colour)
{
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(pane->document()->findBlockByNumber(line));
    sel.format.setBackground(colour);
    sel.format.setProperty(QTextFormat::FullWidthSelection, true);
    return sel;
}
} // namespace

PromptEditor::PromptEditor(SessionController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("promptEditor"));
    setAccessibleName(tr("Prompt editor"));

    m_agents = new QComboBox(this);
    m_agents->setObjectName(QStringLiteral("promptAgentPicker"));
    m_agents->setAccessibleName(tr("Agent"));
    m_save = new QPushButton(tr("Save version\u2026"), this);
    m_save->setObjectName(QStringLiteral("promptSaveButton"));
    m_save->setAccessibleName(tr("Save version"));
    m_save->setToolTip(
        tr("Save the instructions as a new named version and write them into the agent file"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("promptStatus"));
    m_status->setAccessibleName(tr("Prompt editor status"));
    auto* top = new QHBoxLayout;
    auto* agentLabel = new QLabel(tr("&Agent:"), this);
    agentLabel->setBuddy(m_agents);
    top->addWidget(agentLabel);
    top->addWidget(m_agents, 1);
    top->addWidget(m_save);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("promptInstructions"));
    m_text->setAccessibleName(tr("Instructions"));
    m_text->setPlaceholderText(tr("The agent's instructions"));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("promptVersions"));
    m_list->setAccessibleName(tr("Prompt versions"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Version"), tr("Name"), tr("Saved"), tr("Author"), tr("Runs")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->setToolTip(
        tr("Select one version to compare it with the one before, or two to compare them"));

    m_diffTitle = new QLabel(tr("Select versions to compare"), this);
    m_diffTitle->setObjectName(QStringLiteral("promptDiffTitle"));
    m_diffTitle->setAccessibleName(tr("Compared versions"));
    m_left = diffPane(QStringLiteral("promptDiffLeft"), tr("Older version"), this);
    m_right = diffPane(QStringLiteral("promptDiffRight"), tr("Newer version"), this);
    // The two sides scroll together so paired lines stay side by side.
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_left->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_right->horizontalScrollBar(), &QScrollBar::setValue);
    connect(m_right->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_left->horizontalScrollBar(), &QScrollBar::setValue);
    auto* diff = new QSplitter(Qt::Horizontal, this);
    diff->addWidget(m_left);
    diff->addWidget(m_right);

    m_runs = new QListWidget(this);
    m_runs->setObjectName(QStringLiteral("promptRuns"));
    m_runs->setAccessibleName(tr("Runs that used the version"));

    auto* editorBox = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorBox);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(top);
    editorLayout->addWidget(m_text, 1);
    editorLayout->addWidget(m_status);
    auto* diffBox = new QWidget(this);
    auto* diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(m_diffTitle);
    diffLayout->addWidget(diff, 1);
    auto* runsBox = new QWidget(this);
    auto* runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(new QLabel(tr("Runs that used the selected version"), runsBox));
    runsLayout->addWidget(m_runs, 1);
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_list);
    lower->addWidget(runsBox);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto* main = new QSplitter(Qt::Vertical, this);
    main->addWidget(editorBox);
    main->addWidget(lower);
    main->addWidget(diffBox);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);
    main->setStretchFactor(2, 4); // the diff is what one reads most
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(main);

    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &PromptEditor::askAndSave);
    connect(m_agents, &QComboBox::currentTextChanged, this, &PromptEditor::reload);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &PromptEditor::onSelectionChanged);
    connect(m_controller, &SessionController::workspaceOpened, this,
            &PromptEditor::onWorkspaceOpened);
    if (m_controller->hasWorkspace())
        onWorkspaceOpened();
}

QString PromptEditor::agent() const
{
    return m_agents->currentText();
}

void PromptEditor::onWorkspaceOpened()
{
    if (Journal* journal = m_controller->journal())
        connect(journal, &Journal::published, this, &PromptEditor::onRunEvent,
                Qt::UniqueConnection);
    const QString previous = m_agents->currentText();
    {
        const QSignalBlocker block(m_agents);
        m_agents->clear();
        m_agents->addItems(m_controller->agentNames());
        if (const int i = m_agents->findText(previous); i >= 0)
            m_agents->setCurrentIndex(i);
    }
    reload();
}

void PromptEditor::reload()
{
    WorkspaceSession* session = m_controller->session();
    const int generation = ++m_loadGeneration;
    if (agent() != m_shownAgent || !session) {
        m_runsById.clear();
        m_shownAgent = agent();
    }
    m_save->setEnabled(false);
    if (!session || agent().isEmpty()) {
        apply(Snapshot{generation, {}, {}, {}, {}, {}});
        return;
    }
    const QString root = session->workspace().root();
    const QString dbPath = session->workspace().databasePath();
    const QString name = agent();
    m_status->setText(tr("Loading %1\u2026").arg(name));
    auto* watcher = new QFutureWatcher<Snapshot>(this);
    connect(watcher, &QFutureWatcher<Snapshot>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Snapshot s = watcher->result();
        if (s.generation == m_loadGeneration)
            apply(s);
    });
    watcher->setFuture(QtConcurrent::run([root, dbPath, name, generation] {
        Snapshot s{generation, name, {}, {}, {}, {}};
        const PromptVersions store(root, dbPath);
        auto file = findAgentFile(root, name);
        auto files = WorkspaceFiles::open(root);
        auto agentDef = !file    ? Result<AgentDefinition>(file.error())
                        : !files ? Result<AgentDefinition>(files.error())
                                 : AgentDefinition::load(*files, *file);
        auto versions = store.list(name);
        auto runs = store.runs(name);
        if (!agentDef)
            s.error = agentDef.errorMessage();
        else if (!versions)
            s.error = versions.errorMessage();
        else if (!runs)
            s.error = runs.errorMessage();
        if (agentDef)
            s.instructions = agentDef->instructions;
        if (versions)
            s.versions = std::move(versions).value();
        if (runs)
            s.runs = std::move(runs).value();
        return s;
    }));
}

void PromptEditor::apply(const Snapshot& s)
{
    m_text->setPlainText(s.instructions);
    m_versions = s.versions;
    // Runs announced live while loading are kept; the database adds the ones recorded before.
    for (const PromptRun& run : s.runs)
        m_runsById[run.runId] = run;
    m_save->setEnabled(!s.agent.isEmpty() && s.error.isEmpty());
    m_status->setText(s.error.isEmpty() ? tr("%n version(s)", nullptr, int(m_versions.size()))
                                        : s.error);
    fillVersions();
    Q_EMIT loaded();
}

void PromptEditor::onRunEvent(const RunEvent& event)
{
    if (event.kind != EventKind::RunStarted || jsonString(event.data, "agent") != agent())
        return;
    const QString sha = jsonString(event.data, "instructions_sha256");
    if (sha.isEmpty())
        return;
    m_runsById[event.runId] = PromptRun{event.runId, event.time, sha};
    fillVersions();
}

int PromptEditor::versionForSha(const QString& sha) const
{
    // The same text saved twice: the latest version names it, as PromptVersions::versionOf does.
    for (auto it = m_versions.rbegin(); it != m_versions.rend(); ++it)
        if (it->sha256 == sha)
            return it->version;
    return 0;
}

int PromptEditor::runCount(int version) const
{
    int count = 0;
    for (const auto& [id, run] : m_runsById)
        count += versionForSha(run.instructionsSha256) == version ? 1 : 0;
    return count;
}

const PromptVersion* PromptEditor::find(int version) const
{
    for (const PromptVersion& v : m_versions)
        if (v.version == version)
            return &v;
    return nullptr;
}

void PromptEditor::fillVersions()
{
    QList<int> selected;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        selected << item->data(VersionColumn, Qt::UserRole).toInt();
    const QSignalBlocker block(m_list);
    m_list->clear();
    // Newest first: the version one most likely compares against.
    for (auto it = m_versions.rbegin(); it != m_versions.rend(); ++it) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(VersionColumn, Qt::UserRole, it->version);
        item->setText(VersionColumn, QStringLiteral("v%1").arg(it->version));
        item->setText(NameColumn, it->name);
        item->setText(DateColumn,
                      QLocale().toString(it->createdAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(AuthorColumn, it->author);
        item->setText(RunsColumn, QString::number(runCount(it->version)));
        item->setTextAlignment(RunsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setSelected(selected.contains(it->version));
    }
    for (int c = 0; c < m_list->columnCount(); ++c)
        if (c != NameColumn)
            m_list->resizeColumnToContents(c);
    onSelectionChanged();
}

void PromptEditor::compare(int leftVersion, int rightVersion)
{
    const QSignalBlocker block(m_list);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const int v = item->data(VersionColumn, Qt::UserRole).toInt();
        item->setSelected(v == leftVersion || v == rightVersion);
    }
    showDiff(find(std::min(leftVersion, rightVersion)), find(std::max(leftVersion, rightVersion)));
    showRuns(find(std::max(leftVersion, rightVersion)));
}

void PromptEditor::onSelectionChanged()
{
    QList<int> selected;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        selected << item->data(VersionColumn, Qt::UserRole).toInt();
    std::sort(selected.begin(), selected.end());
    if (selected.isEmpty()) {
        showDiff(nullptr, nullptr);
        showRuns(nullptr);
        return;
    }
    const PromptVersion* newer = find(selected.last());
    // One version: compared with the one saved before it.
    const PromptVersion* older =
        selected.size() > 1 ? find(selected.first()) : find(selected.last() - 1);
    showDiff(older, newer);
    showRuns(newer);
}

void PromptEditor::showDiff(const PromptVersion* left, const PromptVersion* right)
{
    m_left->clear();
    m_right->clear();
    if (!right) {
        m_diffTitle->setText(tr("Select versions to compare"));
        return;
    }
    m_diffTitle->setText(
        left ? tr("v%1 \u201c%2\u201d \u2192 v%3 \u201c%4\u201d")
                   .arg(left->version)
                   .arg(left->name)
                   .arg(right->version)
                   .arg(right->name)
             : tr("v%1 \u201c%2\u201d (first version)").arg(right->version).arg(right->name));
    const auto rows = diffLines(left ? left->instructions.split(QLatin1Char('\n')) : QStringList(),
                                right->instructions.split(QLatin1Char('\n')));
    QStringList leftLines;
    QStringList rightLines;
    for (const DiffRow& row : rows) {
        leftLines << row.left;
        rightLines << row.right;
    }
    m_left->setPlainText(leftLines.join(QLatin1Char('\n')));
    m_right->setPlainText(rightLines.join(QLatin1Char('\n')));
    QList<QTextEdit::ExtraSelection> leftMarks;
    QList<QTextEdit::ExtraSelection> rightMarks;
    for (int line = 0; line < int(rows.size()); ++line) {
        const DiffRow& row = rows[std::size_t(line)];
        if (row.kind == DiffRow::Kind::Same)
            continue;
        leftMarks << lineHighlight(m_left, line, row.hasLeft ? kRemoved : kGap);
        rightMarks << lineHighlight(m_right, line, row.hasRight ? kAdded : kGap);
    }
    m_left->setExtraSelections(leftMarks);
    m_right->setExtraSelections(rightMarks);
}

void PromptEditor::showRuns(const PromptVersion* version)
{
    m_runs->clear();
    if (!version)
        return;
    for (const auto& [id, run] : m_runsById) {
        if (versionForSha(run.instructionsSha256) != version->version)
            continue;
        auto* item =
            new QListWidgetItem(tr("%1  started %2")
                                    .arg(run.runId, QLocale().toString(run.startedAt.toLocalTime(),
                                                                       QLocale::ShortFormat)),
                                m_runs);
        item->setData(Qt::UserRole, run.runId);
    }
    if (m_runs->count() == 0)
        m_runs->addItem(tr("No run has used v%1 yet").arg(version->version));
}

void PromptEditor::askAndSave()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save prompt version"), tr("Name of this version:"),
                              QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        saveVersion(name);
}

void PromptEditor::saveVersion(const QString& name)
{
    WorkspaceSession* session = m_controller->session();
    if (!session || agent().isEmpty()) {
        Q_EMIT failed(tr("Open a workspace and pick an agent first."));
        return;
    }
    const PromptVersions store(session->workspace().root(), session->workspace().databasePath());
    const QString agentName = agent();
    const QString text = m_text->toPlainText();
    const QString author = SessionController::actor();
    m_save->setEnabled(false);
    m_status->setText(tr("Saving\u2026"));
    auto* watcher = new QFutureWatcher<Result<PromptVersion>>(this);
    connect(watcher, &QFutureWatcher<Result<PromptVersion>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<PromptVersion> r = watcher->result();
        if (!r) {
            m_save->setEnabled(true);
            m_status->setText(r.errorMessage());
            Q_EMIT failed(r.errorMessage());
            return;
        }
        const int version = r->version;
        // Reloaded first, so the new version is listed when saved is announced.
        connect(
            this, &PromptEditor::loaded, this, [this, version] { Q_EMIT saved(version); },
            Qt::SingleShotConnection);
        reload();
    });
    watcher->setFuture(QtConcurrent::run([store, agentName, name, text, author] {
        return store.save(agentName, name, text, author);
    }));
}

} // namespace awb::ui
