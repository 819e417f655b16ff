#pragma once
// The workspace's audit trail as a table, loaded lazily: pages of kPageSize entries fetched by
// keyset on seq over its own read-only connection, on a worker thread, as the view scrolls.
// Filters and order restart the listing; a stale page (filter changed meanwhile) is dropped.

#include <QAbstractTableModel>
#include <QThreadPool>

#include <memory>
#include <optional>
#include <vector>

#include "audit/AuditQuery.h"

namespace awb::ui {

class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeqColumn,
        TimeColumn,
        ActorColumn,
        KindColumn,
        RunColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        SeqRole = Qt::UserRole + 1, // the entry's seq, whatever the column
        MarkedRole,                 // true for the entry marked as altered
    };
    static constexpr int kPageSize = 500;

    explicit AuditModel(QObject* parent = nullptr);
    ~AuditModel() override;

    // Reads the audit table of this database file (opened read-only, on the worker); an empty
    // path empties the model. Starts loading the first page.
    void setDatabase(const QString& path);
    const QString& databasePath() const { return m_path; }

    // Restarts the listing: entries matching filter in order, beginning at seq anchor (inclusive)
    // when given, otherwise at the oldest or newest entry.
    void setQuery(const AuditFilter& filter, AuditOrder order, std::optional<qint64> anchor = {});
    const AuditFilter& filter() const { return m_filter; }
    AuditOrder order() const { return m_order; }
    std::optional<qint64> anchor() const { return m_anchor; }
    // Reloads from the first page, picking up entries appended since.
    void reload();

    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }
    // Entries matching the filter (counted on another worker), or nothing while unknown.
    std::optional<qint64> matchingCount() const { return m_count; }
    // Row of a loaded entry, or -1; nearestRow: the first loaded row at or past seq in order.
    int rowOfSeq(qint64 seq) const;
    int nearestRow(qint64 seq) const;
    const AuditRow* entry(int row) const;
    // Highlights one entry (the first altered one after a verification).
    void setMarkedSeq(std::optional<qint64> seq);
    std::optional<qint64> markedSeq() const { return m_marked; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // A page arrived (rows were appended, or the end was reached).
    void pageLoaded();
    void matchingCountChanged();
    void facetsLoaded(const awb::ui::AuditFacets& facets);
    void errorOccurred(const QString& message);

private:
    struct Shared;
    void restart();
    void startPage();
    void startCount();
    void setLoading(bool loading);

    QString m_path;
    AuditFilter m_filter;
    AuditOrder m_order = AuditOrder::NewestFirst;
    std::optional<qint64> m_anchor;
    std::vector<AuditRow> m_rows;
    std::optional<qint64> m_count;
    std::optional<qint64> m_marked;
    bool m_loading = false;
    bool m_atEnd = true;
    int m_generation = 0;
    std::shared_ptr<Shared> m_shared;
    // One thread each, so pages never wait behind a slow count; each owns one connection.
    QThreadPool m_pagePool;
    QThreadPool m_countPool;
};

} // namespace awb::ui
