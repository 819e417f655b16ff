#pragma once
// Errors are values: a function that can fail returns Result<T>, with a message a user can act on.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace awb {

struct Error
{
    QString message; // what failed, where, and what to do; shown to users as is
    QString code;    // stable machine-readable tag, e.g. "invalid_arguments", "timeout"

    static Error make(QString message, QString code = QStringLiteral("error"))
    {
        return Error{std::move(message), std::move(code)};
    }
};

// What error() of a success returns: an empty message and code.
inline const Error& noError()
{
    static const Error none{QString(), QString()};
    return none;
}

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T* operator->() const { return &std::get<T>(m_state); }
    T* operator->() { return &std::get<T>(m_state); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }

    // The error, or an empty one for a success, so that a message can be formatted whatever the
    // outcome (QVERIFY2 evaluates its message even when the check passes).
    const Error& error() const
    {
        const Error* e = std::get_if<Error>(&m_state);
        return e ? *e : noError();
    }
    const QString& errorMessage() const { return error().message; }

private:
    std::variant<T, Error> m_state;
};

// Result for operations that produce nothing but can fail.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return Status(); }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    // The error, or an empty one for a success (as Result's).
    const Error& error() const { return m_error ? *m_error : noError(); }
    const QString& errorMessage() const { return error().message; }

private:
    std::optional<Error> m_error;
};

} // namespace awb
