#pragma once
// Calls one tool of the open workspace the way `awb tools call` does: arguments validated against
// the registry's schema, "tool.call" audited and committed before the tool runs (on a worker
// thread), then "tool.result" or "tool.error", committed before finished() says so. An
// external_effect tool never runs without an explicit approval by the GUI user, which is itself
// audited as an approval decision.

#include <QObject>
#include <QPointer>

#include <memory>

#include "util/Json.h"
#include "util/Result.h"

class QElapsedTimer;

namespace awb {
struct CancelFlag;
class Journal;
class Tool;
class WorkspaceSession;
} // namespace awb

namespace awb::ui {

class SessionController;

class ToolCaller : public QObject
{
    Q_OBJECT
public:
    enum class Approval
    {
        None,           // no one approved: effects are refused
        ApprovedByUser, // the GUI user confirmed this exact call in a dialog
    };

    explicit ToolCaller(SessionController* controller, QObject* parent = nullptr);
    ~ToolCaller() override;

    // True when the tool may only run after an explicit approval (its effect is external).
    bool needsApproval(const QString& tool) const;
    // Checks that the tool exists and the arguments satisfy its registered schema.
    Status validate(const QString& tool, const Json& arguments) const;
    // Starts the call; returns an error (nothing runs) for an unknown tool, invalid arguments, a
    // missing approval or a call already running. Otherwise ends with finished().
    Status call(const QString& tool, const Json& arguments, Approval approval);
    // Records that the GUI user declined to approve this call (nothing runs).
    void recordRejection(const QString& tool, const Json& arguments);
    bool isBusy() const { return m_busy; }
    void cancel();

Q_SIGNALS:
    // text: the result as indented JSON, or what went wrong.
    void finished(const QString& tool, bool ok, const QString& text, qint64 elapsedMs);

private:
    // The call is on record: runs the tool on a worker, then audits its outcome.
    void run(WorkspaceSession& session, std::shared_ptr<const Tool> tool, const Json& arguments,
             const QString& key, const QString& actor, std::shared_ptr<CancelFlag> cancel,
             std::shared_ptr<QElapsedTimer> timer);

    SessionController* m_controller;
    std::shared_ptr<CancelFlag> m_cancel;
    bool m_busy = false;
};

} // namespace awb::ui
