#pragma once
// A small parser for `awb COMMAND [SUBCOMMAND] [positional...] [--option value] [--flag]`:
// options are declared per command, so a mistyped option is an error, not silently ignored.

#include <QMap>
#include <QSet>
#include <QStringList>

#include "util/Result.h"

namespace awb::cli {

class Arguments
{
public:
    // valueOptions take one value ("--workspace DIR" or "--workspace=DIR"); flags take none.
    static Result<Arguments> parse(const QStringList& args, const QSet<QString>& valueOptions,
                                   const QSet<QString>& flags);

    const QStringList& positional() const { return m_positional; }
    QString value(const QString& name, const QString& fallback = {}) const { return m_values.value(name, fallback); }
    bool has(const QString& name) const { return m_values.contains(name) || m_flags.contains(name); }

private:
    QStringList m_positional;
    QMap<QString, QString> m_values;
    QSet<QString> m_flags;
};

} // namespace awb::cli
