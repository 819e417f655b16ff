#pragma once
// The audit trail view: a filter bar, the lazily loaded table, the selected entry's canonical
// JSON, and Verify / Export run in the background with progress and Cancel. Reads the database
// on its own connections; the key comes from whoever opened the workspace.

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

#include "audit/AuditModel.h"
#include "audit/AuditTasks.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;

namespace awb::ui {

class AuditFilterBar;
class SessionController;

class AuditView : public QWidget
{
    Q_OBJECT
public:
    explicit AuditView(QWidget* parent = nullptr);
    ~AuditView() override;

    // The workspace database and its keyed trail (nullptr: Verify is unavailable); an empty path
    // clears the view. workspaceId names the keychain anchor the trail is held to and shown with.
    void setWorkspace(const QString& databasePath, std::shared_ptr<const AuditTrail> trail,
                      const QString& workspaceId = {});

    // Follows the controller's open workspace (its database and keyed trail), now and later.
    void followSession(SessionController* controller);

    AuditModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // The filter the controls describe; setting it updates the controls and reloads.
    AuditFilter filter() const;
    void setFilter(const AuditFilter& filter);
    // The last verification's statement, as shown in the banner.
    QString verificationText() const;
    // What the keychain's anchor says, as shown under the table.
    QString anchorText() const;
    bool isBusy() const { return m_task != nullptr; }

public Q_SLOTS:
    void refresh();
    void verify();
    void exportJsonl(const QString& path);
    void exportCsv(const QString& path);
    void cancelTask();
    // Selects and scrolls to an entry, loading the part of the trail around it if needed.
    void revealSeq(qint64 seq);

Q_SIGNALS:
    // A background task ended; outcome.ok is false when it failed or was cancelled.
    void taskFinished(const awb::ui::AuditTaskOutcome& outcome);

private:
    QWidget* buildActions();
    void applyControls(std::optional<qint64> anchor = {});
    void clearFilters();
    void onPageLoaded();
    void continueReveal();
    void setControls(const AuditFilter& filter);
    void showEntry(const QModelIndex& current);
    void updateStatus();
    void setBanner(const QString& text, const QString& tone);
    void runTask(QFuture<AuditTaskOutcome> future, const QString& what, bool isVerification);
    void onTaskFinished(bool isVerification);
    void chooseExport(bool csv);
    void lookUpAnchor();
    void showAnchor(const AnchorLookup& lookup);

    AuditModel* m_model;
    AuditFilterBar* m_filterBar = nullptr;
    QTableView* m_table = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    QComboBox* m_order = nullptr;
    QLabel* m_anchorLabel = nullptr;
    QPushButton* m_showAll = nullptr;
    QPushButton* m_verify = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_taskLabel = nullptr;
    QLabel* m_keychainAnchor = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;

    std::shared_ptr<const AuditTrail> m_trail;
    QString m_workspaceId;
    int m_anchorGeneration = 0; // drops the answer of a lookup for another workspace
    QFutureWatcher<AuditTaskOutcome>* m_task = nullptr;
    std::optional<qint64> m_pendingReveal;
    bool m_revealAnchored = false;
    QString m_verification;
};

} // namespace awb::ui
