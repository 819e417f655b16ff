#pragma once
// A line diff of two texts for the prompt editor's side-by-side view: the longest common
// subsequence of lines, with removed and added lines paired up row by row.

#include <QString>
#include <QStringList>

#include <vector>

namespace awb::ui {

struct DiffRow
{
    enum class Kind
    {
        Same,    // the line is on both sides
        Removed, // only on the left
        Added,   // only on the right
        Changed, // a removed line beside an added one
    };
    Kind kind = Kind::Same;
    QString left; // empty and hasLeft false: a gap on the left
    QString right;
    bool hasLeft = true;
    bool hasRight = true;
};

std::vector<DiffRow> diffLines(const QStringList& left, const QStringList& right);

} // namespace awb::ui
