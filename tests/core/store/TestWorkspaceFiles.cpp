// WorkspaceFiles: reads and writes stay beneath the workspace folder's descriptor whatever the
// folder holds (links out, link loops, the store under another name, pipes, huge files) and
// whatever changes in it meanwhile (paths swapped for links while they are used, the folder
// itself renamed); writes are atomic, checked at every step, and leave no temporary behind.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

#include "store/WorkspaceFiles.h"
#include "support/HostileFiles.h"

using namespace awb;

namespace {

QStringList everything(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                               QDir::NoDotAndDotDot);
}

} // namespace

class TestWorkspaceFiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void relativePathIsLexicalAndStaysInside_data();
    void relativePathIsLexicalAndStaysInside();
    void readsARegularFileByRelativeOrAbsolutePath();
    void readRefusesWhatIsNoRealFileInside_data();
    void readRefusesWhatIsNoRealFileInside();
    void readRefusesAFileOverTheLimitBeforeReadingIt();
    void aFileHardLinkedWithinTheWorkspaceIsRead();
    void readOfAPathSwappedForALinkNeverReadsOutside_data();
    void readOfAPathSwappedForALinkNeverReadsOutside();
    void writeCreatesFoldersAndReplacesTheFileAtomically();
    void writeKeepsTheTargetsPermissions();
    void writeRefusesWhatIsNoRealFileInside_data();
    void writeRefusesWhatIsNoRealFileInside();
    void writeOfAPathSwappedForALinkNeverWritesOutside_data();
    void writeOfAPathSwappedForALinkNeverWritesOutside();
    void failedWriteLeavesTheTargetAndNoTemporaryFile();
    void listFilesNamesOnlyRegularFiles();
    void listFilesRefusesALinkedFolder();
    void theDescriptorKeepsNamingTheFolderWhenItsPathIsReplaced();
    void readsAndWritesFromManyThreadsAtOnce();
    void aWorkspaceThatIsNotOpenRefusesEverything();

private:
    QString root() const { return m_dir->path(); }
    WorkspaceFiles files() const
    {
        auto f = WorkspaceFiles::open(root());
        if (!f)
            qFatal("cannot open %s: %s", qPrintable(root()), qPrintable(f.errorMessage()));
        return *f;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_outside; // must never be read or written
};

void TestWorkspaceFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_outside = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_outside->isValid());
    QVERIFY(QDir(root()).mkpath(QStringLiteral("reports")));
    QVERIFY(QDir(root()).mkpath(QStringLiteral(".awb")));
    QVERIFY(test::writeBytes(root() + QStringLiteral("/reports/q3.pdf"), "%PDF inside"));
}

void TestWorkspaceFiles::relativePathIsLexicalAndStaysInside_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // null: refused with `code`
    QTest::addColumn<QString>("code");
    QTest::newRow("plain") << "reports/q3.pdf"
                           << "reports/q3.pdf"
                           << "";
    QTest::newRow("dots inside") << "./data/../reports//q3.pdf"
                                 << "reports/q3.pdf"
                                 << "";
    QTest::newRow("absolute inside") << "{root}/reports/q3.pdf"
                                     << "reports/q3.pdf"
                                     << "";
    QTest::newRow("the root") << "."
                              << ""
                              << "";
    QTest::newRow("parent") << "../x" << QString() << "path_outside_workspace";
    QTest::newRow("deep escape") << "a/../../etc/passwd" << QString() << "path_outside_workspace";
    QTest::newRow("absolute elsewhere") << "/etc/passwd" << QString() << "path_outside_workspace";
    QTest::newRow("sibling sharing the prefix")
        << "{root}2/x" << QString() << "path_outside_workspace";
    QTest::newRow("empty") << "" << QString() << "invalid_path";
    QTest::newRow("NUL") << QStringLiteral("reports/a") + QChar(0) + QStringLiteral("/../../x")
                         << QString() << "invalid_path";
}

void TestWorkspaceFiles::relativePathIsLexicalAndStaysInside()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QFETCH(QString, code);
    path.replace(QLatin1String("{root}"), root());
    auto rel = WorkspaceFiles::relativePath(root(), path);
    if (expected.isNull()) {
        QVERIFY2(!rel.ok(), rel.ok() ? qPrintable(*rel) : "");
        QCOMPARE(rel.error().code, code);
        return;
    }
    QVERIFY2(rel.ok(), rel.ok() ? "" : qPrintable(rel.errorMessage()));
    QCOMPARE(*rel, expected);
}

