#pragma once
// The tool schema editor: a tool's input JSON Schema with syntax colours, checked as you type
// (debounced) against the draft-07 meta-schema with problems shown at their line, and a form
// generated from the schema to call the tool and see its result. Effects still need approval.

#include <QWidget>

#include <vector>

#include "editors/SchemaCheck.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace awb::ui {

class CodeEditor;
class SchemaForm;
class SessionController;
class ToolCaller;

class SchemaEditor : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaEditor(SessionController* controller, QWidget* parent = nullptr);
    ~SchemaEditor() override;

    // Shows the named tool's schema; false when the workspace has no such tool.
    bool selectTool(const QString& name);
    QString currentTool() const;
    void setSchemaText(const QString& text);
    QString schemaText() const;
    // The problems of the last finished check.
    const std::vector<SchemaProblem>& problems() const { return m_problems; }
    SchemaForm* form() const { return m_form; }
    CodeEditor* editor() const { return m_editor; }

Q_SIGNALS:
    // A check of the text finished and its problems are shown.
    void checked();
    // A call finished and its result (or error) is shown.
    void callFinished(bool ok);

private:
    void reloadTools();
    void onToolChosen(int index);
    void startCheck();
    void applyCheck(const SchemaCheckResult& result);
    void callTool();
    void onCallFinished(const QString& tool, bool ok, const QString& text, qint64 elapsedMs);
    void showResult(bool ok, const QString& status, const QString& text);
    void updateActions();

    SessionController* m_controller;
    ToolCaller* m_caller;
    QComboBox* m_tools;
    QLabel* m_effect;
    QPushButton* m_reset;
    CodeEditor* m_editor;
    QListWidget* m_problemList;
    QLabel* m_status;
    SchemaForm* m_form;
    QPushButton* m_call;
    QPushButton* m_cancel;
    QLabel* m_resultStatus;
    QPlainTextEdit* m_result;
    QTimer* m_debounce;
    std::vector<SchemaProblem> m_problems;
    Json m_formSchema;
    bool m_valid = false;
    int m_generation = 0;
};

} // namespace awb::ui
