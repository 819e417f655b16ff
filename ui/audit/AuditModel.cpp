#include "audit/AuditModel.h"

#include <QColor>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace awb::ui {

namespace {
// SQLite VM instructions between checks for a newer query (which interrupts a stale scan).
constexpr int kInterruptInterval = 4000;

struct PageOutcome
{
    int generation = 0;
    std::optional<AuditPage> page;
    QString error;
};

struct CountOutcome
{
    int generation = 0;
    std::optional<qint64> count;
    std::optional<AuditFacets> facets;
};

// Opens db on path unless it already is; for the worker that owns db.
Status ensureOpen(std::optional<sql::Database>& db, const QString& path)
{
    if (db && db->path() == path)
        return {};
    db.reset();
    auto opened = sql::Database::open(path, sql::OpenMode::ReadOnly);
    if (!opened)
        return opened.error();
    db.emplace(std::move(opened).value());
    return {};
}
} // namespace

// What the workers share with the model: the newest generation (so a stale query stops early)
// and one connection per worker, each touched only by its own single-thread pool.
struct AuditModel::Shared
{
    std::atomic<int> generation{0};
    std::optional<sql::Database> pageDb;
    std::optional<sql::Database> countDb;
};

AuditModel::AuditModel(QObject* parent)
    : QAbstractTableModel(parent), m_shared(std::make_shared<Shared>())
{
    m_pagePool.setMaxThreadCount(1);
    m_countPool.setMaxThreadCount(1);
}

AuditModel::~AuditModel()
{
    m_shared->generation.store(-1);
    m_pagePool.waitForDone();
    m_countPool.waitForDone();
}

void AuditModel::setDatabase(const QString& path)
{
    m_path = path;
    m_marked.reset();
    restart();
}

void AuditModel::setQuery(const AuditFilter& filter, AuditOrder order, std::optional<qint64> anchor)
{
    m_filter = filter;
    m_order = order;
    m_anchor = anchor;
    restart();
}

void AuditModel::reload()
{
    restart();
}

void AuditModel::restart()
{
    ++m_generation;
    m_shared->generation.store(m_generation);
    beginResetModel();
    m_rows.clear();
    m_count.reset();
    m_atEnd = m_path.isEmpty();
    endResetModel();
    Q_EMIT matchingCountChanged();
    setLoading(false);
    if (m_path.isEmpty())
        return;
    startPage();
    startCount();
}

void AuditModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void AuditModel::startPage()
{
    std::optional<qint64> after;
    const bool newest = m_order == AuditOrder::NewestFirst;
    if (!m_rows.empty())
        after = m_rows.back().seq;
    else if (m_anchor)
        after = newest ? *m_anchor + 1 : *m_anchor - 1;
    setLoading(true);

    auto* watcher = new QFutureWatcher<PageOutcome>(this);
    connect(watcher, &QFutureWatcher<PageOutcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        PageOutcome out = watcher->result();
        if (out.generation != m_generation)
            return; // a newer query has started; it owns the loading state
        setLoading(false);
        if (!out.page) {
            m_atEnd = true;
            Q_EMIT errorOccurred(out.error);
            Q_EMIT pageLoaded();
            return;
        }
        m_atEnd = out.page->atEnd;
        if (!out.page->rows.empty()) {
            const int first = int(m_rows.size());
            beginInsertRows({}, first, first + int(out.page->rows.size()) - 1);
            std::move(out.page->rows.begin(), out.page->rows.end(), std::back_inserter(m_rows));
            endInsertRows();
        }
        Q_EMIT pageLoaded();
    });
    watcher->setFuture(QtConcurrent::run(&m_pagePool, [shared = m_shared, path = m_path,
                                                       filter = m_filter, order = m_order, after,
                                                       generation = m_generation] {
        PageOutcome out;
        out.generation = generation;
        if (Status s = ensureOpen(shared->pageDb, path); !s) {
            out.error = s.errorMessage();
            return out;
        }
        SqliteProgress stale(*shared->pageDb, kInterruptInterval, [&shared, generation](qint64) {
            return shared->generation.load() != generation;
        });
        auto page = loadAuditPage(*shared->pageDb, filter, order, after, kPageSize);
        if (page)
            out.page = std::move(page).value();
        else
            out.error = page.errorMessage();
        return out;
    }));
}