void TestWorkspaceFiles::readsARegularFileByRelativeOrAbsolutePath()
{
    const WorkspaceFiles f = files();
    QCOMPARE(f.root(), QDir::cleanPath(root()));
    auto relative = f.read(QStringLiteral("reports/q3.pdf"), 1024);
    QVERIFY2(relative.ok(), relative.ok() ? "" : qPrintable(relative.errorMessage()));
    QCOMPARE(*relative, QByteArray("%PDF inside"));
    auto absolute = f.read(root() + QStringLiteral("/reports/../reports/q3.pdf"), 1024);
    QVERIFY(absolute.ok());
    QCOMPARE(*absolute, QByteArray("%PDF inside"));
    // Exactly at the limit is fine; one byte less is not.
    QVERIFY(f.read(QStringLiteral("reports/q3.pdf"), 11).ok());
    QCOMPARE(f.read(QStringLiteral("reports/q3.pdf"), 10).error().code,
             QStringLiteral("file_too_large"));
}

void TestWorkspaceFiles::readRefusesWhatIsNoRealFileInside_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : test::hostileReadKinds())
        QTest::newRow(qPrintable(kind)) << kind;
    QTest::newRow("absolute path outside") << QStringLiteral("absolute");
    QTest::newRow("the workspace folder") << QStringLiteral("root");
    QTest::newRow("a folder") << QStringLiteral("folder");
    QTest::newRow("missing") << QStringLiteral("missing");
    QTest::newRow("below a file") << QStringLiteral("below a file");
}

void TestWorkspaceFiles::readRefusesWhatIsNoRealFileInside()
{
    QFETCH(QString, kind);
    QString path;
    QString code;
    if (kind == QLatin1String("absolute")) {
        test::writeBytes(m_outside->filePath(QStringLiteral("secret")), test::outsideMarker());
        path = m_outside->filePath(QStringLiteral("secret"));
        code = QStringLiteral("path_outside_workspace");
    } else if (kind == QLatin1String("root")) {
        path = QStringLiteral(".");
        code = QStringLiteral("not_a_regular_file");
    } else if (kind == QLatin1String("folder")) {
        path = QStringLiteral("reports");
        code = QStringLiteral("not_a_regular_file");
    } else if (kind == QLatin1String("missing")) {
        path = QStringLiteral("reports/none.pdf");
        code = QStringLiteral("not_found");
    } else if (kind == QLatin1String("below a file")) {
        path = QStringLiteral("reports/q3.pdf/x");
        code = QStringLiteral("not_found");
    } else {
        path = test::plantRead(kind, root(), m_outside->path(), QStringLiteral("reports/deep"),
                               QStringLiteral(".pdf"), 2LL << 30);
        code = test::hostileReadCode(kind);
    }
    QVERIFY(!path.isEmpty());
    auto read = files().read(path, 1 << 20);
    QVERIFY2(!read.ok(), read.ok() ? read->left(80).constData() : "");
    QCOMPARE(read.error().code, code);
    QVERIFY2(!read.errorMessage().toUtf8().contains(test::outsideMarker()),
             qPrintable(read.errorMessage()));
    if (kind != QLatin1String("absolute"))
        QVERIFY2(read.errorMessage().contains(path), qPrintable(read.errorMessage()));
}

void TestWorkspaceFiles::readRefusesAFileOverTheLimitBeforeReadingIt()
{
    // A terabyte would take a while to read.
    const QString huge = root() + QStringLiteral("/reports/huge.csv");
    QVERIFY(test::makeSparseFile(huge, qint64(1) << 40));
    QElapsedTimer clock;
    clock.start();
    auto read = files().read(QStringLiteral("reports/huge.csv"), 64 << 20);
    QCOMPARE(read.error().code, QStringLiteral("file_too_large"));
    QVERIFY2(read.errorMessage().contains(QLatin1String("64 MB")), qPrintable(read.errorMessage()));
    QVERIFY(clock.elapsed() < 1000);
}

