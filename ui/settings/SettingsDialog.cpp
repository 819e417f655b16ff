#include "settings/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "engine/Journal.h"
#include "llm/WireProtocol.h"
#include "session/SessionController.h"
#include "settings/ConnectionTester.h"
#include "settings/KeyField.h"

namespace awb::ui {

namespace {
template <typename W> W* named(W* widget, const QString& name, const QString& accessible)
{
    widget->setObjectName(name);
    widget->setAccessibleName(accessible);
    return widget;
}

QSpinBox* spin(QWidget* parent, const QString& name, const QString& accessible, int max,
               const QString& suffix = {})
{
    auto* s = named(new QSpinBox(parent), name, accessible);
    s->setRange(1, max);
    s->setGroupSeparatorShown(true);
    s->setSuffix(suffix);
    return s;
}

QString colourFor(const QWidget* w, bool ok)
{
    const bool dark = w->palette().color(QPalette::Window).lightness() < 128;
    return ok ? (dark ? QStringLiteral("#81c784") : QStringLiteral("#1b5e20"))
              : (dark ? QStringLiteral("#f46b6b") : QStringLiteral("#b71c1c"));
}
} // namespace

SettingsDialog::SettingsDialog(SessionController* controller, QWidget* parent)
    : QDialog(parent), m_controller(controller), m_tester(new ConnectionTester(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setAccessibleName(tr("Settings"));
    setWindowTitle(tr("Settings"));
    QSettings qs;
    m_profiles = settings::loadProfiles(qs);

    m_tabs = named(new QTabWidget(this), QStringLiteral("settingsTabs"), tr("Settings sections"));
    m_tabs->addTab(buildProvidersTab(), tr("&Providers"));
    m_tabs->addTab(buildSmtpTab(), tr("&Email (SMTP)"));
    m_tabs->addTab(buildBudgetsTab(), tr("&Budgets"));
    m_message = named(new QLabel(this), QStringLiteral("settingsMessage"), tr("Settings status"));
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("settingsSaveButton"));
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save settings"));
    m_buttons->button(QDialogButtonBox::Close)
        ->setObjectName(QStringLiteral("settingsCloseButton"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close settings"));
    connect(m_buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(760, 520);
}

SettingsDialog::~SettingsDialog()
{
    // Hiding the dialog in QDialog's destructor moves the focus: editingFinished must not reach
    // this half-destroyed object.
    for (QWidget* w : std::initializer_list<QWidget*>{m_name, m_provider, m_baseUrl, m_model,
                                                      m_region, m_fallbacks, m_smtpUrl, m_smtpUser})
        w->disconnect(this);
}

QWidget* SettingsDialog::buildProvidersTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("providersTab"));
    m_profileList =
        named(new QListWidget(tab), QStringLiteral("providerProfileList"), tr("Provider profiles"));
    m_profileList->setSpacing(2);
    m_addProfile = named(new QPushButton(tr("&Add"), tab), QStringLiteral("addProfileButton"),
                         tr("Add a provider profile"));
    m_removeProfile =
        named(new QPushButton(tr("&Remove"), tab), QStringLiteral("removeProfileButton"),
              tr("Remove the selected profile"));
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addProfile);
    listButtons->addWidget(m_removeProfile);
    auto* left = new QVBoxLayout;
    left->addWidget(m_profileList, 1);
    left->addLayout(listButtons);

    m_profileForm = new QWidget(tab);
    m_profileForm->setObjectName(QStringLiteral("providerProfileForm"));
    m_name =
        named(new QLineEdit(m_profileForm), QStringLiteral("profileNameEdit"), tr("Profile name"));
    m_provider =
        named(new QComboBox(m_profileForm), QStringLiteral("profileProviderCombo"), tr("Provider"));
    m_provider->addItems(llm::knownProviders());
    m_baseUrl = named(new QLineEdit(m_profileForm), QStringLiteral("profileBaseUrlEdit"),
                      tr("Endpoint (base URL)"));
    m_model = named(new QLineEdit(m_profileForm), QStringLiteral("profileModelEdit"), tr("Model"));
    m_model->setPlaceholderText(tr("e.g. gpt-4o-mini"));
    m_region =
        named(new QLineEdit(m_profileForm), QStringLiteral("profileRegionEdit"), tr("Region"));
    m_region->setPlaceholderText(tr("e.g. eu-west-1 (for data-residency policies)"));
    m_fallbacks = named(new QLineEdit(m_profileForm), QStringLiteral("profileFallbacksEdit"),
                        tr("Fallback profiles"));
    m_fallbacks->setPlaceholderText(tr("other profiles, comma-separated, tried in order"));
    m_providerKey = new KeyField(QStringLiteral("providerKey"), tr("API key"), m_profileForm);
    m_test = named(new QPushButton(tr("&Test Connection"), m_profileForm),
                   QStringLiteral("testConnectionButton"), tr("Test the connection"));
    m_testResult = named(new QLabel(m_profileForm), QStringLiteral("testConnectionResult"),
                         tr("Connection test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    auto* form = new QFormLayout(m_profileForm);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Pro&vider:"), m_provider);
    form->addRow(tr("&Endpoint:"), m_baseUrl);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("Re&gion:"), m_region);
    form->addRow(tr("&Fallbacks:"), m_fallbacks);
    form->addRow(tr("API &key:"), m_providerKey);
    form->addRow(QString(), testRow);

