#pragma once
// Two runs side by side, step by step: row i holds the i-th step of run A and the i-th step of
// run B (aligned in order), each side with kind, name, status, arguments, result, tokens, cost and
// duration. A cell whose value differs from the other side's is marked (DiffersRole, a background
// and a bold font); durations are shown but never marked, since two runs never take the same time.

#include <QAbstractTableModel>

#include "engine/RunState.h"

namespace awb::ui {

class RunCompareModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Field
    {
        StepField,
        KindField,
        NameField,
        StatusField,
        ArgumentsField,
        ResultField,
        TokensField,
        CostField,
        DurationField,
        FieldCount
    };
    enum Side
    {
        SideA,
        SideB
    };
    enum Role
    {
        DiffersRole = Qt::UserRole + 1, // bool: this cell differs from the other side's
        RowDiffersRole,                 // bool: some field of the row differs
        StepIdRole,                     // the side's step id (empty: that run has no such step)
        StepNumberRole,                 // 1-based position of the step in its run (0: none)
    };

    explicit RunCompareModel(QObject* parent = nullptr);

    // Shows the two runs (a reset). Either may be empty.
    void setRuns(RunState a, RunState b);
    const RunState& run(Side side) const { return side == SideA ? m_a : m_b; }
    // Rows in which some field differs.
    int differingRows() const;

    static int column(Side side, Field field) { return int(side) * FieldCount + int(field); }
    static Side sideOf(int column) { return column < FieldCount ? SideA : SideB; }
    static Field fieldOf(int column) { return Field(column % FieldCount); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // The display text of every field of one step, and the values compared.
    struct Cells
    {
        QString text[FieldCount];
        QString compared[FieldCount];
        QString tip[FieldCount];
        QString status;
    };
    struct Row
    {
        std::optional<Cells> side[2];
        bool differs[FieldCount] = {};
        bool any = false;
    };
    static Cells cellsOf(const StepState& step, int number);

    RunState m_a, m_b;
    std::vector<Row> m_rows;
};

} // namespace awb::ui
