#pragma once
// The prompt editor: an agent's instructions with named, dated versions, a side-by-side diff of
// two versions, and the runs that used each version (from the runs' RunStarted events).

#include <QWidget>

#include <map>
#include <vector>

#include "agent/PromptVersions.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace awb {
struct RunEvent;
}

namespace awb::ui {

class SessionController;

class PromptEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PromptEditor(SessionController* controller, QWidget* parent = nullptr);

    QString agent() const;
    // Versions shown for the agent, oldest first.
    const std::vector<PromptVersion>& versions() const { return m_versions; }
    // How many runs recorded this version's instructions.
    int runCount(int version) const;
    // Shows the diff of two versions (older on the left) and the runs of the newer one.
    void compare(int leftVersion, int rightVersion);
    // Saves the editor's text as a new version with this name (asynchronous; ends with saved or
    // failed).
    void saveVersion(const QString& name);

Q_SIGNALS:
    void loaded();
    void saved(int version);
    void failed(const QString& message);

private:
    struct Snapshot;
    void onWorkspaceOpened();
    void reload();
    void apply(const Snapshot& snapshot);
    void onRunEvent(const RunEvent& event);
    void askAndSave();
    void fillVersions();
    void onSelectionChanged();
    void showDiff(const PromptVersion* left, const PromptVersion* right);
    void showRuns(const PromptVersion* version);
    int versionForSha(const QString& sha) const;
    const PromptVersion* find(int version) const;

    SessionController* m_controller;
    QComboBox* m_agents;
    QPlainTextEdit* m_text;
    QPushButton* m_save;
    QTreeWidget* m_list;
    QLabel* m_diffTitle;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
    QListWidget* m_runs;
    QLabel* m_status;
    std::vector<PromptVersion> m_versions;
    QString m_shownAgent;
    std::map<QString, PromptRun> m_runsById; // runs of the shown agent that recorded their hash
    int m_loadGeneration = 0;                // drops results of loads that were superseded
};

} // namespace awb::ui