    auto* layout = new QHBoxLayout(tab);
    layout->addLayout(left, 2);
    layout->addWidget(m_profileForm, 5);

    for (const ProviderProfile& p : m_profiles)
        m_profileList->addItem(p.name);
    connect(m_profileList, &QListWidget::currentRowChanged, this, &SettingsDialog::showProfile);
    connect(m_addProfile, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    for (QLineEdit* edit : {m_name, m_baseUrl, m_model, m_region, m_fallbacks})
        connect(edit, &QLineEdit::editingFinished, this, &SettingsDialog::storeProfileFields);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &SettingsDialog::storeProfileFields);
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_tester, &ConnectionTester::finished, this, [this](bool ok, const QString& message) {
        m_test->setEnabled(true);
        m_testResult->setText((ok ? QStringLiteral("\u2714 ") : QStringLiteral("\u2718 ")) +
                              message);
        m_testResult->setStyleSheet(QStringLiteral("color: %1;").arg(colourFor(this, ok)));
    });
    m_profileList->setCurrentRow(m_profiles.empty() ? -1 : 0);
    showProfile(m_profileList->currentRow());
    return tab;
}

void SettingsDialog::showProfile(int row)
{
    m_shownProfile = -1; // no write-back while the fields are filled
    const bool valid = row >= 0 && row < int(m_profiles.size());
    m_profileForm->setEnabled(valid);
    m_removeProfile->setEnabled(valid);
    const ProviderProfile p = valid ? m_profiles[size_t(row)] : ProviderProfile{};
    m_name->setText(p.name);
    m_provider->setCurrentText(p.provider);
    m_baseUrl->setText(p.baseUrl);
    m_baseUrl->setPlaceholderText(settings::defaultBaseUrl(p.provider).isEmpty()
                                      ? tr("e.g. http://localhost:8080/v1")
                                      : settings::defaultBaseUrl(p.provider));
    m_model->setText(p.model);
    m_region->setText(p.region);
    m_fallbacks->setText(p.fallbacks.join(QStringLiteral(", ")));
    m_providerKey->setEntry(valid ? p.keyEntry() : QString(),
                            tr("Add a profile to store its key."));
    m_testResult->clear();
    m_shownProfile = valid ? row : -1;
}