void TestWorkspaceFiles::aFileHardLinkedWithinTheWorkspaceIsRead()
{
    // Several names are not suspect in themselves; only a name of a store file is refused.
    QVERIFY(test::makeHardLink(root() + QStringLiteral("/reports/q3.pdf"),
                               root() + QStringLiteral("/reports/copy.pdf")));
    QVERIFY(test::writeBytes(root() + QStringLiteral("/.awb/workspace.db"), "store"));
    auto read = files().read(QStringLiteral("reports/copy.pdf"), 1024);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.errorMessage()));
    QCOMPARE(*read, QByteArray("%PDF inside"));
}

void TestWorkspaceFiles::readOfAPathSwappedForALinkNeverReadsOutside_data()
{
    QTest::addColumn<bool>("folder");
    QTest::newRow("file") << false;
    QTest::newRow("folder") << true;
}

void TestWorkspaceFiles::readOfAPathSwappedForALinkNeverReadsOutside()
{
    QFETCH(bool, folder);
    QVERIFY(QDir().mkpath(root() + QStringLiteral("/reports/live")));
    QVERIFY(QDir().mkpath(m_outside->filePath(QStringLiteral("live"))));
    QVERIFY(test::writeBytes(root() + QStringLiteral("/reports/live/x.csv"), "inside"));
    QVERIFY(
        test::writeBytes(m_outside->filePath(QStringLiteral("live/x.csv")), test::outsideMarker()));
    const QString swapped =
        root() + (folder ? QStringLiteral("/reports/live") : QStringLiteral("/reports/live/x.csv"));
    const QString link = root() + QStringLiteral("/reports/link");
    QVERIFY(test::makeSymlink(
        m_outside->filePath(folder ? QStringLiteral("live") : QStringLiteral("live/x.csv")), link));
    const WorkspaceFiles f = files();
    test::PathFlipper flipper(swapped, link);
    for (int i = 0; i < 2000; ++i) {
        auto data = f.read(QStringLiteral("reports/live/x.csv"), 1024);
        if (data)
            QCOMPARE(*data, QByteArray("inside"));
        else
            QVERIFY2(test::isRaceRefusal(data.error().code), qPrintable(data.errorMessage()));
    }
    QVERIFY(flipper.restore());
    QCOMPARE(flipper.failedErrno(), 0);
    QVERIFY(flipper.swaps() > 0);
    auto after = f.read(QStringLiteral("reports/live/x.csv"), 1024);
    QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.errorMessage()));
    QCOMPARE(*after, QByteArray("inside"));
}

void TestWorkspaceFiles::writeCreatesFoldersAndReplacesTheFileAtomically()
{
    const WorkspaceFiles f = files();
    QVERIFY(f.write(QStringLiteral("reports/2026/q3/summary.pdf"), "first").ok());
    QCOMPARE(test::readBytes(root() + QStringLiteral("/reports/2026/q3/summary.pdf")),
             QByteArray("first"));
    QVERIFY(f.write(root() + QStringLiteral("/reports/2026/q3/summary.pdf"), "second").ok());
    QCOMPARE(test::readBytes(root() + QStringLiteral("/reports/2026/q3/summary.pdf")),
             QByteArray("second"));
    QVERIFY(f.write(QStringLiteral("top.txt"), QByteArray()).ok());
    QCOMPARE(QFileInfo(root() + QStringLiteral("/top.txt")).size(), 0);
    QCOMPARE(everything(root() + QStringLiteral("/reports/2026/q3")), QStringList{"summary.pdf"});
}

void TestWorkspaceFiles::writeKeepsTheTargetsPermissions()
{
    const QString path = root() + QStringLiteral("/reports/q3.pdf");
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    QVERIFY(files().write(QStringLiteral("reports/q3.pdf"), "new").ok());
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 07777), 0640);
}

void TestWorkspaceFiles::writeRefusesWhatIsNoRealFileInside_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : test::hostileWriteKinds())
        QTest::newRow(qPrintable(kind)) << kind;
    QTest::newRow("absolute path outside") << QStringLiteral("absolute");
    QTest::newRow("below a file") << QStringLiteral("below a file");
}

