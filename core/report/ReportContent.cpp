#include "report/ReportContent.h"

#include <algorithm>
#include <optional>

namespace awb::report {

namespace {

Error lacks(const QString& what, const QString& handle, const QString& member)
{
    return Error::make(QStringLiteral("the %1 result \"%2\" lacks %3; pass the handle that the %1 "
                                      "tool returned")
                           .arg(what, handle, member),
                       QStringLiteral("invalid_arguments"));
}

std::optional<Decimal> decimalMember(const Json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    return Decimal::fromJson(*it);
}

std::optional<qint64> countMember(const Json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number_unsigned())
        return qint64(it->get<quint64>());
    return std::nullopt;
}

// A record key or id as text: strings as they are, other scalars in their JSON form.
QString scalarText(const Json& value)
{
    if (value.is_string())
        return toQ(value.get<std::string>());
    if (value.is_null())
        return {};
    return toQ(value.dump());
}

QString amountOrBlank(const Json& object, const char* key)
{
    const auto amount = decimalMember(object, key);
    return amount ? formatAmount(*amount) : QStringLiteral("?");
}

} // namespace

qint64 ReportContent::totalFindings() const
{
    qint64 total = qint64(findings.size());
    for (const auto& [handle, count] : unlistedByHandle)
        total += count;
    return total;
}

Status addReconciliation(ReportContent& content, const Json& result, const QString& handle)
{
    const QString what = QStringLiteral("reconcile");
    if (!result.is_object())
        return lacks(what, handle, QStringLiteral("a JSON object (it is not an object)"));
    const auto summaryIt = result.find("summary");
    if (summaryIt == result.end() || !summaryIt->is_object())
        return lacks(what, handle, QStringLiteral("\"summary\""));
    const Json& summary = *summaryIt;

    ReconciliationSummary s;
    if (const auto labels = result.find("labels"); labels != result.end() && labels->is_object()) {
        s.leftLabel = jsonString(*labels, "left", s.leftLabel);
        s.rightLabel = jsonString(*labels, "right", s.rightLabel);
    }
    const auto left = decimalMember(summary, "left_total");
    const auto right = decimalMember(summary, "right_total");
    if (!left)
        return lacks(what, handle, QStringLiteral("\"summary.left_total\" (a decimal amount)"));
    if (!right)
        return lacks(what, handle, QStringLiteral("\"summary.right_total\" (a decimal amount)"));
    s.leftTotal = *left;
    s.rightTotal = *right;
    s.difference = decimalMember(summary, "difference").value_or(*left - *right);
    struct CountField
    {
        const char* key;
        qint64* target;
    };
    for (const CountField& f :
         {CountField{"matched", &s.matched}, CountField{"mismatched", &s.mismatched},
          CountField{"missing_in_left", &s.missingInLeft},
          CountField{"missing_in_right", &s.missingInRight}}) {
        const auto count = countMember(summary, f.key);
        if (!count)
            return lacks(what, handle,
                         QStringLiteral("\"summary.%1\" (an integer)").arg(QLatin1String(f.key)));
        *f.target = *count;
    }

    // Findings from the three lists; each list must be an array of objects.
    std::vector<Finding> findings;
    for (const char* list : {"mismatched", "missing_in_left", "missing_in_right"}) {
        const auto it = result.find(list);
        if (it == result.end() || !it->is_array())
            return lacks(what, handle, QStringLiteral("the array \"%1\"").arg(QLatin1String(list)));
        for (const Json& item : *it) {
            if (!item.is_object() || !item.contains("key"))
                return lacks(
                    what, handle,
                    QStringLiteral("\"key\" in an entry of \"%1\"").arg(QLatin1String(list)));
            Finding f;
            f.record = scalarText(item.at("key"));
            f.handle = handle;
            if (QLatin1String(list) == QLatin1String("mismatched")) {
                f.kind = QStringLiteral("amount_mismatch");
                const auto l = decimalMember(item, "left_amount");
                const auto r = decimalMember(item, "right_amount");
                f.amount = decimalMember(item, "difference").value_or(l && r ? *l - *r : Decimal());
                f.detail = QStringLiteral("%1 %2 vs %3 %4")
                               .arg(s.leftLabel, amountOrBlank(item, "left_amount"), s.rightLabel,
                                    amountOrBlank(item, "right_amount"));
            } else {
                const bool onlyRight = QLatin1String(list) == QLatin1String("missing_in_left");
                f.kind =
                    onlyRight ? QStringLiteral("billed_not_posted") : QStringLiteral("not_in_crm");
                f.amount = decimalMember(item, "amount").value_or(Decimal());
                f.detail = QStringLiteral("in %1 only, missing in %2")
                               .arg(onlyRight ? s.rightLabel : s.leftLabel,
                                    onlyRight ? s.leftLabel : s.rightLabel);
            }
            findings.push_back(std::move(f));
        }
    }
    const qint64 counted = s.mismatched + s.missingInLeft + s.missingInRight;
    if (counted > qint64(findings.size()))
        content.unlistedByHandle[handle] += counted - qint64(findings.size());
    content.reconciliation = s;
    content.sources.push_back(handle);
    content.findings.insert(content.findings.end(), findings.begin(), findings.end());
    return Status::success();
}