void SettingsDialog::storeProfileFields()
{
    if (m_shownProfile < 0 || m_shownProfile >= int(m_profiles.size()))
        return;
    ProviderProfile& p = m_profiles[size_t(m_shownProfile)];
    p.name = m_name->text().trimmed();
    p.provider = m_provider->currentText();
    p.baseUrl = m_baseUrl->text().trimmed();
    p.model = m_model->text().trimmed();
    p.region = m_region->text().trimmed();
    p.fallbacks.clear();
    for (const QString& f : m_fallbacks->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!f.trimmed().isEmpty())
            p.fallbacks << f.trimmed();
    }
    m_profileList->item(m_shownProfile)->setText(p.name);
    const QString fallbackUrl = settings::defaultBaseUrl(p.provider);
    m_baseUrl->setPlaceholderText(fallbackUrl.isEmpty() ? tr("e.g. http://localhost:8080/v1")
                                                        : fallbackUrl);
    // The key belongs to the profile's name: a renamed profile stores under its new name.
    m_providerKey->setEntry(p.name.isEmpty() ? QString() : p.keyEntry(),
                            tr("Name the profile to store its key."));
}

void SettingsDialog::addProfile()
{
    storeProfileFields();
    ProviderProfile p;
    p.provider = llm::knownProviders().value(0);
    // The first profile of a provider takes the provider's name: that is the entry runs read.
    p.name = p.provider;
    for (int n = 2; std::any_of(m_profiles.begin(), m_profiles.end(),
                                [&](const ProviderProfile& o) { return o.name == p.name; });
         ++n)
        p.name = p.provider + QLatin1Char('-') + QString::number(n);
    m_profiles.push_back(p);
    m_profileList->addItem(p.name);
    m_profileList->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void SettingsDialog::removeProfile()
{
    const int row = m_profileList->currentRow();
    if (row < 0 || row >= int(m_profiles.size()))
        return;
    m_shownProfile = -1;
    m_profiles.erase(m_profiles.begin() + row);
    delete m_profileList->takeItem(row);
    showProfile(m_profileList->currentRow());
}

void SettingsDialog::testConnection()
{
    storeProfileFields();
    if (m_shownProfile < 0)
        return;
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Sending a one-word request\u2026"));
    m_tester->test(m_profiles[size_t(m_shownProfile)]);
}

QWidget* SettingsDialog::buildSmtpTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("smtpTab"));
    m_smtpNote = named(new QLabel(tab), QStringLiteral("smtpNote"), tr("About the SMTP settings"));
    m_smtpNote->setWordWrap(true);
    m_smtpUrl = named(new QLineEdit(tab), QStringLiteral("smtpUrlEdit"), tr("SMTP server URL"));
    m_smtpUrl->setPlaceholderText(tr(
        "smtp://mail.example.com:587 or smtps://\u2026; empty: write emails to the outbox folder"));
    m_smtpFrom = named(new QLineEdit(tab), QStringLiteral("smtpFromEdit"), tr("Sender address"));
    m_smtpFrom->setPlaceholderText(tr("e.g. finance-bot@example.com"));
    m_smtpUser = named(new QLineEdit(tab), QStringLiteral("smtpUsernameEdit"), tr("SMTP username"));
    m_smtpPassword = new KeyField(QStringLiteral("smtpPassword"), tr("SMTP password"), tab);
    auto* form = new QFormLayout(tab);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_smtpNote);
    form->addRow(tr("&Server:"), m_smtpUrl);
    form->addRow(tr("&From:"), m_smtpFrom);
    form->addRow(tr("&Username:"), m_smtpUser);
    form->addRow(tr("&Password:"), m_smtpPassword);
    for (QLineEdit* e : {m_smtpUrl, m_smtpUser})
        connect(e, &QLineEdit::textChanged, this, &SettingsDialog::updateSmtpKeyEntry);

    const QString root = m_controller->workspaceRoot();
    for (QWidget* w : {static_cast<QWidget*>(m_smtpUrl), static_cast<QWidget*>(m_smtpFrom),
                       static_cast<QWidget*>(m_smtpUser)})
        w->setEnabled(false);
    if (root.isEmpty()) {
        m_smtpNote->setText(tr(
            "Open a workspace to edit its SMTP settings: they are stored in its workspace.json."));
        updateSmtpKeyEntry();
        return tab;
    }
    m_smtpNote->setText(tr("Loading %1/workspace.json\u2026").arg(root));
    // The file is read on a worker thread; the fields open once it is known.
    auto* watcher = new QFutureWatcher<Result<Workspace>>(this);
    connect(watcher, &QFutureWatcher<Result<Workspace>>::finished, this, [this, watcher, root] {
        watcher->deleteLater();
        const Result<Workspace> ws = watcher->result();
        if (!ws) {
            m_smtpNote->setText(ws.errorMessage());
            return;
        }
        m_savedSmtp = ws->settings().smtp;
        m_smtpUrl->setText(m_savedSmtp.url);
        m_smtpFrom->setText(m_savedSmtp.from);
        m_smtpUser->setText(m_savedSmtp.username);
        for (QWidget* w : {static_cast<QWidget*>(m_smtpUrl), static_cast<QWidget*>(m_smtpFrom),
                           static_cast<QWidget*>(m_smtpUser)})
            w->setEnabled(true);
        m_smtpNote->setText(
            tr("Stored in %1/workspace.json (changes are recorded in the audit trail); "
               "the password only in the keychain.")
                .arg(root));
    });
    watcher->setFuture(QtConcurrent::run([root] { return Workspace::open(root); }));
    updateSmtpKeyEntry();
    return tab;
}