void TestWorkspaceFiles::writeRefusesWhatIsNoRealFileInside()
{
    QFETCH(QString, kind);
    QString path;
    QString code;
    const QString folder = QStringLiteral("reports/deep");
    if (kind == QLatin1String("absolute")) {
        path = m_outside->filePath(QStringLiteral("dir/written.pdf"));
        code = QStringLiteral("path_outside_workspace");
        test::plantWrite(QStringLiteral("folder"), root(), m_outside->path(), folder,
                         QStringLiteral(".pdf"));
    } else if (kind == QLatin1String("below a file")) {
        test::plantWrite(QStringLiteral("folder"), root(), m_outside->path(), folder,
                         QStringLiteral(".pdf"));
        path = QStringLiteral("reports/q3.pdf/x.pdf");
        code = QStringLiteral("not_found");
    } else {
        path = test::plantWrite(kind, root(), m_outside->path(), folder, QStringLiteral(".pdf"));
        code = test::hostileWriteCode(kind);
    }
    QVERIFY(!path.isEmpty());
    const Status s = files().write(path, "written");
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, code);
    QVERIFY(test::outsideUntouched(m_outside->path(), QStringLiteral(".pdf")));
    QVERIFY(!QFile::exists(root() + QStringLiteral("/.awb/written.pdf")));
    const QStringList left = everything(root() + QLatin1Char('/') + folder);
    for (const QString& name : left)
        QVERIFY2(!name.endsWith(QLatin1String(".tmp")), qPrintable(name));
}

void TestWorkspaceFiles::writeOfAPathSwappedForALinkNeverWritesOutside_data()
{
    QTest::addColumn<bool>("folder");
    QTest::newRow("file") << false;
    QTest::newRow("folder") << true;
}

void TestWorkspaceFiles::writeOfAPathSwappedForALinkNeverWritesOutside()
{
    QFETCH(bool, folder);
    QVERIFY(QDir().mkpath(root() + QStringLiteral("/reports/live")));
    QVERIFY(QDir().mkpath(m_outside->filePath(QStringLiteral("dir"))));
    QVERIFY(test::writeBytes(root() + QStringLiteral("/reports/live/target.pdf"), "old"));
    QVERIFY(test::writeBytes(m_outside->filePath(QStringLiteral("target.pdf")),
                             test::outsideMarker() + "\n"));
    const QString swapped = root() + (folder ? QStringLiteral("/reports/live")
                                             : QStringLiteral("/reports/live/target.pdf"));
    const QString link = root() + QStringLiteral("/reports/link");
    QVERIFY(test::makeSymlink(folder ? m_outside->filePath(QStringLiteral("dir"))
                                     : m_outside->filePath(QStringLiteral("target.pdf")),
                              link));
    const WorkspaceFiles f = files();
    {
        test::PathFlipper flipper(swapped, link);
        for (int i = 0; i < 1000; ++i) {
            const Status s = f.write(QStringLiteral("reports/live/target.pdf"), "new");
            if (!s.ok())
                QVERIFY2(test::isRaceRefusal(s.error().code), qPrintable(s.errorMessage()));
        }
        flipper.stop();
        QCOMPARE(flipper.failedErrno(), 0);
        QVERIFY(flipper.swaps() > 0);
    }
    QVERIFY(test::outsideUntouched(m_outside->path(), QStringLiteral(".pdf")));
}