Status addAnomalies(ReportContent& content, const Json& result, const QString& handle)
{
    const QString what = QStringLiteral("detect_anomalies");
    if (!result.is_object())
        return lacks(what, handle, QStringLiteral("a JSON object (it is not an object)"));
    const auto list = result.find("anomalies");
    if (list == result.end() || !list->is_array())
        return lacks(what, handle, QStringLiteral("the array \"anomalies\""));

    std::map<QString, qint64> byKind;
    std::vector<Finding> findings;
    for (const Json& item : *list) {
        if (!item.is_object() || !item.contains("kind") || !item.at("kind").is_string())
            return lacks(what, handle, QStringLiteral("\"kind\" in an entry of \"anomalies\""));
        Finding f;
        f.kind = toQ(item.at("kind").get<std::string>());
        for (const char* key : {"id", "record", "key"}) {
            if (item.contains(key)) {
                f.record = scalarText(item.at(key));
                break;
            }
        }
        f.amount = decimalMember(item, "amount").value_or(Decimal());
        f.detail = jsonString(item, "detail");
        f.handle = handle;
        ++byKind[f.kind];
        findings.push_back(std::move(f));
    }

    qint64 counted = qint64(findings.size());
    if (const auto summary = result.find("summary");
        summary != result.end() && summary->is_object()) {
        if (const auto kinds = summary->find("by_kind");
            kinds != summary->end() && kinds->is_object()) {
            byKind.clear();
            for (const auto& [kind, count] : kinds->items()) {
                if (count.is_number_integer())
                    byKind[toQ(kind)] = count.get<qint64>();
            }
        }
        counted = std::max(counted, countMember(*summary, "anomalies").value_or(0));
    }
    if (counted > qint64(findings.size()))
        content.unlistedByHandle[handle] += counted - qint64(findings.size());
    for (const auto& [kind, count] : byKind)
        content.anomaliesByKind[kind] += count;
    content.sources.push_back(handle);
    content.findings.insert(content.findings.end(), findings.begin(), findings.end());
    return Status::success();
}

void sortFindings(std::vector<Finding>& findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.amount.abs() != b.amount.abs())
            return a.amount.abs() > b.amount.abs();
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.record < b.record;
    });
}

QString formatAmount(Decimal amount)
{
    QString digits = amount.abs().toString(2);
    const qsizetype dot = digits.indexOf(QLatin1Char('.'));
    for (qsizetype i = (dot < 0 ? digits.size() : dot) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    // A value that rounds to zero is shown without a sign.
    const bool negative = amount.micros() < 0 && amount.abs().toMinor(2) != 0;
    return negative ? QLatin1Char('-') + digits : digits;
}

} // namespace awb::report
