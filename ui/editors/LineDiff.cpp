#include "editors/LineDiff.h"

#include <algorithm>

namespace awb::ui {

namespace {
// Pairs a block of removed lines with the block of added lines that replaced them.
void flushBlock(std::vector<DiffRow>& rows, QStringList& removed, QStringList& added)
{
    const qsizetype n = std::max(removed.size(), added.size());
    for (qsizetype i = 0; i < n; ++i) {
        DiffRow row;
        row.hasLeft = i < removed.size();
        row.hasRight = i < added.size();
        row.left = row.hasLeft ? removed[i] : QString();
        row.right = row.hasRight ? added[i] : QString();
        row.kind = row.hasLeft && row.hasRight ? DiffRow::Kind::Changed
                   : row.hasLeft               ? DiffRow::Kind::Removed
                                               : DiffRow::Kind::Added;
        rows.push_back(row);
    }
    removed.clear();
    added.clear();
}
} // namespace

std::vector<DiffRow> diffLines(const QStringList& left, const QStringList& right)
{
    const auto n = std::size_t(left.size());
    const auto m = std::size_t(right.size());
    // lcs[i][j]: length of the longest common subsequence of left[i..] and right[j..].
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = left[qsizetype(i)] == right[qsizetype(j)]
                            ? lcs[i + 1][j + 1] + 1
                            : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<DiffRow> rows;
    QStringList removed;
    QStringList added;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && left[qsizetype(i)] == right[qsizetype(j)]) {
            flushBlock(rows, removed, added);
            rows.push_back(
                {DiffRow::Kind::Same, left[qsizetype(i)], right[qsizetype(j)], true, true});
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added << right[qsizetype(j++)];
        } else {
            removed << left[qsizetype(i++)];
        }
    }
    flushBlock(rows, removed, added);
    return rows;
}

} // namespace awb::ui
