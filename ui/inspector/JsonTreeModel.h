#pragma once
// A JSON document as a tree (key, value, type) for folding: objects and arrays are rows whose
// children are their members. Built once per document; read-only.

#include <QAbstractItemModel>

#include <memory>
#include <vector>

#include "util/Json.h"

namespace awb::ui {

class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        TypeColumn,
        ColumnCount
    };

    explicit JsonTreeModel(QObject* parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const Json& document);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        QString key;
        QString value; // scalars: the value; containers: a summary ("{3}", "[12]")
        QString type;
        Node* parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    static void build(Node& node, const Json& value);
    const Node* nodeAt(const QModelIndex& index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace awb::ui
