#include "chat/ApprovalPanel.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageRenderer>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/RunState.h"
#include "runs/StatusStyle.h"
#include "store/WorkspaceFiles.h"

namespace awb::ui {

namespace {
QString effectText(const QString& effect)
{
    if (effect == QLatin1String("external_effect"))
        return ApprovalPanel::tr("External effect: acts outside this workspace (for example, sends "
                                 "an email) and cannot be undone.");
    if (effect == QLatin1String("idempotent_write"))
        return ApprovalPanel::tr("Write: changes data; repeating it changes nothing more.");
    if (effect == QLatin1String("read"))
        return ApprovalPanel::tr("Read only.");
    return effect;
}

// The first PDF among the call's attachments (workspace-relative), if any.
QString firstPdfAttachment(const Json& arguments)
{
    const auto it = arguments.find("attachments");
    if (it == arguments.end() || !it->is_array())
        return {};
    for (const Json& item : *it) {
        if (item.is_string()) {
            const QString path = toQ(item.get<std::string>());
            if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                return path;
        }
    }
    return {};
}

struct LoadedFile
{
    QByteArray data;
    QString error;
};

// What send_email would attach at most, so the preview never reads more.
constexpr qint64 kMaxPreviewBytes = 20 * 1024 * 1024;

// Worker thread: reads the attachment as send_email does (beneath the workspace folder, no link,
// not the store, a regular file), so the preview shows exactly what would be sent.
LoadedFile readAttachment(const QString& root, const QString& relative)
{
    auto files = WorkspaceFiles::open(root);
    if (!files)
        return {{}, files.errorMessage()};
    auto data = files->read(relative, kMaxPreviewBytes);
    if (!data)
        return {{}, ApprovalPanel::tr("Cannot show the attachment: %1").arg(data.errorMessage())};
    return {std::move(data).value(), {}};
}
} // namespace

ApprovalPanel::ApprovalPanel(QWidget* parent)
    : QFrame(parent), m_title(new QLabel(this)), m_effect(new QLabel(this)),
      m_arguments(new QPlainTextEdit(this)), m_error(new QLabel(this)),
      m_edit(new QPushButton(tr("&Edit Arguments"), this)),
      m_approve(new QPushButton(tr("&Approve"), this)),
      m_reject(new QPushButton(tr("Re&ject"), this)), m_split(new QSplitter(Qt::Horizontal, this)),
      m_previewBox(new QWidget(this)), m_previewLabel(new QLabel(this)),
      m_pdfView(new QPdfView(this)), m_pdf(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("approvalPanel"));
    setAccessibleName(tr("Approval request"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, p.color(QPalette::AlternateBase));
    setPalette(p);

    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_title->setObjectName(QStringLiteral("approvalTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_title->setFont(bold);
    m_effect->setObjectName(QStringLiteral("approvalEffect"));
    m_effect->setWordWrap(true);
    QPalette warn = m_effect->palette();
    warn.setColor(QPalette::WindowText, statusColor(QStringLiteral("waiting_approval")));
    m_effect->setPalette(warn);

    m_arguments->setObjectName(QStringLiteral("approvalArguments"));
    m_arguments->setAccessibleName(tr("Arguments of the tool call"));
    m_arguments->setReadOnly(true);
    m_arguments->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapped: every character of what will run must be visible without scrolling sideways.
    m_arguments->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_error->setObjectName(QStringLiteral("approvalError"));
    m_error->setAccessibleName(tr("Why the decision was not recorded"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette bad = m_error->palette();
    bad.setColor(QPalette::WindowText, statusColor(QStringLiteral("failed")));
    m_error->setPalette(bad);
    m_error->hide();

    m_edit->setObjectName(QStringLiteral("editArgumentsButton"));
    m_edit->setAccessibleName(tr("Edit the arguments before deciding"));
    m_edit->setCheckable(true);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_approve->setAccessibleName(tr("Approve this tool call"));
    m_approve->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_reject->setAccessibleName(tr("Reject this tool call"));
    m_reject->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));

    m_previewLabel->setObjectName(QStringLiteral("approvalPreviewLabel"));
    m_pdfView->setObjectName(QStringLiteral("approvalPdfPreview"));
    m_pdfView->setAccessibleName(tr("Preview of the attached PDF"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_pdfView->setMinimumWidth(280);
    auto* previewLayout = new QVBoxLayout(m_previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->setSpacing(3);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_pdfView, 1);

    auto* argsBox = new QWidget(this);
    auto* argsLayout = new QVBoxLayout(argsBox);
    argsLayout->setContentsMargins(0, 0, 0, 0);
    argsLayout->setSpacing(3);
    auto* argsLabel = new QLabel(tr("Arguments, exactly as the tool will receive them:"), argsBox);
    argsLabel->setBuddy(m_arguments);
    argsLayout->addWidget(argsLabel);
    argsLayout->addWidget(m_arguments, 1);
    argsLayout->addWidget(m_error);
    m_split->setObjectName(QStringLiteral("approvalSplitter"));
    m_split->addWidget(argsBox);
    m_split->addWidget(m_previewBox);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    m_previewBox->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(icon, 0, Qt::AlignTop);
    auto* headerText = new QVBoxLayout;
    headerText->addWidget(m_title);
    headerText->addWidget(m_effect);
    header->addLayout(headerText, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addStretch();
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addLayout(header);
    layout->addWidget(m_split, 1);
    layout->addLayout(buttons);

    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_edit, &QPushButton::toggled, this, &ApprovalPanel::setEditing);
    connect(m_pdf, &QPdfDocument::statusChanged, this, [this](QPdfDocument::Status status) {
        if (status == QPdfDocument::Status::Ready) {
            m_previewLabel->setText(
                m_pdf->pageCount() == 1
                    ? tr("Attachment: %1 (1 page)").arg(m_previewPath)
                    : tr("Attachment: %1 (%2 pages)").arg(m_previewPath).arg(m_pdf->pageCount()));
            Q_EMIT previewFinished(true, {});
        } else if (status == QPdfDocument::Status::Error) {
            const QString message =
                tr("Cannot show %1: the file is not a readable PDF.").arg(m_previewPath);
            m_previewLabel->setText(message);
            Q_EMIT previewFinished(false, message);
        }
    });
}

ApprovalPanel::~ApprovalPanel()
{
    // Qt 6.4's QPdfView renders on a thread of its page renderer that the renderer never deletes
    // (it only quits it); switching back to single-threaded rendering deletes it.
    for (QPdfPageRenderer* renderer : m_pdfView->findChildren<QPdfPageRenderer*>())
        renderer->setRenderMode(QPdfPageRenderer::RenderMode::SingleThreaded);
}

void ApprovalPanel::showRequest(const StepState& approval, const QString& effect)
{
    if (approval.id == m_stepId && !isHidden())
        return;
    m_stepId = approval.id;
    m_title->setText(tr("Approve the call of %1?").arg(approval.name));
    m_effect->setText(effectText(effect));
    m_originalArguments =
        toQ(approval.arguments.dump(2, ' ', false, Json::error_handler_t::replace));
    m_edit->setChecked(false);
    m_arguments->setPlainText(m_originalArguments);
    m_error->hide();
    for (QPushButton* b : {m_edit, m_approve, m_reject})
        b->setEnabled(true);
    const QString pdf = firstPdfAttachment(approval.arguments);
    if (pdf != m_previewPath || m_pdf->status() != QPdfDocument::Status::Ready)
        loadPreview(pdf);
    show();
}

void ApprovalPanel::showDecisionError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
    for (QPushButton* b : {m_edit, m_approve, m_reject})
        b->setEnabled(true);
}

void ApprovalPanel::setEditing(bool editing)
{
    m_arguments->setReadOnly(!editing);
    m_edit->setText(editing ? tr("&Discard Edits") : tr("&Edit Arguments"));
    if (editing) {
        m_arguments->setFocus();
    } else {
        m_arguments->setPlainText(m_originalArguments);
        m_error->hide();
    }
}

void ApprovalPanel::decide(bool approve)
{
    if (m_stepId.isEmpty() || !m_approve->isEnabled())
        return;
    // One decision per request: the buttons stay disabled unless recording it fails.
    for (QPushButton* b : {m_edit, m_approve, m_reject})
        b->setEnabled(false);
    m_error->hide();
    const QString text = m_arguments->toPlainText();
    const bool edited = approve && m_edit->isChecked() && text != m_originalArguments;
    Q_EMIT decided(m_stepId, approve, edited ? text : QString());
}

void ApprovalPanel::loadPreview(const QString& relativePath)
{
    const int generation = ++m_previewGeneration;
    m_previewPath = relativePath;
    m_pdf->close();
    delete m_pdfBytes;
    m_pdfBytes = nullptr;
    if (relativePath.isEmpty() || m_root.isEmpty()) {
        m_previewBox->hide();
        return;
    }
    m_previewLabel->setText(tr("Loading %1\u2026").arg(relativePath));
    m_previewBox->show();
    // Reading the file is disk work: off the GUI thread; QtPdf then parses from memory.
    auto* watcher = new QFutureWatcher<LoadedFile>(this);
    connect(watcher, &QFutureWatcher<LoadedFile>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_previewGeneration)
            return;
        const LoadedFile file = watcher->result();
        if (!file.error.isEmpty()) {
            m_previewLabel->setText(file.error);
            Q_EMIT previewFinished(false, file.error);
            return;
        }
        m_pdfBytes = new QBuffer(this);
        m_pdfBytes->setData(file.data);
        m_pdfBytes->open(QIODevice::ReadOnly);
        m_pdf->load(m_pdfBytes);
    });
    watcher->setFuture(QtConcurrent::run(readAttachment, m_root, relativePath));
}

} // namespace awb::ui
