#include "demo/DemoAgent.h"

namespace awb::demo {

namespace {

const char* const kQuarter = "invoice_date BETWEEN '2026-07-01' AND '2026-09-30'";

std::string q3(const char* head, const char* tail = "")
{
    return std::string(head) + " WHERE " + kQuarter + tail;
}

const char* const kInstructions =
    R"(You are a careful finance analyst supporting the month-end and quarter-end close. Your job is to reconcile recognised revenue in the ERP ledger (data source "ledger", SQLite) against the CRM billing export (data/crm_bookings_q3.csv), find anything that would misstate revenue, and brief the Chief Financial Officer.

Work from the data, never from assumptions. Start by looking at the ledger: the view revenue_postings has one row per invoice or credit note with its posting period, currency, amount, the FX rate used, the expected rate for the invoice date and the USD amount. Reconcile ledger invoices against CRM deals by deal_id, comparing amounts in the invoice currency with a tolerance of 0.50 for rounding. Then run the anomaly checks on the quarter's postings: outlier amounts per account and period (modified z-score above 6), duplicate postings, postings in a period other than the invoice month, USD conversions that do not match the rate of the invoice date, and credit notes that do not reference an existing invoice. Select the quarter by invoice date, so that invoices posted to the wrong period are still included.

Report every finding with its record id and amount; do not net differences against each other and do not round them away. Amounts are money: quote them exactly as the tools return them. If a tool returns an error, read it, correct the call and try again; if the data cannot answer a question, say so plainly instead of guessing.

When the checks are done, render the one-page PDF report (reports/q3-2026-revenue-reconciliation.pdf) and email it to the CFO (cfo@finance.example) with a short plain-text summary of the counts and the PDF attached. Sending email needs a person's approval: propose the message and wait. Finish with a concise Markdown summary of the results and the recommended next steps for Accounts Receivable and the revenue accountant. The data is confidential: never include customer data in anything other than the report and the email to the CFO.)";

const char* const kMethod =
    "Ledger invoices dated 1 July to 30 September 2026 were matched to billed CRM deals by deal "
    "id, "
    "comparing amounts in the invoice currency with a tolerance of 0.50 (the totals above add "
    "these "
    "amounts as booked, across USD, EUR, GBP and CHF). Ledger postings were "
    "checked for "
    "outlier amounts per account and period (modified z-score above 6), duplicate postings, period "
    "cut-off, USD conversion against the daily rate, and credit notes without a valid original "
    "invoice.";

const char* const kEmailBody = R"(Dear CFO,

attached is the one-page Q3 2026 revenue reconciliation (1 July to 30 September 2026) between the ERP ledger and the CRM billing export.

Ledger vs CRM, matched by deal (tolerance 0.50):
- deals that agree: {{reconcile:/summary/matched}}
- deals whose amounts differ: {{reconcile:/summary/mismatched}}
- deals billed in the CRM but not posted in the ledger: {{reconcile:/summary/missing_in_left}}
- ledger invoices with no CRM deal: {{reconcile:/summary/missing_in_right}}

Ledger checks flagged {{detect_anomalies:/summary/anomalies}} postings: {{detect_anomalies:/summary/by_kind/duplicate}} duplicate postings, {{detect_anomalies:/summary/by_kind/wrong_period}} posted to the wrong period, {{detect_anomalies:/summary/by_kind/fx_mismatch}} converted at a wrong FX rate, {{detect_anomalies:/summary/by_kind/outlier}} outlier amounts and {{detect_anomalies:/summary/by_kind/orphan_reference}} credit notes without a valid original invoice.

Every item is listed with its record id and amount in the attached report. I recommend that Accounts Receivable review the unposted deals and the duplicate postings, and that the revenue accountant correct the period and FX errors, before the Q3 books are closed.

Prepared by the q3-reconciliation agent in Agent Workbench.)";

const char* const kFinalAnswer = R"(## Q3 2026 revenue reconciliation

The one-page report is at `{{render_report:/path}}`. Email to the CFO (cfo@finance.example): **{{send_email:/status|not sent}}**.

**Ledger vs CRM** (matched by deal, tolerance 0.50)

| result | deals |
| --- | ---: |
| amounts agree | {{reconcile:/summary/matched}} |
| amounts differ | {{reconcile:/summary/mismatched}} |
| billed in CRM, not posted | {{reconcile:/summary/missing_in_left}} |
| posted, not in CRM | {{reconcile:/summary/missing_in_right}} |

**Ledger anomalies: {{detect_anomalies:/summary/anomalies}}**

| check | findings |
| --- | ---: |
| duplicate postings | {{detect_anomalies:/summary/by_kind/duplicate}} |
| wrong posting period | {{detect_anomalies:/summary/by_kind/wrong_period}} |
| wrong FX conversion | {{detect_anomalies:/summary/by_kind/fx_mismatch}} |
| outlier amounts | {{detect_anomalies:/summary/by_kind/outlier}} |
| credit notes without a valid original | {{detect_anomalies:/summary/by_kind/orphan_reference}} |

**Next steps**
1. Accounts Receivable: post the billed-but-unposted deals and reverse the duplicate invoices.
2. Revenue accountant: move the mis-dated postings to the invoice month and rebook the wrong FX conversions at the daily rate.
3. Sales operations: confirm the amount differences and the outlier invoices with the deal owners before the close.)";

