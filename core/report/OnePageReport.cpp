#include "report/OnePageReport.h"

#include "report/PdfWriter.h"

#include <algorithm>

namespace awb::report {

namespace {

using pdf::Align;
using pdf::Color;
using pdf::Font;
using pdf::PdfWriter;

constexpr double kMargin = 42;
constexpr double kLeft = kMargin;
constexpr double kRight = PdfWriter::kA4Width - kMargin;
constexpr double kWidth = kRight - kLeft;

constexpr Color kInk{30, 30, 30};
constexpr Color kMuted{105, 105, 105};
constexpr Color kRule{190, 190, 190};
constexpr Color kAccent{24, 78, 140};
constexpr Color kHeaderFill{226, 232, 240};
constexpr Color kZebra{246, 247, 249};
constexpr Color kAlert{170, 40, 30};

// Table geometry.
constexpr double kRowHeight = 13;
constexpr double kHeaderHeight = 16;
constexpr double kTableText = 8.5;
constexpr double kKindX = kLeft + 4;
constexpr double kRecordX = kLeft + 104;
constexpr double kAmountRight = kLeft + 284;
constexpr double kDetailX = kLeft + 294;

// Method block and footer.
constexpr double kMethodSize = 9;
constexpr double kMethodLeading = 12;
constexpr int kMethodMaxLines = 10;
constexpr double kFooterTop = PdfWriter::kA4Height - 58;

QString displayLabel(const QString& label)
{
    if (label.size() <= 3)
        return label.toUpper();
    return label.left(1).toUpper() + label.mid(1);
}

QString orNone(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("(none)") : text;
}

void tile(PdfWriter& w, double x, double y, double width, const QString& label,
          const QString& value, Color valueColor)
{
    w.fillRect(x, y, width, 44, kZebra);
    w.strokeRect(x, y, width, 44, kRule);
    w.text(x + 8, y + 14, pdf::elide(label, Font::Helvetica, 8, width - 16), Font::Helvetica, 8,
           kMuted);
    w.text(x + width - 8, y + 34, pdf::elide(value, Font::HelveticaBold, 14, width - 16),
           Font::HelveticaBold, 14, valueColor, Align::Right);
}

// "see run R, step s4" or "see run R, steps s4 and s5", naming where the hidden rows come from.
QString moreLine(qint64 hidden, const ReportContent& c, const std::vector<QString>& handles)
{
    QString where;
    if (handles.size() == 1)
        where = QStringLiteral("step %1").arg(handles.front());
    else {
        QStringList names(handles.begin(), handles.end());
        const QString last = names.takeLast();
        where = QStringLiteral("steps %1 and %2").arg(names.join(QStringLiteral(", ")), last);
    }
    return QStringLiteral("+ %1 more finding%2: see run %3, %4")
        .arg(hidden)
        .arg(hidden == 1 ? QString() : QStringLiteral("s"), orNone(c.runId), where);
}

} // namespace

RenderedReport renderOnePageReport(const ReportContent& c)
{
    PdfWriter w(c.title, c.generatedAt);
    w.newPage();

    // Header: title and context on the left, provenance on the right.
    const double provenanceWidth = 190;
    w.text(kLeft, 58, pdf::elide(c.title, Font::HelveticaBold, 18, kWidth - provenanceWidth - 10),
           Font::HelveticaBold, 18, kInk);
    w.text(kRight, 46,
           QStringLiteral("Generated %1 UTC")
               .arg(c.generatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
           Font::Helvetica, 8, kMuted, Align::Right);
    w.text(
        kRight, 57,
        pdf::elide(QStringLiteral("Run %1 \u00b7 step %2").arg(orNone(c.runId), orNone(c.stepId)),
                   Font::Helvetica, 8, provenanceWidth),
        Font::Helvetica, 8, kMuted, Align::Right);
    const QString context = QStringLiteral("Period: %1    Prepared for: %2")
                                .arg(orNone(c.period), orNone(c.preparedFor));
    w.text(kLeft, 76, pdf::elide(context, Font::Helvetica, 10, kWidth), Font::Helvetica, 10, kInk);
    w.line(kLeft, 86, kRight, 86, kAccent, 1.2);

    // Headline totals.
    const ReconciliationSummary& r = c.reconciliation;
    const double tileWidth = (kWidth - 16) / 3;
    tile(w, kLeft, 96, tileWidth, displayLabel(r.leftLabel) + QStringLiteral(" total, as booked"),
         formatAmount(r.leftTotal), kInk);
    tile(w, kLeft + tileWidth + 8, 96, tileWidth,
         displayLabel(r.rightLabel) + QStringLiteral(" total, as booked"), formatAmount(r.rightTotal), kInk);
    tile(w, kLeft + 2 * (tileWidth + 8), 96, tileWidth, QStringLiteral("Difference"),
         formatAmount(r.difference), r.difference == Decimal() ? kInk : kAlert);
    const QString counts = QStringLiteral("Matched: %1    Mismatched: %2    Missing in %3: %4    "
                                          "Missing in %5: %6")
                               .arg(r.matched)
                               .arg(r.mismatched)
                               .arg(r.leftLabel)
                               .arg(r.missingInLeft)
                               .arg(r.rightLabel)
                               .arg(r.missingInRight);
    w.text(kLeft, 156, pdf::elide(counts, Font::Helvetica, 9.5, kWidth), Font::Helvetica, 9.5,
           kInk);
    QStringList kinds;
    for (const auto& [kind, count] : c.anomaliesByKind)
        kinds << QStringLiteral("%1 %2").arg(kind).arg(count);
    const QString anomalyLine =
        QStringLiteral("Anomalies by kind: %1")
            .arg(kinds.isEmpty() ? QStringLiteral("none") : kinds.join(QStringLiteral(" \u00b7 ")));
    w.text(kLeft, 170, pdf::elide(anomalyLine, Font::Helvetica, 9.5, kWidth), Font::Helvetica, 9.5,
           kInk);

    // The method paragraph and footer are placed from the bottom up; the table gets the rest.
    QStringList method = pdf::wrap(c.method.trimmed().isEmpty() ? QStringLiteral("(not stated)")
                                                                : c.method.trimmed(),
                                   Font::Helvetica, kMethodSize, kWidth);
    if (method.size() > kMethodMaxLines) {
        method = method.mid(0, kMethodMaxLines);
        method.last() = pdf::elide(method.last() + QStringLiteral(" \u2026"), Font::Helvetica,
                                   kMethodSize, kWidth);
    }
    const double methodTop = kFooterTop - 10 - (18 + method.size() * kMethodLeading);

    const double tableTop = 188;
    w.text(kLeft, tableTop, QStringLiteral("Findings"), Font::HelveticaBold, 11, kInk);
    const qint64 total = c.totalFindings();
    w.text(kLeft + pdf::textWidth(QStringLiteral("Findings "), Font::HelveticaBold, 11), tableTop,
           QStringLiteral("(%1, largest amounts first)").arg(total), Font::Helvetica, 9, kMuted);
    const double headerTop = tableTop + 6;
    w.fillRect(kLeft, headerTop, kWidth, kHeaderHeight, kHeaderFill);
    const double headerBaseline = headerTop + 11;
    w.text(kKindX, headerBaseline, QStringLiteral("Kind"), Font::HelveticaBold, kTableText, kInk);
    w.text(kRecordX, headerBaseline, QStringLiteral("Record"), Font::HelveticaBold, kTableText,
           kInk);
    w.text(kAmountRight, headerBaseline, QStringLiteral("Amount"), Font::HelveticaBold, kTableText,
           kInk, Align::Right);
    w.text(kDetailX, headerBaseline, QStringLiteral("Detail"), Font::HelveticaBold, kTableText,
           kInk);

    const double rowsTop = headerTop + kHeaderHeight;
    const qint64 capacity = std::max<qint64>(0, qint64((methodTop - 12 - rowsTop) / kRowHeight));
    const qint64 listed = qint64(c.findings.size());
    // Everything fits only when no finding is hidden; otherwise one row is kept for the note.
    qint64 shown = total <= capacity ? listed : std::min(listed, std::max<qint64>(0, capacity - 1));
    double y = rowsTop;
    for (qint64 i = 0; i < shown; ++i) {
        const Finding& f = c.findings[size_t(i)];
        if (i % 2 == 1)
            w.fillRect(kLeft, y, kWidth, kRowHeight, kZebra);
        const double baseline = y + 9.5;
        w.text(kKindX, baseline,
               pdf::elide(f.kind, Font::Helvetica, kTableText, kRecordX - kKindX - 6),
               Font::Helvetica, kTableText, kInk);
        w.text(kRecordX, baseline,
               pdf::elide(f.record, Font::Helvetica, kTableText, kAmountRight - kRecordX - 60),
               Font::Helvetica, kTableText, kInk);
        w.text(kAmountRight, baseline, formatAmount(f.amount), Font::Helvetica, kTableText, kInk,
               Align::Right);
        w.text(kDetailX, baseline,
               pdf::elide(f.detail, Font::Helvetica, kTableText, kRight - kDetailX - 4),
               Font::Helvetica, kTableText, kInk);
        y += kRowHeight;
    }
    if (listed == 0 && total == 0) {
        w.text(kKindX, y + 9.5, QStringLiteral("No findings."), Font::Helvetica, kTableText,
               kMuted);
        y += kRowHeight;
    }
    w.line(kLeft, y, kRight, y, kRule);
    if (shown < total) {
        // Name the steps holding the hidden rows, in the order the results were given.
        std::vector<QString> handles;
        for (const QString& source : c.sources) {
            const bool hidden =
                std::any_of(c.findings.begin() + std::ptrdiff_t(shown), c.findings.end(),
                            [&](const Finding& f) { return f.handle == source; }) ||
                (c.unlistedByHandle.count(source) && c.unlistedByHandle.at(source) > 0);
            if (hidden && std::find(handles.begin(), handles.end(), source) == handles.end())
                handles.push_back(source);
        }
        w.text(kKindX, y + 11,
               pdf::elide(moreLine(total - shown, c, handles), Font::HelveticaBold, kTableText,
                          kWidth - 8),
               Font::HelveticaBold, kTableText, kAccent);
        y += kRowHeight;
    }

    // Method: right below the table, or as low as the table's room reached.
    const double methodY = std::min(methodTop, y + 14);
    w.text(kLeft, methodY + 12, QStringLiteral("Method"), Font::HelveticaBold, 11, kInk);
    double my = methodY + 18 + kMethodLeading - 3;
    for (const QString& lineText : method) {
        w.text(kLeft, my, lineText, Font::Helvetica, kMethodSize, kInk);
        my += kMethodLeading;
    }

    // Footer: the audit head proves which trail this report was rendered against.
    w.line(kLeft, kFooterTop, kRight, kFooterTop, kRule);
    w.text(kLeft, kFooterTop + 14,
           pdf::elide(QStringLiteral("Audit trail head at rendering: %1").arg(orNone(c.auditHead)),
                      Font::Helvetica, 8, kWidth),
           Font::Helvetica, 8, kInk);
    w.text(kLeft, kFooterTop + 26, QStringLiteral("Prepared by Agent Workbench"), Font::Helvetica,
           8, kMuted);
    w.text(kRight, kFooterTop + 26, QStringLiteral("Page 1 of 1"), Font::Helvetica, 8, kMuted,
           Align::Right);

    return RenderedReport{w.toPdf(), total, shown};
}

} // namespace awb::report
