// Crash points: the test binary runs itself as a child that walks a fixed sequence of crash points;
// with AWB_FAULT_INJECT set the child must die by SIGKILL exactly at the named point and hit, and
// nowhere else.

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <map>

#include "util/FaultInjection.h"

namespace {

const char kChildArgument[] = "--crash-point-child";

// point.a is reached three times and point.b twice, interleaved.
const char* const kSequence[] = {"point.a", "point.b", "point.a", "point.b", "point.a"};

// The child: announces each point before and after reaching it, so the parent sees where it died.
int runChild()
{
    std::map<std::string, int> hits;
    for (const char* name : kSequence) {
        const int hit = ++hits[name];
        std::printf("at %s %d\n", name, hit);
        std::fflush(stdout);
        awb::fault::crashPoint(name);
        std::printf("passed %s %d\n", name, hit);
        std::fflush(stdout);
    }
    std::printf("done\n");
    return 0;
}

struct ChildRun
{
    bool finished = false;
    QProcess::ExitStatus status = QProcess::NormalExit;
    int exitCode = -1;
    QStringList lines;
    QByteArray err;
};

// Runs the child with AWB_FAULT_INJECT set to spec (unset when spec is null).
ChildRun runChildWith(const QString& spec)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("AWB_FAULT_INJECT"));
    if (!spec.isNull())
        env.insert(QStringLiteral("AWB_FAULT_INJECT"), spec);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildArgument)});
    ChildRun r;
    r.finished = p.waitForFinished(30000);
    r.status = p.exitStatus();
    r.exitCode = p.exitCode();
    r.lines =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.err = p.readAllStandardError();
    return r;
}

QStringList allLines()
{
    QStringList lines;
    std::map<std::string, int> hits;
    for (const char* name : kSequence) {
        const int hit = ++hits[name];
        lines << QStringLiteral("at %1 %2").arg(QLatin1String(name)).arg(hit)
              << QStringLiteral("passed %1 %2").arg(QLatin1String(name)).arg(hit);
    }
    return lines << QStringLiteral("done");
}

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private slots:
    void childDiesAtNamedPointAndHit_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("point");
        QTest::addColumn<int>("hit");
        QTest::newRow("first hit by default") << "point.b"
                                              << "point.b" << 1;
        QTest::newRow("second hit") << "point.b:2"
                                    << "point.b" << 2;
        QTest::newRow("third hit") << "point.a:3"
                                   << "point.a" << 3;
        QTest::newRow("first point first hit") << "point.a:1"
                                               << "point.a" << 1;
        QTest::newRow("hit zero means first") << "point.a:0"
                                              << "point.a" << 1;
    }
    void childDiesAtNamedPointAndHit()
    {
        QFETCH(QString, spec);
        QFETCH(QString, point);
        QFETCH(int, hit);
        const ChildRun r = runChildWith(spec);
        QVERIFY(r.finished);
        QCOMPARE(r.status, QProcess::CrashExit);
        QCOMPARE(r.exitCode, int(SIGKILL));
        // Everything up to and including "at POINT HIT" ran, nothing after it.
        const QStringList expected = allLines();
        const QString at = QStringLiteral("at %1 %2").arg(point).arg(hit);
        const qsizetype stop = expected.indexOf(at);
        QVERIFY(stop >= 0);
        QCOMPARE(r.lines, expected.mid(0, stop + 1));
        QVERIFY2(r.err.contains("fault injection: SIGKILL at " + point.toUtf8()),
                 r.err.constData());
    }

    void childRunsToTheEndWhenNotTargeted_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("unset") << QString();
        QTest::newRow("empty") << QString(QLatin1String(""));
        QTest::newRow("point never reached") << "point.c";
        QTest::newRow("hit number never reached") << "point.b:3";
        QTest::newRow("prefix of a point name") << "point";
        QTest::newRow("longer than a point name") << "point.a.after";
        QTest::newRow("different case") << "POINT.A";
    }
    void childRunsToTheEndWhenNotTargeted()
    {
        QFETCH(QString, spec);
        const ChildRun r = runChildWith(spec);
        QVERIFY(r.finished);
        QCOMPARE(r.status, QProcess::NormalExit);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines, allLines());
        QVERIFY2(!r.err.contains("fault injection"), r.err.constData());
    }
};

// Not QTEST_GUILESS_MAIN: the same binary doubles as the child that walks the crash points.
int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], kChildArgument) == 0)
        return runChild();
    QCoreApplication app(argc, argv);
    TestFaultInjection test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestFaultInjection.moc"
