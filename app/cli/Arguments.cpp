#include "Arguments.h"

namespace awb::cli {

Result<Arguments> Arguments::parse(const QStringList& args, const QSet<QString>& valueOptions,
                                   const QSet<QString>& flags)
{
    Arguments a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (!arg.startsWith(QLatin1String("--")) || arg == QLatin1String("--")) {
            a.m_positional << arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool hasInlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasInlineValue = true;
        }
        if (flags.contains(name)) {
            if (hasInlineValue)
                return Error::make(QStringLiteral("option --%1 takes no value").arg(name), QStringLiteral("usage"));
            a.m_flags.insert(name);
        } else if (valueOptions.contains(name)) {
            if (!hasInlineValue) {
                if (i + 1 >= args.size())
                    return Error::make(QStringLiteral("option --%1 needs a value").arg(name), QStringLiteral("usage"));
                value = args[++i];
            }
            a.m_values.insert(name, value);
        } else {
            QStringList known;
            for (const QString& k : valueOptions)
                known << QStringLiteral("--") + k;
            for (const QString& k : flags)
                known << QStringLiteral("--") + k;
            known.sort();
            return Error::make(QStringLiteral("unknown option --%1 (this command takes: %2)")
                                   .arg(name, known.isEmpty() ? QStringLiteral("no options") : known.join(QStringLiteral(", "))),
                               QStringLiteral("usage"));
        }
    }
    return a;
}

} // namespace awb::cli