void SettingsDialog::updateSmtpKeyEntry()
{
    SmtpSettings smtp;
    smtp.url = m_smtpUrl->text().trimmed();
    smtp.username = m_smtpUser->text().trimmed();
    m_smtpPassword->setEntry(settings::smtpKeyEntry(smtp),
                             tr("Enter the server and the username first."));
}

QWidget* SettingsDialog::buildBudgetsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("budgetsTab"));
    m_maxSteps = spin(tab, QStringLiteral("budgetMaxSteps"), tr("Maximum steps"), 100000);
    m_maxTokens = spin(tab, QStringLiteral("budgetMaxTokens"), tr("Maximum tokens"), 2'000'000'000);
    m_maxTokens->setSingleStep(10000);
    m_maxCost = named(new QLineEdit(tab), QStringLiteral("budgetMaxCost"),
                      tr("Maximum cost in US dollars"));
    m_maxWall = spin(tab, QStringLiteral("budgetMaxWallSeconds"), tr("Maximum run time in seconds"),
                     7 * 24 * 3600, tr(" s"));
    m_maxParallel =
        spin(tab, QStringLiteral("budgetMaxParallelTools"), tr("Tool calls at once"), 64);
    QSettings qs;
    const BudgetDefaults b = settings::loadBudgets(qs);
    m_maxSteps->setValue(b.maxSteps);
    m_maxTokens->setValue(int(std::min<qint64>(b.maxTokens, m_maxTokens->maximum())));
    m_maxCost->setText(b.maxCostUsd);
    m_maxWall->setValue(b.maxWallSeconds);
    m_maxParallel->setValue(b.maxParallelTools);
    auto* note = new QLabel(
        tr("The limits a new agent starts with; each agent file can change its own."), tab);
    note->setWordWrap(true);
    auto* form = new QFormLayout(tab);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(note);
    form->addRow(tr("Maximum &steps:"), m_maxSteps);
    form->addRow(tr("Maximum &tokens:"), m_maxTokens);
    form->addRow(tr("Maximum &cost (US$):"), m_maxCost);
    form->addRow(tr("Maximum &run time:"), m_maxWall);
    form->addRow(tr("Tool calls at &once:"), m_maxParallel);
    return tab;
}

