#pragma once
// A secret entered into one keychain entry: a password field, a "Store in Keychain" button and the
// entry's state. The secret is written on a worker thread, the field is cleared at once and the
// secret is never read back: the state comes from a presence check, also off the GUI thread.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace awb::ui {

class KeyField : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        NoEntry,  // nothing to store into yet (e.g. no SMTP username)
        Checking, // asking the keychain whether the entry exists
        Stored,   // the keychain holds a secret for the entry
        Missing,  // the keychain is reachable and holds none
        Storing,
        Failed, // the keychain refused or is unavailable: message() says why
    };
    Q_ENUM(State)

    // name: prefix of the children's objectNames ("providerKey" -> "providerKeyEdit", ...).
    KeyField(const QString& name, const QString& accessibleName, QWidget* parent = nullptr);

    // Which keychain entry the field stores into; checks its presence. Empty disables the field.
    void setEntry(const QString& entry, const QString& whyNone = {});
    const QString& entry() const { return m_entry; }
    State state() const { return m_state; }
    QString message() const;

Q_SIGNALS:
    void stateChanged(awb::ui::KeyField::State state);

private:
    void store();
    void checkPresence();
    void setState(State state, const QString& detail = {});

    QLineEdit* m_edit;
    QPushButton* m_store;
    QLabel* m_status;
    QString m_entry;
    QString m_whyNone;
    State m_state = State::NoEntry;
    int m_generation = 0;
};

} // namespace awb::ui
