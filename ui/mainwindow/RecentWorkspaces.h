#pragma once
// The workspaces opened lately, newest first, kept in QSettings ("workspace/recent"). Whether
// each folder is still a workspace is checked on a worker thread (a folder on a network share can
// take long to answer); until then an entry's presence is unknown.

#include <QObject>
#include <QString>

#include <vector>

namespace awb::ui {

class RecentWorkspaces : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 8;

    struct Entry
    {
        enum class Presence
        {
            Unknown,
            Present,
            Missing, // the folder (or its workspace.json) is gone
        };
        QString path;
        Presence presence = Presence::Unknown;
    };

    explicit RecentWorkspaces(QObject* parent = nullptr);

    const std::vector<Entry>& entries() const { return m_entries; }
    // Puts a workspace first (it was just opened), persists and rechecks.
    void add(const QString& root);
    // Drops the entries whose folder is missing, persists; returns how many.
    int removeMissing();
    void clear();
    // Reloads the list from the settings and checks the folders; ends with changed().
    void refresh();
    // Checks the folders again (e.g. before the menu shows); ends with changed().
    void recheck() { check(); }

Q_SIGNALS:
    // The list changed, or a check of the folders ended.
    void changed();

private:
    void save() const;
    void check();

    std::vector<Entry> m_entries;
    int m_generation = 0;
};

} // namespace awb::ui