void SettingsDialog::showSmtpSaved()
{
    showMessage(true, tr("Saved. The SMTP settings apply when the workspace is opened again."));
    Q_EMIT saved();
}

void SettingsDialog::showMessage(bool ok, const QString& text)
{
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colourFor(this, ok)));
}

void SettingsDialog::save()
{
    storeProfileFields();
    BudgetDefaults budgets;
    budgets.maxSteps = m_maxSteps->value();
    budgets.maxTokens = m_maxTokens->value();
    budgets.maxCostUsd = m_maxCost->text().trimmed();
    budgets.maxWallSeconds = m_maxWall->value();
    budgets.maxParallelTools = m_maxParallel->value();
    SmtpSettings smtp = m_savedSmtp;
    smtp.url = m_smtpUrl->text().trimmed();
    smtp.from = m_smtpFrom->text().trimmed();
    smtp.username = m_smtpUser->text().trimmed();

    Status check = settings::checkProfiles(m_profiles);
    if (check)
        check = settings::checkBudgets(budgets);
    if (check && !smtp.url.isEmpty()) {
        const QUrl url(smtp.url);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps")) ||
            url.host().isEmpty())
            check =
                Error::make(tr("The SMTP server must be a URL like smtp://mail.example.com:587."),
                            QStringLiteral("invalid_settings"));
        else if (!url.password().isEmpty())
            check = Error::make(
                tr("Remove the password from the SMTP URL: store it in the keychain below."),
                QStringLiteral("invalid_settings"));
    }
    if (!check) {
        showMessage(false, check.errorMessage());
        Q_EMIT saveFailed(check.errorMessage());
        return;
    }
    QSettings qs;
    settings::saveProfiles(qs, m_profiles);
    settings::saveBudgets(qs, budgets);
    qs.sync();

    const QString root = m_controller->workspaceRoot();
    const bool smtpChanged = !root.isEmpty() && m_smtpUrl->isEnabled() &&
                             (smtp.url != m_savedSmtp.url || smtp.from != m_savedSmtp.from ||
                              smtp.username != m_savedSmtp.username);
    if (!smtpChanged) {
        showMessage(true, tr("Saved."));
        Q_EMIT saved();
        return;
    }
    m_buttons->setEnabled(false);
    showMessage(true, tr("Saving\u2026"));
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, smtp] {
        watcher->deleteLater();
        m_buttons->setEnabled(true);
        const Status written = watcher->result();
        if (!written) {
            showMessage(false, written.errorMessage());
            Q_EMIT saveFailed(written.errorMessage());
            return;
        }
        Json changed = Json::array();
        if (smtp.url != m_savedSmtp.url)
            changed.push_back("url");
        if (smtp.from != m_savedSmtp.from)
            changed.push_back("from");
        if (smtp.username != m_savedSmtp.username)
            changed.push_back("username");
        m_savedSmtp = smtp;
        if (Journal* journal = m_controller->journal()) {
            journal->addAudit(SessionController::actor(), QStringLiteral("config.changed"),
                              QString(),
                              {{"file", "workspace.json"},
                               {"section", "smtp"},
                               {"changed", changed},
                               {"smtp",
                                {{"url", toStd(smtp.url)},
                                 {"from", toStd(smtp.from)},
                                 {"username", toStd(smtp.username)}}}});
            // Saved once the change is on record (committed off this thread).
            journal->whenCommitted(this, [this](const Status& committed) {
                if (!committed) {
                    showMessage(false, committed.errorMessage());
                    Q_EMIT saveFailed(committed.errorMessage());
                    return;
                }
                showSmtpSaved();
            });
            return;
        }
        showSmtpSaved();
    });
    watcher->setFuture(
        QtConcurrent::run([root, smtp] { return settings::writeSmtpSettings(root, smtp); }));
}

} // namespace awb::ui