Json usage(int input, int output)
{
    return {{"input_tokens", input}, {"output_tokens", output}};
}

Json call(const char* name, Json arguments)
{
    return {{"name", name}, {"arguments", std::move(arguments)}};
}

} // namespace

Json demoAgentDefinition()
{
    return {
        {"schema_version", 1},
        {"name", "q3-reconciliation"},
        {"description",
         "Reconciles Q3 2026 revenue in the ERP ledger against the CRM billing export, flags "
         "anomalies and emails the CFO a one-page PDF summary."},
        {"instructions", kInstructions},
        {"model",
         {{"provider", "scripted"},
          {"name", "scripted-q3"},
          {"script", kDemoScriptFile},
          {"fallbacks", Json::array()}}},
        {"tools", Json::array({{{"name", "sql_query"}},
                               {{"name", "reconcile"}},
                               {{"name", "detect_anomalies"}},
                               {{"name", "render_report"}},
                               {{"name", "send_email"}, {"approval", "required"}}})},
        {"budgets",
         {{"max_steps", 40},
          {"max_tokens", 400000},
          {"max_cost_usd", "5.00"},
          {"max_wall_seconds", 900},
          {"max_parallel_tools", 4}}},
        {"data_classification", "confidential"},
    };
}

Json demoAgentScript()
{
    Json turns = Json::array();
    turns.push_back(
        {{"text",
          "I'll start with an overview of Q3 revenue in the ledger: amounts by posting period and "
          "currency, and how invoices and credit notes split."},
         {"tool_calls",
          Json::array(
              {call("sql_query",
                    {{"source", "ledger"},
                     {"query",
                      q3("SELECT period, currency, COUNT(*) AS documents, printf('%.2f', "
                         "SUM(amount)) AS amount, printf('%.2f', SUM(amount_usd)) AS amount_usd "
                         "FROM revenue_postings",
                         " GROUP BY period, currency ORDER BY period, currency")}}),
               call("sql_query",
                    {{"source", "ledger"},
                     {"query",
                      q3("SELECT kind, COUNT(*) AS documents, printf('%.2f', SUM(amount_usd)) "
                         "AS amount_usd, COUNT(DISTINCT customer_id) AS customers FROM "
                         "revenue_postings",
                         " GROUP BY kind ORDER BY kind")}})})},
         {"usage", usage(3184, 297)}});
    turns.push_back(
        {{"text", "Q3 revenue is spread over July to September in USD, EUR, GBP and CHF, with a "
                  "small number "
                  "of credit notes. Next I'll match every Q3 ledger invoice to the CRM billing "
                  "export by deal, "
                  "allowing 0.50 for rounding."},
         {"tool_calls",
          Json::array({call(
              "reconcile",
              {{"left",
                {{"sql", std::string("SELECT deal_id, currency, amount FROM revenue_postings WHERE "
                                     "kind = 'invoice' AND ") +
                             kQuarter}}},
               {"right", {{"csv", "data/crm_bookings_q3.csv"}}},
               {"left_key", "deal_id"},
               {"right_key", "deal_id"},
               {"left_amount", "amount"},
               {"right_amount", "amount"},
               {"tolerance", {{"absolute", "0.50"}}},
               {"left_label", "ledger"},
               {"right_label", "crm"}})})},
         {"usage", usage(5962, 341)}});
    turns.push_back(
        {{"text",
          "{{reconcile:/summary/matched}} deals agree; {{reconcile:/summary/mismatched}} differ in "
          "amount "
          "and {{reconcile:/summary/missing_in_left}} CRM deals have no invoice in the ledger. Now "
          "the "
          "ledger checks: outliers per account and period, duplicate postings, period cut-off, FX "
          "conversion and credit notes without an original invoice."},
         {"tool_calls",
          Json::array({call(
              "detect_anomalies",
              {{"dataset", {{"sql", q3("SELECT * FROM revenue_postings")}}},
               {"id_column", "invoice_id"},
               {"checks",
                {{"outliers",
                  {{"amount", "amount_usd"},
                   {"group_by", {"account_id", "period"}},
                   {"method", "mad"},
                   {"threshold", 6}}},
                 {"duplicates",
                  {{"columns", {"customer_id", "deal_id", "invoice_date", "currency", "amount"}}}},
                 {"period", {{"date", "invoice_date"}, {"period", "period"}}},
                 {"fx",
                  {{"amount", "amount"},
                   {"rate", "expected_rate"},
                   {"converted", "amount_usd"},
                   {"tolerance", "0.01"}}},
                 {"orphans",
                  {{"reference", "original_invoice_id"},
                   {"when", {{"column", "kind"}, {"equals", "credit_note"}}},
                   {"target_key", "invoice_id"}}}}}})})},
         {"usage", usage(8841, 468)}});
    turns.push_back(
        {{"text", "The checks flagged {{detect_anomalies:/summary/anomalies}} ledger postings. "
                  "I'll put the "
                  "reconciliation and the findings into the one-page report for the CFO."},
         {"tool_calls",
          Json::array(
              {call("render_report", {{"title", "Q3 2026 revenue reconciliation"},
                                      {"period", "2026-07-01 to 2026-09-30"},
                                      {"prepared_for", "Chief Financial Officer"},
                                      {"reconciliation", "{{reconcile:/handle}}"},
                                      {"anomalies", "{{detect_anomalies:/handle}}"},
                                      {"method", kMethod},
                                      {"output", "reports/q3-2026-revenue-reconciliation.pdf"}})})},
         {"usage", usage(12307, 412)}});
    turns.push_back(
        {{"text", "The report is ready ({{render_report:/path}}). I'm sending it to the CFO; the "
                  "email needs your "
                  "approval before it goes out."},
         {"tool_calls",
          Json::array(
              {call("send_email",
                    {{"to", {"cfo@finance.example"}},
                     {"subject",
                      "Q3 2026 revenue reconciliation: {{reconcile:/summary/mismatched}} amount "
                      "differences, {{reconcile:/summary/missing_in_left}} unposted deals, "
                      "{{detect_anomalies:/summary/anomalies}} ledger anomalies"},
                     {"body", kEmailBody},
                     {"attachments", {"{{render_report:/path}}"}}})})},
         {"usage", usage(13915, 604)}});
    turns.push_back({{"text", kFinalAnswer}, {"usage", usage(15102, 538)}});
    // A follow-up in the chat continues the run; a scripted model cannot read it, and says so.
    turns.push_back(
        {{"text",
          "This demo runs on a scripted model: it follows a fixed script and cannot answer "
          "follow-up questions. The findings above are in the run's tool results (open a step "
          "in the inspector); connect a real provider to discuss them."},
         {"usage", usage(15700, 48)}});
    return {{"schema_version", 1}, {"model", "scripted-q3"}, {"turns", std::move(turns)}};
}

