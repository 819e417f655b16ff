#pragma once
// Settings: provider profiles (endpoint, model, region, fallbacks; keys into the keychain and a
// connection test), the workspace's SMTP account and the budgets new agents start with. Profiles
// and budgets go to QSettings, SMTP to workspace.json (audited as "config.changed"), secrets only
// to the keychain.

#include <QDialog>

#include <vector>

#include "settings/SettingsStore.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace awb::ui {

class ConnectionTester;
class KeyField;
class SessionController;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(SessionController* controller, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    const std::vector<ProviderProfile>& profiles() const { return m_profiles; }
    // Saves profiles and budgets (at once) and the SMTP settings (on a worker thread); ends with
    // saved() or saveFailed(). The dialog stays open.
    void save();

Q_SIGNALS:
    void saved();
    void saveFailed(const QString& message);

private:
    QWidget* buildProvidersTab();
    QWidget* buildSmtpTab();
    QWidget* buildBudgetsTab();
    void showProfile(int row);
    void storeProfileFields();
    void addProfile();
    void removeProfile();
    void updateSmtpKeyEntry();
    void testConnection();
    void showMessage(bool ok, const QString& text);
    void showSmtpSaved();

    SessionController* m_controller;
    std::vector<ProviderProfile> m_profiles;
    SmtpSettings m_savedSmtp;
    ConnectionTester* m_tester;
    QTabWidget* m_tabs = nullptr;
    // Providers
    QListWidget* m_profileList = nullptr;
    QPushButton* m_addProfile = nullptr;
    QPushButton* m_removeProfile = nullptr;
    QWidget* m_profileForm = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_provider = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_region = nullptr;
    QLineEdit* m_fallbacks = nullptr;
    KeyField* m_providerKey = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_testResult = nullptr;
    int m_shownProfile = -1;
    // SMTP
    QLabel* m_smtpNote = nullptr;
    QLineEdit* m_smtpUrl = nullptr;
    QLineEdit* m_smtpFrom = nullptr;
    QLineEdit* m_smtpUser = nullptr;
    KeyField* m_smtpPassword = nullptr;
    // Budgets
    QSpinBox* m_maxSteps = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QLineEdit* m_maxCost = nullptr;
    QSpinBox* m_maxWall = nullptr;
    QSpinBox* m_maxParallel = nullptr;

    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace awb::ui
