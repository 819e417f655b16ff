#include "audit/AuditFilterBar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

namespace awb::ui {

namespace {
constexpr int kDebounceMs = 300; // a listing restarts per edit: not per keystroke
}

AuditFilterBar::AuditFilterBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("auditFilterBar"));
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &AuditFilterBar::edited);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setAccessibleName(tr("Search entries"));
    m_search->setPlaceholderText(tr("Search data, actor, kind, run\u2026"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &AuditFilterBar::changed);
    setFocusProxy(m_search);
    m_run = addFacet(QStringLiteral("auditRunFilter"), tr("Run"), tr("Any run"));
    m_actor = addFacet(QStringLiteral("auditActorFilter"), tr("Actor"), tr("Any actor"));
    m_kind = addFacet(QStringLiteral("auditKindFilter"), tr("Kind"), tr("Any kind"));
    m_tool = addFacet(QStringLiteral("auditToolFilter"), tr("Tool"), tr("Any tool"));
    row->addWidget(m_search, 2);
    for (QComboBox* box : {m_run, m_actor, m_kind, m_tool})
        row->addWidget(box, 1);
    const QDateTime now = QDateTime::currentDateTime();
    addTimeBound(m_fromEnabled, m_from, tr("From"), QStringLiteral("auditFrom"), now.addDays(-7));
    addTimeBound(m_toEnabled, m_to, tr("To"), QStringLiteral("auditTo"), now);
}

QComboBox* AuditFilterBar::addFacet(const QString& name, const QString& accessibleName,
                                    const QString& placeholder)
{
    auto* box = new QComboBox(this);
    box->setObjectName(name);
    box->setAccessibleName(accessibleName);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->lineEdit()->setClearButtonEnabled(true);
    box->setMinimumContentsLength(10);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(box, &QComboBox::currentTextChanged, this, &AuditFilterBar::changed);
    return box;
}

void AuditFilterBar::addTimeBound(QCheckBox*& check, QDateTimeEdit*& edit, const QString& label,
                                  const QString& name, const QDateTime& initial)
{
    check = new QCheckBox(label, this);
    check->setObjectName(name + QStringLiteral("Enabled"));
    check->setAccessibleName(tr("Filter %1").arg(label.toLower()));
    edit = new QDateTimeEdit(initial, this);
    edit->setObjectName(name);
    edit->setAccessibleName(label);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setEnabled(false);
    connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    connect(check, &QCheckBox::toggled, this, &AuditFilterBar::changed);
    connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this, check] {
        if (check->isChecked())
            changed();
    });
    layout()->addWidget(check);
    layout()->addWidget(edit);
}

void AuditFilterBar::changed()
{
    if (!m_setting)
        m_debounce->start();
}

AuditFilter AuditFilterBar::filter() const
{
    AuditFilter f;
    f.text = m_search->text().trimmed();
    f.runId = m_run->currentText().trimmed();
    f.actor = m_actor->currentText().trimmed();
    f.kind = m_kind->currentText().trimmed();
    f.tool = m_tool->currentText().trimmed();
    if (m_fromEnabled->isChecked())
        f.from = m_from->dateTime();
    if (m_toEnabled->isChecked())
        f.to = m_to->dateTime();
    return f;
}

void AuditFilterBar::setFilter(const AuditFilter& f)
{
    m_setting = true;
    m_debounce->stop();
    m_search->setText(f.text);
    m_run->setCurrentText(f.runId);
    m_actor->setCurrentText(f.actor);
    m_kind->setCurrentText(f.kind);
    m_tool->setCurrentText(f.tool);
    m_fromEnabled->setChecked(f.from.isValid());
    if (f.from.isValid())
        m_from->setDateTime(f.from.toLocalTime());
    m_toEnabled->setChecked(f.to.isValid());
    if (f.to.isValid())
        m_to->setDateTime(f.to.toLocalTime());
    m_setting = false;
}

void AuditFilterBar::setFacets(const AuditFacets& facets)
{
    m_setting = true;
    const std::pair<QComboBox*, const QStringList*> lists[] = {{m_run, &facets.runs},
                                                               {m_actor, &facets.actors},
                                                               {m_kind, &facets.kinds},
                                                               {m_tool, &facets.tools}};
    for (const auto& [box, values] : lists) {
        const QString text = box->currentText();
        box->clear();
        box->addItem(QString());
        box->addItems(*values);
        box->setCurrentText(text);
    }
    m_setting = false;
}

} // namespace awb::ui
