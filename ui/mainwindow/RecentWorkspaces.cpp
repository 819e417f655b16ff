#include "mainwindow/RecentWorkspaces.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace awb::ui {

namespace {
const QString kRecentKey = QStringLiteral("workspace/recent");

QString normalized(const QString& path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}
} // namespace

RecentWorkspaces::RecentWorkspaces(QObject* parent) : QObject(parent)
{
    refresh();
}

void RecentWorkspaces::refresh()
{
    m_entries.clear();
    const QStringList paths = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : paths) {
        if (!path.isEmpty() && int(m_entries.size()) < kMaxEntries)
            m_entries.push_back({normalized(path), Entry::Presence::Unknown});
    }
    Q_EMIT changed();
    check();
}

void RecentWorkspaces::add(const QString& root)
{
    const QString path = normalized(root);
    std::erase_if(m_entries, [&path](const Entry& e) { return e.path == path; });
    m_entries.insert(m_entries.begin(), Entry{path, Entry::Presence::Present});
    if (int(m_entries.size()) > kMaxEntries)
        m_entries.resize(kMaxEntries);
    save();
    Q_EMIT changed();
    check();
}

int RecentWorkspaces::removeMissing()
{
    const auto removed = std::erase_if(
        m_entries, [](const Entry& e) { return e.presence == Entry::Presence::Missing; });
    if (removed > 0) {
        save();
        Q_EMIT changed();
    }
    return int(removed);
}

void RecentWorkspaces::clear()
{
    m_entries.clear();
    ++m_generation;
    save();
    Q_EMIT changed();
}

void RecentWorkspaces::save() const
{
    QStringList paths;
    for (const Entry& e : m_entries)
        paths << e.path;
    QSettings().setValue(kRecentKey, paths);
}

void RecentWorkspaces::check()
{
    QStringList paths;
    for (const Entry& e : m_entries)
        paths << e.path;
    if (paths.isEmpty())
        return;
    const int generation = ++m_generation;
    auto* watcher = new QFutureWatcher<QList<bool>>(this);
    connect(
        watcher, &QFutureWatcher<QList<bool>>::finished, this, [this, watcher, paths, generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return; // the list changed meanwhile; a newer check runs
            const QList<bool> present = watcher->result();
            for (int i = 0; i < paths.size() && i < int(m_entries.size()); ++i) {
                Entry& e = m_entries[std::size_t(i)];
                if (e.path == paths[i])
                    e.presence = present[i] ? Entry::Presence::Present : Entry::Presence::Missing;
            }
            Q_EMIT changed();
        });
    watcher->setFuture(QtConcurrent::run([paths] {
        QList<bool> present;
        for (const QString& path : paths)
            present << QFileInfo::exists(QDir(path).filePath(QStringLiteral("workspace.json")));
        return present;
    }));
}

} // namespace awb::ui
