#pragma once
// A form generated from a tool's input schema, to fill in a call's arguments: string -> line edit,
// integer -> spin box, number -> line edit, boolean -> check box, enum -> combo box, array of
// strings -> comma-separated list, object -> nested group, anything else -> JSON text. Required
// members are marked; optional ones that are left empty are left out of the arguments.

#include <QWidget>

#include <memory>
#include <vector>

#include "util/Json.h"

class QFormLayout;

namespace awb::ui {

class SchemaForm : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaForm(QWidget* parent = nullptr);
    ~SchemaForm() override;

    // Rebuilds the form. Each field's objectName is "field:" plus its path ("field:period/start").
    void setSchema(const Json& schema);
    // The arguments as filled in; an error names the field whose text is not valid.
    Result<Json> arguments() const;

Q_SIGNALS:
    void edited();

private:
    struct Field;
    void build(Field& field, const Json& schema, QFormLayout* layout, const QString& path);
    Result<std::optional<Json>> valueOf(const Field& field) const;

    std::unique_ptr<Field> m_root;
    QWidget* m_body = nullptr;
};

} // namespace awb::ui
