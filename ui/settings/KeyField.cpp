#include "settings/KeyField.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include "security/Keychain.h"

namespace awb::ui {

namespace {
// What a worker found out; never the secret itself.
struct KeyOutcome
{
    KeyField::State state = KeyField::State::Failed;
    QString error;
};
} // namespace

KeyField::KeyField(const QString& name, const QString& accessibleName, QWidget* parent)
    : QWidget(parent), m_edit(new QLineEdit(this)),
      m_store(new QPushButton(tr("Store in Keychain"), this)), m_status(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Field"));
    m_edit->setObjectName(name + QStringLiteral("Edit"));
    m_edit->setAccessibleName(accessibleName);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(tr("Paste the secret, then store it"));
    m_store->setObjectName(name + QStringLiteral("StoreButton"));
    m_store->setAccessibleName(tr("Store %1 in the keychain").arg(accessibleName));
    m_store->setEnabled(false);
    m_status->setObjectName(name + QStringLiteral("State"));
    m_status->setAccessibleName(tr("%1: keychain state").arg(accessibleName));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_store);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_status);
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_store->setEnabled(!text.isEmpty() && !m_entry.isEmpty() && m_state != State::Storing);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &KeyField::store);
    connect(m_store, &QPushButton::clicked, this, &KeyField::store);
    setEntry({});
}

void KeyField::setEntry(const QString& entry, const QString& whyNone)
{
    if (entry == m_entry && m_state != State::NoEntry)
        return;
    m_entry = entry;
    m_whyNone = whyNone;
    m_edit->setEnabled(!entry.isEmpty());
    m_store->setEnabled(false);
    if (entry.isEmpty()) {
        ++m_generation;
        setState(State::NoEntry);
        return;
    }
    m_edit->setToolTip(tr("Keychain entry \"%1\"").arg(entry));
    checkPresence();
}

QString KeyField::message() const
{
    return m_status->text();
}

void KeyField::checkPresence()
{
    const int generation = ++m_generation;
    setState(State::Checking);
    auto* watcher = new QFutureWatcher<KeyOutcome>(this);
    connect(watcher, &QFutureWatcher<KeyOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            setState(watcher->result().state, watcher->result().error);
    });
    watcher->setFuture(QtConcurrent::run([entry = m_entry] {
        const auto read = Keychain::read(entry);
        if (!read)
            return KeyOutcome{State::Failed, read.errorMessage()};
        return KeyOutcome{read->has_value() ? State::Stored : State::Missing, {}};
    }));
}

void KeyField::store()
{
    if (m_entry.isEmpty() || m_edit->text().isEmpty())
        return;
    QString secret = m_edit->text();
    // The secret leaves the widget now and is never shown again.
    m_edit->clear();
    const int generation = ++m_generation;
    setState(State::Storing);
    auto* watcher = new QFutureWatcher<KeyOutcome>(this);
    connect(watcher, &QFutureWatcher<KeyOutcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            setState(watcher->result().state, watcher->result().error);
    });
    watcher->setFuture(QtConcurrent::run([entry = m_entry, secret = std::move(secret)] {
        const Status s = Keychain::write(entry, secret);
        return s ? KeyOutcome{State::Stored, {}} : KeyOutcome{State::Failed, s.errorMessage()};
    }));
}

void KeyField::setState(State state, const QString& detail)
{
    m_state = state;
    QString text;
    bool good = false;
    switch (state) {
    case State::NoEntry:
        text = m_whyNone;
        break;
    case State::Checking:
        text = tr("Checking the keychain\u2026");
        break;
    case State::Stored:
        text = tr("\u2714 Stored in keychain (entry \"%1\"). Enter a new one to replace it.")
                   .arg(m_entry);
        good = true;
        break;
    case State::Missing:
        text = tr("No secret stored yet (entry \"%1\").").arg(m_entry);
        break;
    case State::Storing:
        text = tr("Storing in the keychain\u2026");
        break;
    case State::Failed:
        text = tr("Keychain: %1").arg(detail);
        break;
    }
    m_status->setText(text);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QString colour;
    if (good)
        colour = dark ? QStringLiteral("#81c784") : QStringLiteral("#1b5e20");
    else if (state == State::Failed)
        colour = dark ? QStringLiteral("#f46b6b") : QStringLiteral("#b71c1c");
    m_status->setStyleSheet(colour.isEmpty() ? QString()
                                             : QStringLiteral("color: %1;").arg(colour));
    m_store->setEnabled(!m_edit->text().isEmpty() && !m_entry.isEmpty() && state != State::Storing);
    Q_EMIT stateChanged(state);
}

} // namespace awb::ui