void TestWorkspaceFiles::failedWriteLeavesTheTargetAndNoTemporaryFile()
{
    // A file-size limit makes write(2) fail half way, as a full disk would.
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved;
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit small = saved;
    small.rlim_cur = 1024;
    QVERIFY(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const Status s = files().write(QStringLiteral("reports/q3.pdf"), QByteArray(64 * 1024, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("io_error"));
    QVERIFY2(s.errorMessage().contains(QLatin1String("reports/q3.pdf")),
             qPrintable(s.errorMessage()));
    QCOMPARE(test::readBytes(root() + QStringLiteral("/reports/q3.pdf")),
             QByteArray("%PDF inside"));
    QCOMPARE(everything(root() + QStringLiteral("/reports")), QStringList{"q3.pdf"});
}

void TestWorkspaceFiles::listFilesNamesOnlyRegularFiles()
{
    const QString reports = root() + QStringLiteral("/reports");
    QVERIFY(test::writeBytes(reports + QStringLiteral("/b.eml"), "b"));
    QVERIFY(test::writeBytes(reports + QStringLiteral("/.hidden.eml"), "h"));
    QVERIFY(test::makeSymlink(m_outside->path(), reports + QStringLiteral("/link.eml")));
    QVERIFY(test::makeFifo(reports + QStringLiteral("/pipe.eml")));
    QVERIFY(QDir().mkpath(reports + QStringLiteral("/sub.eml")));
    auto names = files().listFiles(QStringLiteral("reports"));
    QVERIFY2(names.ok(), names.ok() ? "" : qPrintable(names.errorMessage()));
    QCOMPARE(*names, (QStringList{"b.eml", "q3.pdf"}));
    auto none = files().listFiles(QStringLiteral("outbox"));
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
    QCOMPARE(files().listFiles(QStringLiteral(".awb")).error().code,
             QStringLiteral("store_path_refused"));
}

void TestWorkspaceFiles::listFilesRefusesALinkedFolder()
{
    QVERIFY(test::writeBytes(m_outside->filePath(QStringLiteral("secret.eml")), "x"));
    QVERIFY(test::makeSymlink(m_outside->path(), root() + QStringLiteral("/outbox")));
    auto names = files().listFiles(QStringLiteral("outbox"));
    QVERIFY(!names.ok());
    QCOMPARE(names.error().code, QStringLiteral("symlink_refused"));
}

void TestWorkspaceFiles::theDescriptorKeepsNamingTheFolderWhenItsPathIsReplaced()
{
    const WorkspaceFiles f = files();
    // The folder moves away and its old path becomes a link to elsewhere: the descriptor still
    // names the real workspace, so nothing is read from or written to the link's target.
    const QString moved = root() + QStringLiteral("-moved");
    QVERIFY(QDir().rename(root(), moved));
    QVERIFY(test::makeSymlink(m_outside->path(), root()));
    QVERIFY(test::writeBytes(m_outside->filePath(QStringLiteral("reports.pdf")), "x"));
    auto read = f.read(QStringLiteral("reports/q3.pdf"), 1024);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.errorMessage()));
    QCOMPARE(*read, QByteArray("%PDF inside"));
    QVERIFY(f.write(QStringLiteral("reports/new.pdf"), "new").ok());
    QVERIFY(QFile::exists(moved + QStringLiteral("/reports/new.pdf")));
    QCOMPARE(everything(m_outside->path()), QStringList{"reports.pdf"});
    QVERIFY(QFile::remove(root()));
    QVERIFY(QDir().rename(moved, root()));
}

void TestWorkspaceFiles::readsAndWritesFromManyThreadsAtOnce()
{
    const WorkspaceFiles f = files();
    std::vector<int> failures(8, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([f, t, &failures] {
            const QString own = QStringLiteral("reports/t%1/out.txt").arg(t);
            for (int i = 0; i < 100; ++i) {
                const QByteArray data = QByteArray::number(i);
                failures[std::size_t(t)] += !f.write(own, data).ok();
                auto back = f.read(own, 64);
                failures[std::size_t(t)] += !back.ok() || *back != data;
                auto shared = f.read(QStringLiteral("reports/q3.pdf"), 64);
                failures[std::size_t(t)] += !shared.ok() || *shared != "%PDF inside";
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    for (int t = 0; t < 8; ++t)
        QCOMPARE(failures[std::size_t(t)], 0);
}

void TestWorkspaceFiles::aWorkspaceThatIsNotOpenRefusesEverything()
{
    const WorkspaceFiles none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.read(QStringLiteral("reports/q3.pdf"), 10).error().code,
             QStringLiteral("no_workspace"));
    QCOMPARE(none.write(QStringLiteral("x"), "x").error().code, QStringLiteral("no_workspace"));
    QCOMPARE(none.listFiles(QStringLiteral("reports")).error().code,
             QStringLiteral("no_workspace"));
    QCOMPARE(WorkspaceFiles::open(root() + QStringLiteral("/none")).error().code,
             QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(TestWorkspaceFiles)
#include "TestWorkspaceFiles.moc"
