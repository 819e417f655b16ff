#include "audit/AuditView.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cstdlib>

#include "audit/AuditFilterBar.h"
#include "engine/WorkspaceSession.h"
#include "session/SessionController.h"

namespace awb::ui {

namespace {
constexpr int kRevealContext = 20; // entries shown before a revealed one

// Banner colours: translucent tints over the window colour, readable in light and dark themes.
QString bannerStyle(const QString& tone)
{
    QString rgb = QStringLiteral("108, 117, 125");
    if (tone == QLatin1String("ok"))
        rgb = QStringLiteral("40, 167, 69");
    else if (tone == QLatin1String("bad"))
        rgb = QStringLiteral("220, 53, 69");
    return QStringLiteral("QLabel { background: rgba(%1, 0.16); border: 1px solid rgba(%1, 0.6); "
                          "border-radius: 3px; padding: 4px 8px; }")
        .arg(rgb);
}
} // namespace

AuditView::AuditView(QWidget* parent) : QWidget(parent), m_model(new AuditModel(this))
{
    setObjectName(QStringLiteral("auditView"));
    setAccessibleName(tr("Audit trail"));
    m_filterBar = new AuditFilterBar(this);
    connect(m_filterBar, &AuditFilterBar::edited, this, [this] { applyControls(); });

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("auditVerificationLabel"));
    m_banner->setAccessibleName(tr("Verification status"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit entries"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setObjectName(QStringLiteral("auditTableRowHeader"));
    m_table->verticalHeader()->setAccessibleName(tr("Rows"));
    QHeaderView* header = m_table->horizontalHeader();
    header->setObjectName(QStringLiteral("auditTableHeader"));
    header->setAccessibleName(tr("Columns"));
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    header->resizeSection(AuditModel::SeqColumn, 70);
    header->resizeSection(AuditModel::TimeColumn, 140);
    header->resizeSection(AuditModel::ActorColumn, 120);
    header->resizeSection(AuditModel::KindColumn, 130);
    header->resizeSection(AuditModel::RunColumn, 120);

    m_detail = new QPlainTextEdit(this);
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setAccessibleName(tr("Selected entry as canonical JSON"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select an entry to see it as signed."));
    m_detail->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("auditSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({760, 380});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatusLabel"));
    m_status->setAccessibleName(tr("Entries shown"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("auditProgress"));
    m_progress->setAccessibleName(tr("Progress of the audit task"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("auditCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the audit task"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &AuditView::cancelTask);
    m_taskLabel = new QLabel(this);
    m_taskLabel->setObjectName(QStringLiteral("auditTaskLabel"));
    m_taskLabel->setAccessibleName(tr("Outcome of the last export"));
    m_taskLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychainAnchor = new QLabel(this);
    m_keychainAnchor->setObjectName(QStringLiteral("auditKeychainAnchorLabel"));
    m_keychainAnchor->setAccessibleName(tr("Anchor of the trail in the keychain"));
    m_keychainAnchor->setToolTip(
        tr("The trail's last head, kept in the keychain beside its key: Verify uses it to find a "
           "trail that was cut off, emptied or replaced by an older copy."));
    m_keychainAnchor->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addSpacing(24);
    statusRow->addWidget(m_keychainAnchor);
    statusRow->addWidget(m_taskLabel, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->setSpacing(6);
    layout->addWidget(m_filterBar);
    layout->addWidget(buildActions());
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditView::showEntry);
    connect(m_model, &AuditModel::pageLoaded, this, &AuditView::onPageLoaded);
    connect(m_model, &AuditModel::loadingChanged, this, &AuditView::updateStatus);
    connect(m_model, &AuditModel::matchingCountChanged, this, &AuditView::updateStatus);
    connect(m_model, &AuditModel::modelReset, this, [this] {
        m_detail->clear();
        updateStatus();
    });
    connect(m_model, &AuditModel::facetsLoaded, m_filterBar, &AuditFilterBar::setFacets);
    connect(m_model, &AuditModel::errorOccurred, this,
            [this](const QString& message) { setBanner(message, QStringLiteral("bad")); });
    setBanner(tr("Not verified yet. Verify checks every entry's signature and link."), {});
    setWorkspace({}, nullptr);

    // Shortcuts scoped to this view, so that other docks may use the same keys.
    auto addShortcut = [this](const QKeySequence& keys, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(QKeySequence::Refresh, [this] { refresh(); });
    addShortcut(QKeySequence::Find, [this] { m_filterBar->setFocus(); });
}

AuditView::~AuditView()
{
    if (m_task) {
        m_task->cancel();
        m_task->waitForFinished();
    }
}

QWidget* AuditView::buildActions()
{
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("auditActionBar"));
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_order = new QComboBox(bar);
    m_order->setObjectName(QStringLiteral("auditOrder"));
    m_order->setAccessibleName(tr("Order"));
    m_order->addItem(tr("Newest first"), int(AuditOrder::NewestFirst));
    m_order->addItem(tr("Oldest first"), int(AuditOrder::OldestFirst));
    connect(m_order, &QComboBox::currentIndexChanged, this, [this] { applyControls(); });
    auto* clear = new QPushButton(tr("Clear Filters"), bar);
    clear->setObjectName(QStringLiteral("auditClearFilters"));
    clear->setAccessibleName(tr("Clear filters"));
    connect(clear, &QPushButton::clicked, this, &AuditView::clearFilters);
    m_anchorLabel = new QLabel(bar);
    m_anchorLabel->setObjectName(QStringLiteral("auditAnchorLabel"));
    m_showAll = new QPushButton(tr("Show All"), bar);
    m_showAll->setObjectName(QStringLiteral("auditShowAll"));
    m_showAll->setAccessibleName(tr("Show the whole trail"));
    connect(m_showAll, &QPushButton::clicked, this, [this] { applyControls(); });
    m_anchorLabel->hide();
    m_showAll->hide();

    auto* refresh =
        new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), bar);
    refresh->setObjectName(QStringLiteral("auditRefresh"));
    refresh->setAccessibleName(tr("Refresh the audit trail"));
    connect(refresh, &QPushButton::clicked, this, &AuditView::refresh);
    m_verify =
        new QPushButton(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("Verify"), bar);
    m_verify->setObjectName(QStringLiteral("auditVerify"));
    m_verify->setAccessibleName(tr("Verify the audit trail"));
    m_verify->setToolTip(tr("Check every entry's signature and link to the one before"));
    connect(m_verify, &QPushButton::clicked, this, &AuditView::verify);
    m_export = new QToolButton(bar);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setAccessibleName(tr("Export the audit trail"));
    m_export->setText(tr("Export"));
    m_export->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    menu->setObjectName(QStringLiteral("auditExportMenu"));
    QAction* jsonl = menu->addAction(tr("Whole Trail as JSONL (verifiable)\u2026"), this,
                                     [this] { chooseExport(false); });
    jsonl->setObjectName(QStringLiteral("auditExportJsonl"));
    QAction* csv =
        menu->addAction(tr("Filtered Entries as CSV\u2026"), this, [this] { chooseExport(true); });
    csv->setObjectName(QStringLiteral("auditExportCsv"));
    m_export->setMenu(menu);

    row->addWidget(m_order);
    row->addWidget(clear);
    row->addWidget(m_anchorLabel);
    row->addWidget(m_showAll);
    row->addStretch(1);
    row->addWidget(refresh);
    row->addWidget(m_verify);
    row->addWidget(m_export);
    return bar;
}

void AuditView::setWorkspace(const QString& databasePath, std::shared_ptr<const AuditTrail> trail,
                             const QString& workspaceId)
{
    cancelTask();
    m_trail = std::move(trail);
    m_workspaceId = workspaceId;
    m_pendingReveal.reset();
    m_verification.clear();
    setBanner(tr("Not verified yet. Verify checks every entry's signature and link."), {});
    const bool open = !databasePath.isEmpty();
    m_verify->setEnabled(open && m_trail);
    m_export->setEnabled(open);
    m_model->setDatabase(databasePath);
    updateStatus();
    lookUpAnchor();
}

void AuditView::lookUpAnchor()
{
    const int generation = ++m_anchorGeneration;
    if (m_model->databasePath().isEmpty()) {
        m_keychainAnchor->clear();
        return;
    }
    auto* watcher = new QFutureWatcher<AnchorLookup>(this);
    connect(watcher, &QFutureWatcher<AnchorLookup>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_anchorGeneration && watcher->future().resultCount() > 0)
            showAnchor(watcher->result());
    });
    watcher->setFuture(startAnchorLookup(m_workspaceId));
}

void AuditView::showAnchor(const AnchorLookup& lookup)
{
    m_keychainAnchor->setText(describeAnchor(lookup));
}

QString AuditView::anchorText() const
{
    return m_keychainAnchor->text();
}

void AuditView::followSession(SessionController* controller)
{
    const auto follow = [this, controller] {
        if (WorkspaceSession* session = controller->session())
            setWorkspace(session->workspace().databasePath(),
                         std::make_shared<AuditTrail>(session->auditTrail()),
                         session->workspace().id());
    };
    connect(controller, &SessionController::workspaceOpened, this, follow);
    follow();
}

AuditFilter AuditView::filter() const
{
    return m_filterBar->filter();
}

void AuditView::setFilter(const AuditFilter& f)
{
    setControls(f);
    applyControls();
}

void AuditView::setControls(const AuditFilter& f)
{
    m_filterBar->setFilter(f);
}

void AuditView::applyControls(std::optional<qint64> anchor)
{
    const auto order = AuditOrder(m_order->currentData().toInt());
    m_anchorLabel->setVisible(anchor.has_value());
    m_showAll->setVisible(anchor.has_value());
    if (anchor)
        m_anchorLabel->setText(order == AuditOrder::OldestFirst
                                   ? tr("From entry %1 on").arg(*anchor)
                                   : tr("From entry %1 back").arg(*anchor));
    m_model->setQuery(filter(), order, anchor);
}

void AuditView::clearFilters()
{
    setFilter({});
}

void AuditView::refresh()
{
    m_model->reload();
    lookUpAnchor();
}

void AuditView::showEntry(const QModelIndex& current)
{
    const AuditRow* row = m_model->entry(current.row());
    m_detail->setPlainText(row ? row->prettyJson() : QString());
}

void AuditView::updateStatus()
{
    if (m_model->databasePath().isEmpty()) {
        m_status->setText(tr("No workspace open."));
        return;
    }
    const QLocale locale;
    const QString shown = locale.toString(m_model->rowCount());
    QString text;
    if (const auto count = m_model->matchingCount())
        text = m_model->filter().isEmpty() && !m_model->anchor()
                   ? tr("Showing %1 of %2 entries").arg(shown, locale.toString(*count))
                   : tr("Showing %1 of %2 matching entries").arg(shown, locale.toString(*count));
    else
        text = tr("Showing %1 entries").arg(shown);
    if (m_model->isLoading())
        text += tr(" \u2014 loading\u2026");
    m_status->setText(text);
}

void AuditView::setBanner(const QString& text, const QString& tone)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(bannerStyle(tone));
}

QString AuditView::verificationText() const
{
    return m_verification;
}

void AuditView::onPageLoaded()
{
    updateStatus();
    continueReveal();
}

void AuditView::continueReveal()
{
    if (!m_pendingReveal || m_model->isLoading())
        return;
    const qint64 seq = *m_pendingReveal;
    const bool oldest = m_model->order() == AuditOrder::OldestFirst;
    const AuditRow* first = m_model->entry(0);
    // With no filter, the loaded rows cover seq once the first is at or before it in order.
    const bool covers =
        m_model->filter().isEmpty() && first && (oldest ? first->seq <= seq : first->seq >= seq);
    int row = m_model->rowOfSeq(seq);
    if (row < 0 && covers) {
        // Loaded rows pass seq but the entry itself is gone (deleted): show where it was.
        row = m_model->nearestRow(seq);
        if (row < 0 && m_model->atEnd())
            row = m_model->rowCount() - 1;
    }
    if (row >= 0) {
        m_pendingReveal.reset();
        const QModelIndex index = m_model->index(row, AuditModel::SeqColumn);
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
        return;
    }
    const AuditRow* last = m_model->entry(m_model->rowCount() - 1);
    const bool nextPage = covers && last && std::abs(last->seq - seq) <= AuditModel::kPageSize;
    if (nextPage && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        return;
    }
    if (m_revealAnchored) {
        m_pendingReveal.reset(); // the listing around it holds nothing to show
        return;
    }
    // Not among the loaded rows: list from just before it, with no filter that could hide it.
    m_revealAnchored = true;
    setControls({});
    applyControls(oldest ? std::max<qint64>(1, seq - kRevealContext) : seq + kRevealContext);
}

void AuditView::revealSeq(qint64 seq)
{
    m_pendingReveal = seq;
    m_revealAnchored = false;
    continueReveal();
}

void AuditView::verify()
{
    if (!m_trail || m_model->databasePath().isEmpty() || m_task)
        return;
    m_model->setMarkedSeq(std::nullopt);
    setBanner(tr("Verifying every entry\u2026"), {});
    runTask(startAuditVerification(m_model->databasePath(), m_trail, m_workspaceId),
            tr("Verifying"), true);
}

void AuditView::exportJsonl(const QString& path)
{
    if (m_model->databasePath().isEmpty() || m_task)
        return;
    runTask(startAuditJsonlExport(m_model->databasePath(), path), tr("Exporting"), false);
}

void AuditView::exportCsv(const QString& path)
{
    if (m_model->databasePath().isEmpty() || m_task)
        return;
    runTask(startAuditCsvExport(m_model->databasePath(), m_model->filter(), path), tr("Exporting"),
            false);
}

void AuditView::chooseExport(bool csv)
{
    const QString path = QFileDialog::getSaveFileName(
        this, csv ? tr("Export Filtered Entries as CSV") : tr("Export the Audit Trail as JSONL"),
        csv ? QStringLiteral("audit.csv") : QStringLiteral("audit.jsonl"),
        csv ? tr("CSV files (*.csv)") : tr("JSON Lines (*.jsonl)"));
    if (path.isEmpty())
        return;
    csv ? exportCsv(path) : exportJsonl(path);
}

void AuditView::runTask(QFuture<AuditTaskOutcome> future, const QString& what, bool isVerification)
{
    m_task = new QFutureWatcher<AuditTaskOutcome>(this);
    connect(m_task, &QFutureWatcher<AuditTaskOutcome>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_task, &QFutureWatcher<AuditTaskOutcome>::finished, this,
            [this, isVerification] { onTaskFinished(isVerification); });
    m_progress->setValue(0);
    m_progress->setToolTip(what);
    m_taskLabel->setText(what + QChar(0x2026));
    m_progress->show();
    m_cancel->show();
    m_verify->setEnabled(false);
    m_export->setEnabled(false);
    m_task->setFuture(future);
}

void AuditView::cancelTask()
{
    if (m_task)
        m_task->cancel();
}

void AuditView::onTaskFinished(bool isVerification)
{
    QFutureWatcher<AuditTaskOutcome>* task = std::exchange(m_task, nullptr);
    task->deleteLater();
    m_taskLabel->clear();
    m_progress->hide();
    m_cancel->hide();
    const bool open = !m_model->databasePath().isEmpty();
    m_verify->setEnabled(open && m_trail);
    m_export->setEnabled(open);

    AuditTaskOutcome outcome;
    if (task->isCanceled() || task->future().resultCount() == 0)
        outcome.message = isVerification ? tr("Verification cancelled; the trail was not checked.")
                                         : tr("Export cancelled; no file was written.");
    else
        outcome = task->result();

    if (isVerification) {
        ++m_anchorGeneration; // this answer is newer than a lookup still running
        if (outcome.verification)
            showAnchor(outcome.anchor);
        m_verification = outcome.message;
        const auto& v = outcome.verification;
        setBanner(outcome.message, v ? (v->ok() ? QStringLiteral("ok") : QStringLiteral("bad"))
                                     : (task->isCanceled() ? QString() : QStringLiteral("bad")));
        if (v && v->firstAltered && *v->firstAltered > 0) {
            m_model->setMarkedSeq(*v->firstAltered);
            revealSeq(*v->firstAltered);
        }
    } else {
        m_taskLabel->setText(outcome.message);
    }
    Q_EMIT taskFinished(outcome);
}

} // namespace awb::ui
