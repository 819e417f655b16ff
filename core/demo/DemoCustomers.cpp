// Customer master data for the demo: names per country and currency, generated from word lists.
#include "demo/DemoData.h"

#include <set>

namespace awb::demo {

namespace {

struct Country
{
    const char* code;
    const char* currency;
    int customers;
    std::vector<const char*> stems;
    std::vector<const char*> trades;
    std::vector<const char*> forms; // legal forms; a leading ',' is written as ", Inc."
};

const std::vector<Country>& countries()
{
    static const std::vector<Country> list = {
        {"US",
         "USD",
         54,
         {"Apex",       "Blue Ridge", "Cedar Point", "Summit",  "Pioneer",
          "Harborview", "Ironwood",   "Lakeshore",   "Redwood", "Silver Creek",
          "Granite",    "Northstar",  "Evergreen",   "Prairie", "Keystone",
          "Riverbend",  "Atlas",      "Beacon",      "Cascade", "Liberty"},
         {"Analytics", "Logistics", "Health Systems", "Foods", "Software", "Manufacturing",
          "Energy", "Capital", "Robotics", "Media", "Outfitters", "Labs"},
         {"Inc.", "LLC", "Corp.", ",Inc."}},
        {"GB",
         "GBP",
         20,
         {"Thames", "Pennine", "Cotswold", "Highland", "Kingsbridge", "Albion", "Brackenridge",
          "Mersey", "Severn", "Fenwick", "Ashdown", "Whitcombe"},
         {"Engineering", "Retail", "Consulting", "Freight", "Foods", "Digital"},
         {"Ltd", "plc", "LLP"}},
        {"DE",
         "EUR",
         14,
         {"Nordwind", "Rheintal", "Alpenland", "Hansa", "Schwarzwald", "Elbe", "Isar", "Bergmann",
          "Kühne", "Weißenfels", "Lindenhof"},
         {"Logistik", "Maschinenbau", "Präzisionstechnik", "Software", "Handel", "Medizintechnik"},
         {"GmbH", "AG", "GmbH & Co. KG"}},
        {"FR",
         "EUR",
         9,
         {"Lumière", "Bellevue", "Provence", "Atlantique", "Montblanc", "Garonne", "Loire",
          "Étoile"},
         {"Distribution", "Industries", "Conseil", "Logiciels", "Énergie"},
         {"SA", "SAS", "SARL"}},
        {"NL",
         "EUR",
         6,
         {"Zuiderzee", "Oranje", "Van der Berg", "Delta", "Polder", "Noordzee"},
         {"Logistiek", "Techniek", "Handel", "Software"},
         {"B.V.", "N.V."}},
        {"IE",
         "EUR",
         3,
         {"Shannon", "Liffey", "Emerald", "Connacht"},
         {"Pharma", "Software", "Foods"},
         {"Ltd", "DAC"}},
        {"ES",
         "EUR",
         2,
         {"Iberia", "Sierra", "Costa Brava"},
         {"Distribución", "Tecnología"},
         {"S.L.", "S.A."}},
        {"CH",
         "CHF",
         12,
         {"Alpenblick", "Matterhorn", "Zürichsee", "Helvetia", "Jungfrau", "Rhône", "Säntis",
          "Lemania"},
         {"Präzision", "Pharma", "Treuhand", "Uhren", "Informatik"},
         {"AG", "SA", "GmbH"}},
    };
    return list;
}

// Names that exercise CSV quoting (commas, quotes) replace the first customer of their country.
const std::map<QString, QString>& trickyNames()
{
    static const std::map<QString, QString> names = {
        {QStringLiteral("US"), QStringLiteral("Baker, Lowe & Partners, Inc.")},
        {QStringLiteral("GB"), QStringLiteral("O'Neill & Sons, Ltd")},
        {QStringLiteral("DE"), QStringLiteral("Müller, Schmidt & Co. KG")},
        {QStringLiteral("FR"), QStringLiteral("Société \"Les Trois Chênes\" SAS")},
        {QStringLiteral("NL"), QStringLiteral("De \"Gouden\" Molen B.V.")},
        {QStringLiteral("CH"), QStringLiteral("Alpenblick \"Bergsicht\" AG")},
    };
    return names;
}

} // namespace

std::vector<DemoCustomer> generateCustomers(SplitMix64& rng)
{
    std::vector<DemoCustomer> customers;
    std::set<QString> taken;
    int number = 1001;
    for (const Country& c : countries()) {
        const QString code = QLatin1String(c.code);
        for (int i = 0; i < c.customers; ++i) {
            QString name;
            if (i == 0 && trickyNames().count(code)) {
                name = trickyNames().at(code);
            } else {
                // Bounded: every country has several times more combinations than customers.
                for (int attempt = 0; attempt < 1000 && (name.isEmpty() || taken.count(name));
                     ++attempt) {
                    const QString stem =
                        QString::fromUtf8(c.stems[rng.uniform(0, qsizetype(c.stems.size()) - 1)]);
                    const QString trade =
                        QString::fromUtf8(c.trades[rng.uniform(0, qsizetype(c.trades.size()) - 1)]);
                    QString form =
                        QString::fromUtf8(c.forms[rng.uniform(0, qsizetype(c.forms.size()) - 1)]);
                    name = form.startsWith(QLatin1Char(','))
                               ? QStringLiteral("%1 %2, %3").arg(stem, trade, form.mid(1))
                               : QStringLiteral("%1 %2 %3").arg(stem, trade, form);
                }
                if (taken.count(name))
                    name += QStringLiteral(" (%1)").arg(number);
            }
            taken.insert(name);
            customers.push_back(
                {QStringLiteral("C-%1").arg(number++), name, code, QLatin1String(c.currency)});
        }
    }
    return customers;
}

} // namespace awb::demo
