#pragma once
// The audit view's filter controls: a search box, run / actor / kind / tool boxes that suggest
// values seen in the trail, and an optional time range. Says when the user changed the filter
// (typing is debounced); setting it from code says nothing.

#include <QWidget>

#include "audit/AuditQuery.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QTimer;

namespace awb::ui {

class AuditFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit AuditFilterBar(QWidget* parent = nullptr);

    AuditFilter filter() const;
    void setFilter(const AuditFilter& filter);
    // Values to suggest; what the user typed stays.
    void setFacets(const AuditFacets& facets);

Q_SIGNALS:
    void edited();

private:
    QComboBox* addFacet(const QString& name, const QString& accessibleName,
                        const QString& placeholder);
    void addTimeBound(QCheckBox*& check, QDateTimeEdit*& edit, const QString& label,
                      const QString& name, const QDateTime& initial);
    void changed();

    QLineEdit* m_search = nullptr;
    QComboBox* m_run = nullptr;
    QComboBox* m_actor = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_tool = nullptr;
    QCheckBox* m_fromEnabled = nullptr;
    QCheckBox* m_toEnabled = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QTimer* m_debounce = nullptr;
    bool m_setting = false;
};

} // namespace awb::ui
