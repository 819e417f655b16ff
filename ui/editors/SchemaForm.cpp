#include "editors/SchemaForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace awb::ui {

struct SchemaForm::Field
{
    enum class Kind
    {
        Object,
        String,
        Integer,
        Number,
        Boolean,
        Enum,
        StringList,
        Raw
    };
    QString name;
    Kind kind = Kind::Raw;
    bool required = false;
    QWidget* widget = nullptr;
    Json enumValues;
    std::vector<Field> children;
};

namespace {
QString typeOf(const Json& schema)
{
    const auto it = schema.find("type");
    if (it == schema.end())
        return schema.contains("properties") ? QStringLiteral("object") : QString();
    if (it->is_string())
        return toQ(it->get<std::string>());
    // ["string", "null"]: the first type that is not null.
    if (it->is_array()) {
        for (const Json& t : *it) {
            if (t.is_string() && t.get<std::string>() != "null")
                return toQ(t.get<std::string>());
        }
    }
    return {};
}

// The text an enum value is shown as, and parsed back from.
QString enumText(const Json& value)
{
    return value.is_string() ? toQ(value.get<std::string>()) : toQ(value.dump());
}
} // namespace

SchemaForm::SchemaForm(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("schemaForm"));
    setAccessibleName(tr("Arguments"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

SchemaForm::~SchemaForm() = default;

void SchemaForm::setSchema(const Json& schema)
{
    delete m_body;
    m_body = new QWidget(this);
    m_body->setObjectName(QStringLiteral("schemaFormBody"));
    auto* form = new QFormLayout(m_body);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_root = std::make_unique<Field>();
    m_root->kind = Field::Kind::Object;
    m_root->required = true;
    build(*m_root, schema.is_object() ? schema : Json::object(), form, QString());
    if (m_root->children.empty()) {
        auto* none = new QLabel(tr("This tool takes no arguments."), m_body);
        none->setObjectName(QStringLiteral("noArgumentsLabel"));
        form->addRow(none);
    }
    static_cast<QVBoxLayout*>(layout())->addWidget(m_body);
}

void SchemaForm::build(Field& field, const Json& schema, QFormLayout* layout, const QString& path)
{
    const Json properties = schema.value("properties", Json::object());
    const Json required = schema.value("required", Json::array());
    if (!properties.is_object())
        return;
    for (const auto& [key, sub] : properties.items()) {
        if (!sub.is_object())
            continue;
        Field child;
        child.name = toQ(key);
        child.required = required.is_array() &&
                         std::find(required.begin(), required.end(), Json(key)) != required.end();
        const QString childPath =
            path.isEmpty() ? child.name : path + QLatin1Char('/') + child.name;
        const QString type = typeOf(sub);
        const QString description = jsonString(sub, "description");
        const Json def = sub.value("default", Json());
        QWidget* parent = layout->parentWidget();

        if (sub.contains("enum") && sub["enum"].is_array()) {
            child.kind = Field::Kind::Enum;
            child.enumValues = sub["enum"];
            auto* combo = new QComboBox(parent);
            if (!child.required)
                combo->addItem(tr("(not set)"));
            for (const Json& v : child.enumValues)
                combo->addItem(enumText(v));
            if (!def.is_null())
                combo->setCurrentText(enumText(def));
            connect(combo, &QComboBox::currentIndexChanged, this, &SchemaForm::edited);
            child.widget = combo;
        } else if (type == QLatin1String("object")) {
            child.kind = Field::Kind::Object;
            auto* group = new QGroupBox(parent);
            auto* inner = new QFormLayout(group);
            inner->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            build(child, sub, inner, childPath);
            child.widget = group;
        } else if (type == QLatin1String("integer")) {
            child.kind = Field::Kind::Integer;
            auto* spin = new QSpinBox(parent);
            const int lo = sub.contains("minimum") && sub["minimum"].is_number()
                               ? sub["minimum"].get<int>()
                               : -1'000'000'000;
            const int hi = sub.contains("maximum") && sub["maximum"].is_number()
                               ? sub["maximum"].get<int>()
                               : 1'000'000'000;
            if (child.required) {
                spin->setRange(lo, hi);
            } else {
                // One below the minimum stands for "not set", shown as such.
                spin->setRange(lo - 1, hi);
                spin->setSpecialValueText(tr("(not set)"));
            }
            spin->setValue(def.is_number_integer() ? def.get<int>()
                           : child.required        ? std::clamp(0, lo, hi)
                                                   : lo - 1);
            connect(spin, &QSpinBox::valueChanged, this, &SchemaForm::edited);
            child.widget = spin;
        } else if (type == QLatin1String("boolean")) {
            child.kind = Field::Kind::Boolean;
            auto* box = new QCheckBox(parent);
            box->setTristate(!child.required);
            box->setCheckState(def.is_boolean() ? (def.get<bool>() ? Qt::Checked : Qt::Unchecked)
                               : child.required ? Qt::Unchecked
                                                : Qt::PartiallyChecked);
            if (!child.required)
                box->setToolTip(tr("Partially checked: not set"));
            connect(box, &QCheckBox::stateChanged, this, &SchemaForm::edited);
            child.widget = box;
        } else {
            auto* edit = new QLineEdit(parent);
            const Json items = sub.value("items", Json::object());
            if (type == QLatin1String("string")) {
                child.kind = Field::Kind::String;
                if (def.is_string())
                    edit->setText(toQ(def.get<std::string>()));
            } else if (type == QLatin1String("number")) {
                child.kind = Field::Kind::Number;
                edit->setPlaceholderText(tr("a number, e.g. 12.5"));
                if (def.is_number())
                    edit->setText(toQ(def.dump()));
            } else if (type == QLatin1String("array") && items.is_object() &&
                       typeOf(items) == QLatin1String("string")) {
                child.kind = Field::Kind::StringList;
                edit->setPlaceholderText(tr("comma-separated, e.g. a, b, c"));
                if (def.is_array()) {
                    QStringList parts;
                    for (const Json& v : def)
                        parts << enumText(v);
                    edit->setText(parts.join(QStringLiteral(", ")));
                }
            } else {
                child.kind = Field::Kind::Raw;
                edit->setPlaceholderText(tr("JSON, e.g. %1")
                                             .arg(type == QLatin1String("array")
                                                      ? QStringLiteral("[1, 2]")
                                                      : QStringLiteral("{}")));
                if (!def.is_null())
                    edit->setText(toQ(def.dump()));
            }
            if (!description.isEmpty() && edit->placeholderText().isEmpty())
                edit->setPlaceholderText(description);
            connect(edit, &QLineEdit::textChanged, this, &SchemaForm::edited);
            child.widget = edit;
        }

        child.widget->setObjectName(QStringLiteral("field:") + childPath);
        child.widget->setAccessibleName(child.name);
        if (!description.isEmpty()) {
            child.widget->setToolTip(description);
            child.widget->setAccessibleDescription(description);
        }
        auto* label = new QLabel(child.required ? tr("%1 *").arg(child.name) : child.name, parent);
        label->setObjectName(QStringLiteral("label:") + childPath);
        label->setBuddy(child.widget);
        if (child.required) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
            label->setToolTip(tr("Required"));
        }
        layout->addRow(label, child.widget);
        field.children.push_back(std::move(child));
    }
}

Result<std::optional<Json>> SchemaForm::valueOf(const Field& field) const
{
    using Kind = Field::Kind;
    switch (field.kind) {
    case Kind::Object: {
        Json object = Json::object();
        for (const Field& c : field.children) {
            auto v = valueOf(c);
            if (!v)
                return v.error();
            if (v->has_value())
                object[toStd(c.name)] = **v;
        }
        if (object.empty() && !field.required)
            return std::optional<Json>();
        return std::optional<Json>(object);
    }
    case Kind::String: {
        const QString text = static_cast<QLineEdit*>(field.widget)->text();
        if (text.isEmpty() && !field.required)
            return std::optional<Json>();
        return std::optional<Json>(Json(toStd(text)));
    }
    case Kind::Integer: {
        const auto* spin = static_cast<QSpinBox*>(field.widget);
        const int v = spin->value();
        if (v == spin->minimum() && !field.required)
            return std::optional<Json>();
        return std::optional<Json>(Json(v));
    }
    case Kind::Boolean: {
        const Qt::CheckState state = static_cast<QCheckBox*>(field.widget)->checkState();
        if (state == Qt::PartiallyChecked)
            return std::optional<Json>();
        return std::optional<Json>(Json(state == Qt::Checked));
    }
    case Kind::Enum: {
        auto* combo = static_cast<QComboBox*>(field.widget);
        const int index = combo->currentIndex() - (field.required ? 0 : 1);
        if (index < 0 || index >= int(field.enumValues.size()))
            return std::optional<Json>();
        return std::optional<Json>(field.enumValues[size_t(index)]);
    }
    case Kind::StringList: {
        const QString text = static_cast<QLineEdit*>(field.widget)->text().trimmed();
        if (text.isEmpty() && !field.required)
            return std::optional<Json>();
        Json list = Json::array();
        for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                list.push_back(toStd(part.trimmed()));
        }
        return std::optional<Json>(list);
    }
    case Kind::Number:
    case Kind::Raw: {
        const QString text = static_cast<QLineEdit*>(field.widget)->text().trimmed();
        if (text.isEmpty() && !field.required)
            return std::optional<Json>();
        auto parsed = parseJson(text.toUtf8());
        if (!parsed || (field.kind == Kind::Number && !parsed->is_number()))
            return Error::make(
                field.kind == Kind::Number
                    ? tr("%1: \"%2\" is not a number").arg(field.name, text)
                    : tr("%1: not valid JSON (%2)")
                          .arg(field.name, parsed ? QString() : parsed.errorMessage()),
                QStringLiteral("invalid_arguments"));
        return std::optional<Json>(*parsed);
    }
    }
    return std::optional<Json>();
}

Result<Json> SchemaForm::arguments() const
{
    if (!m_root)
        return Json::object();
    auto v = valueOf(*m_root);
    if (!v)
        return v.error();
    return v->value_or(Json::object());
}

} // namespace awb::ui