Json benchAgentDefinition()
{
    return {
        {"schema_version", 1},
        {"name", "add-bench"},
        {"description", "Adds two numbers with the add tool: the task of the side-by-side "
                        "benchmark against LangGraph.js and the OpenAI Agents SDK."},
        {"instructions", "You add numbers. Use the add tool for every sum and answer with the "
                         "result only."},
        {"model",
         {{"provider", "scripted"},
          {"name", "scripted-add"},
          {"script", kBenchScriptFile},
          {"fallbacks", Json::array()}}},
        {"tools", Json::array({{{"name", "add"}}})},
        {"budgets",
         {{"max_steps", 10},
          {"max_tokens", 20000},
          {"max_cost_usd", "0.10"},
          {"max_wall_seconds", 120},
          {"max_parallel_tools", 1}}},
        {"data_classification", "public"},
    };
}

Json benchAgentScript()
{
    Json turns = Json::array();
    turns.push_back({{"tool_calls", Json::array({call("add", {{"a", 2}, {"b", 3}})})},
                     {"usage", usage(50, 10)}});
    turns.push_back({{"text", "{{add:/sum}}"}, {"usage", usage(60, 1)}});
    return {{"schema_version", 1}, {"model", "scripted-add"}, {"turns", std::move(turns)}};
}

} // namespace awb::demo
