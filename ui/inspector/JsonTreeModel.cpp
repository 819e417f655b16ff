#include "inspector/JsonTreeModel.h"

namespace awb::ui {

JsonTreeModel::JsonTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const Json& document)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (document.is_object() || document.is_array()) {
        build(*m_root, document);
    } else if (!document.is_null()) {
        auto only = std::make_unique<Node>();
        build(*only, document);
        only->parent = m_root.get();
        m_root->children.push_back(std::move(only));
    }
    endResetModel();
}

void JsonTreeModel::build(Node& node, const Json& value)
{
    const auto addChild = [&node](const QString& key, const Json& v) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->parent = &node;
        child->row = int(node.children.size());
        build(*child, v);
        node.children.push_back(std::move(child));
    };
    switch (value.type()) {
    case Json::value_t::object:
        node.type = tr("object");
        node.value = QStringLiteral("{%1}").arg(value.size());
        for (auto it = value.begin(); it != value.end(); ++it)
            addChild(toQ(it.key()), it.value());
        break;
    case Json::value_t::array: {
        node.type = tr("array");
        node.value = QStringLiteral("[%1]").arg(value.size());
        int i = 0;
        for (const Json& v : value)
            addChild(QString::number(i++), v);
        break;
    }
    case Json::value_t::string:
        node.type = tr("string");
        node.value = toQ(value.get<std::string>());
        break;
    case Json::value_t::boolean:
        node.type = tr("boolean");
        node.value = toQ(value.dump());
        break;
    case Json::value_t::null:
        node.type = tr("null");
        node.value = QStringLiteral("null");
        break;
    default:
        node.type = tr("number");
        node.value = toQ(value.dump());
        break;
    }
}

const JsonTreeModel::Node* JsonTreeModel::nodeAt(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<const Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node* p = nodeAt(parent);
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const Node* n = nodeAt(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node* n = nodeAt(index);
    if (role == Qt::ToolTipRole && index.column() == ValueColumn && n->children.empty())
        return n->value.size() > 80 ? QVariant(n->value.left(2000)) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case KeyColumn:
        return n->key;
    case ValueColumn:
        // One line per row: long strings are shown whole in the text view and the tooltip.
        return n->value.size() > 300 ? n->value.left(300) + QChar(0x2026) : n->value;
    case TypeColumn:
        return n->type;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace awb::ui