void AuditModel::startCount()
{
    auto* watcher = new QFutureWatcher<CountOutcome>(this);
    connect(watcher, &QFutureWatcher<CountOutcome>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const CountOutcome out = watcher->result();
        if (out.generation != m_generation)
            return;
        if (out.facets)
            Q_EMIT facetsLoaded(*out.facets);
        if (out.count) {
            m_count = out.count;
            Q_EMIT matchingCountChanged();
        }
    });
    // Suggestions depend on the database only: fetch them with the first listing of a database.
    const bool withFacets = m_filter.isEmpty() && !m_anchor;
    watcher->setFuture(QtConcurrent::run(&m_countPool, [shared = m_shared, path = m_path,
                                                        filter = m_filter, withFacets,
                                                        generation = m_generation] {
        CountOutcome out;
        out.generation = generation;
        if (shared->generation.load() != generation || !ensureOpen(shared->countDb, path).ok())
            return out;
        SqliteProgress stale(*shared->countDb, kInterruptInterval, [&shared, generation](qint64) {
            return shared->generation.load() != generation;
        });
        if (auto count = countAuditEntries(*shared->countDb, filter))
            out.count = *count;
        if (withFacets) {
            if (auto facets = loadAuditFacets(*shared->countDb))
                out.facets = std::move(facets).value();
        }
        return out;
    }));
}

int AuditModel::rowOfSeq(qint64 seq) const
{
    const int row = nearestRow(seq);
    return row >= 0 && m_rows[std::size_t(row)].seq == seq ? row : -1;
}

int AuditModel::nearestRow(qint64 seq) const
{
    // Rows are sorted by seq in the listing's order.
    auto it = m_order == AuditOrder::OldestFirst
                  ? std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                                     [](const AuditRow& r, qint64 s) { return r.seq < s; })
                  : std::lower_bound(m_rows.begin(), m_rows.end(), seq,
                                     [](const AuditRow& r, qint64 s) { return r.seq > s; });
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

const AuditRow* AuditModel::entry(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

void AuditModel::setMarkedSeq(std::optional<qint64> seq)
{
    const auto refresh = [this](std::optional<qint64> s) {
        if (const int row = s ? rowOfSeq(*s) : -1; row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    };
    const auto previous = m_marked;
    m_marked = seq;
    refresh(previous);
    refresh(seq);
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow& r = m_rows[std::size_t(index.row())];
    const bool marked = m_marked && *m_marked == r.seq;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return QString::number(r.seq);
        case TimeColumn:
            return r.localTime;
        case ActorColumn:
            return r.actor;
        case KindColumn:
            return r.kind;
        case RunColumn:
            return r.runId;
        case SummaryColumn:
            return r.summary;
        }
        return {};
    case Qt::ToolTipRole:
        if (marked)
            return tr("This entry failed verification");
        if (index.column() == TimeColumn)
            return r.time;
        if (index.column() == SummaryColumn || index.column() == RunColumn)
            return index.data().toString();
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SeqColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.column() == SeqColumn || index.column() == RunColumn) {
            static const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            return fixed;
        }
        return {};
    case Qt::BackgroundRole:
        // Translucent so that it reads on light and dark bases alike.
        return marked ? QVariant(QColor(220, 53, 69, 90)) : QVariant();
    case SeqRole:
        return r.seq;
    case MarkedRole:
        return marked;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case KindColumn:
        return tr("Kind");
    case RunColumn:
        return tr("Run");
    case SummaryColumn:
        return tr("Summary");
    }
    return {};
}

bool AuditModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_path.isEmpty() && !m_atEnd && !m_loading;
}

void AuditModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        startPage();
}

} // namespace awb::ui
