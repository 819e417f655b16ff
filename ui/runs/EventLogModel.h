#pragma once
// The events of the current run in journal order (seq, time, kind, step, a one-line summary):
// the raw truth the other views are projections of. Appends with rowsInserted.

#include <QAbstractTableModel>

#include <vector>

#include "engine/RunEvent.h"

namespace awb::ui {

class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeqColumn,
        TimeColumn,
        KindColumn,
        StepColumn,
        SummaryColumn,
        ColumnCount
    };

    explicit EventLogModel(QObject* parent = nullptr);

    // Shows a run's recorded events (a reset); an empty id clears the model.
    void setRun(const QString& runId, const std::vector<RunEvent>& history);
    // Appends an event of the shown run; others and ones already shown are ignored. Consecutive
    // text deltas of one step are shown as one row that grows, not a row per token.
    void append(const RunEvent& event);
    // One line saying what the event recorded, e.g. "query_sql (read)" or "1,234 in / 56 out
    // tokens".
    static QString summary(const RunEvent& event);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        std::int64_t seq = 0;
        QDateTime time;
        EventKind kind = EventKind::RunStarted;
        QString stepId;
        QString summary;
        std::int64_t lastSeq = 0; // streamed text: consecutive deltas of a step share one row
        QString streamed;
        int pieces = 0;
    };
    static Entry entryOf(const RunEvent& event);
    // Adds the event; returns true when it extended the last row instead of adding one.
    bool add(const RunEvent& event);

    QString m_runId;
    std::vector<Entry> m_entries;
};

} // namespace awb::ui
