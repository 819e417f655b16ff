// docs/verify_audit.py, the auditors' independent verifier, run against our own export: it must
// accept an untouched export and name the entry of every kind of tampering.

#include <QFile>

#include "core/security/support/SecurityTestSupport.h"
#include "security/AuditTrail.h"

using namespace awb;

namespace {

const QByteArray kKey = QByteArrayLiteral("auditor-shared-secret-é");

QString scriptPath()
{
    return QStringLiteral(AWB_SOURCE_DIR "/docs/verify_audit.py");
}

} // namespace

class TestVerifyAuditScript : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<QByteArray> m_lines; // the untouched export, one entry per element
    QString m_headMac;

    test::ProcessResult runScript(const QList<QByteArray>& lines, const QStringList& extra = {},
                                  const QByteArray& key = kKey)
    {
        const QString path = m_dir.filePath(QStringLiteral("export.jsonl"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        for (const QByteArray& line : lines)
            file.write(line + '\n');
        file.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AUDITOR_KEY"), QString::fromUtf8(key));
        return test::runProcess(test::pythonExecutable(),
                                QStringList{scriptPath(), path, QStringLiteral("--key-env"),
                                            QStringLiteral("AUDITOR_KEY")} +
                                    extra,
                                env);
    }

    // Replaces a JSON member of entry seq in a copy of the export.
    QList<QByteArray> tampered(int seq, const char* field, const Json& value) const
    {
        QList<QByteArray> lines = m_lines;
        Json entry = parseJson(lines[seq - 1]).value();
        entry[field] = value;
        lines[seq - 1] = canonicalJson(entry);
        return lines;
    }

private slots:
    void initTestCase()
    {
        if (test::pythonExecutable().isEmpty())
            QSKIP("python3 is not installed");
        QVERIFY(m_dir.isValid());
        sql::Database db = test::openScratchDatabase(m_dir);
        const AuditTrail trail(kKey);
        const Json datas[] = {
            {{"tool", "sql_query"}, {"rows", 1250}},
            {{"tool", "reconcile"}, {"difference", "-1234.50"}, {"note", "Müller GmbH — 日本 ✓"}},
            {{"approval",
              {{"by", "cfo@example.com"}, {"args", {{"to", "cfo"}, {"z", 1}, {"a", -2}}}}}},
            {{"control", "tab\there\nnewline \"quoted\" back\\slash \x01"}},
            {{"tool", "send_email"}, {"message_id", "<abc@example.com>"}},
        };
        for (const Json& data : datas) {
            const auto entry =
                trail.append(db, QStringLiteral("analyst@example.com"),
                             QStringLiteral("tool.finished"), QStringLiteral("run-7"), data);
            QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.errorMessage()));
            m_headMac = entry->mac;
        }
        QFile out(m_dir.filePath(QStringLiteral("original.jsonl")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(trail.exportJsonl(db, out).ok());
        out.close();
        QVERIFY(out.open(QIODevice::ReadOnly));
        m_lines = out.readAll().split('\n');
        QCOMPARE(m_lines.takeLast(), QByteArray());
        QCOMPARE(m_lines.size(), 5);
    }

    void untouchedExportIsOk()
    {
        const auto result = runScript(m_lines);
        QVERIFY2(result.finished, result.err.constData());
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(),
                 QStringLiteral("OK: 5 entries, head 5:%1").arg(m_headMac).toUtf8());
    }

    void emptyExportIsOk()
    {
        const auto result = runScript({});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), "OK: 0 entries, head 0:" + QByteArray(64, '0'));
    }

    void tamperingIsNamedAtItsEntry_data()
    {
        QTest::addColumn<int>("seq");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QByteArray>("value"); // JSON
        QTest::newRow("amount changed")
            << 2 << QByteArray("data")
            << QByteArray(R"({"difference":"-4.50","note":"x","tool":"reconcile"})");
        QTest::newRow("actor changed") << 3 << QByteArray("actor") << QByteArray(R"("mallory")");
        QTest::newRow("time changed")
            << 4 << QByteArray("time") << QByteArray(R"("2020-01-01T00:00:00.000Z")");
        QTest::newRow("kind changed") << 1 << QByteArray("kind") << QByteArray(R"("tool.skipped")");
        QTest::newRow("mac replaced")
            << 5 << QByteArray("mac") << QByteArray('"' + QByteArray(64, 'f') + '"');
        QTest::newRow("prev relinked")
            << 3 << QByteArray("prev") << QByteArray('"' + QByteArray(64, '0') + '"');
    }
    void tamperingIsNamedAtItsEntry()
    {
        QFETCH(int, seq);
        QFETCH(QByteArray, field);
        QFETCH(QByteArray, value);
        const auto result = runScript(tampered(seq, field.constData(), parseJson(value).value()));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.startsWith(QStringLiteral("ALTERED: entry %1: ").arg(seq).toUtf8()),
                 result.out.constData());
    }

    void deletedLineIsNamed()
    {
        QList<QByteArray> lines = m_lines;
        lines.removeAt(2);
        const auto result = runScript(lines);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.startsWith("ALTERED: entry 3: missing"), result.out.constData());
    }

    void wrongKeyFailsAtTheFirstEntry()
    {
        const auto result = runScript(m_lines, {}, QByteArrayLiteral("not the key"));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.startsWith("ALTERED: entry 1: mac does not match"),
                 result.out.constData());
    }

    void floatInDataIsRejected()
    {
        QList<QByteArray> lines = m_lines;
        lines[0].replace("\"rows\":1250", "\"rows\":1250.0");
        const auto result = runScript(lines);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.startsWith("ALTERED: entry 1: "), result.out.constData());
    }

    void expectedHeadProvesNothingWasCut()
    {
        const QString head = AuditTrail::headString(5, m_headMac);
        const auto whole = runScript(m_lines, {QStringLiteral("--expect-head"), head});
        QCOMPARE(whole.exitCode, 0);
        const auto cut = runScript(m_lines.mid(0, 4), {QStringLiteral("--expect-head"), head});
        QCOMPARE(cut.exitCode, 1);
        QVERIFY2(cut.out.startsWith("ALTERED: entry 5: "), cut.out.constData());
        QVERIFY(cut.out.contains("removed"));
    }

    void missingKeyIsAUsageError()
    {
        const auto result = runScript(m_lines, {}, QByteArray());
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("AUDITOR_KEY"));
    }
};

QTEST_GUILESS_MAIN(TestVerifyAuditScript)
#include "TestVerifyAuditScript.moc"
