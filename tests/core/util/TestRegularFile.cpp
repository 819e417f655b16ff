// readRegularFile: a file a person names is read whole when it is a regular file within the limit,
// and refused at once otherwise: /dev/zero is never read, a pipe never waited on, a file whose
// size the system reports as 0 (/proc) or that grows is read to at most the limit plus one byte.
// (Qt resources, read the same way, are covered by TestPricing's shipped table.)

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "support/HostileFiles.h"
#include "util/RegularFile.h"

using namespace awb;

class TestRegularFile : public QObject
{
    Q_OBJECT

private slots:
    void readsARegularFileWithinTheLimit();
    void followsALinkThePersonNamed();
    void refusesAtOnceWhatIsNoRegularFile_data();
    void refusesAtOnceWhatIsNoRegularFile();
    void aFileReportingNoSizeIsReadOnlyToTheLimit();
    void missingFileIsNotFound();
    void limitsAreShownInReadableUnits_data();
    void limitsAreShownInReadableUnits();
};

void TestRegularFile::readsARegularFileWithinTheLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prompt.txt"));
    QVERIFY(test::writeBytes(path, "Be brief."));
    auto read = readRegularFile(path, 9);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.errorMessage()));
    QCOMPARE(*read, QByteArray("Be brief."));
    auto tooSmall = readRegularFile(path, 8);
    QCOMPARE(tooSmall.error().code, QStringLiteral("file_too_large"));
    QVERIFY2(tooSmall.errorMessage().contains(path), qPrintable(tooSmall.errorMessage()));
    QVERIFY(!tooSmall.errorMessage().contains(QLatin1String("brief")));
    QVERIFY(test::writeBytes(path, QByteArray()));
    QCOMPARE(*readRegularFile(path, 0), QByteArray());
}

void TestRegularFile::followsALinkThePersonNamed()
{
    QTemporaryDir dir;
    QVERIFY(test::writeBytes(dir.filePath(QStringLiteral("real.json")), "{}"));
    QVERIFY(test::makeSymlink(dir.filePath(QStringLiteral("real.json")),
                              dir.filePath(QStringLiteral("link.json"))));
    auto read = readRegularFile(dir.filePath(QStringLiteral("link.json")), 10);
    QVERIFY(read.ok());
    QCOMPARE(*read, QByteArray("{}"));
}

void TestRegularFile::refusesAtOnceWhatIsNoRegularFile_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : test::hostileNamedKinds())
        QTest::newRow(qPrintable(kind)) << kind;
    QTest::newRow("link to /dev/zero") << QStringLiteral("link to /dev/zero");
    QTest::newRow("socket") << QStringLiteral("socket");
}

void TestRegularFile::refusesAtOnceWhatIsNoRegularFile()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QString path;
    QString code = test::hostileNamedCode(kind);
    int socket = -1;
    const auto closeSocket = qScopeGuard([&socket] {
        if (socket >= 0)
            ::close(socket);
    });
    if (kind == QLatin1String("link to /dev/zero")) {
        path = dir.filePath(QStringLiteral("zero"));
        QVERIFY(test::makeSymlink(QStringLiteral("/dev/zero"), path));
        code = QStringLiteral("not_a_regular_file");
    } else if (kind == QLatin1String("socket")) {
        path = dir.filePath(QStringLiteral("socket"));
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        QVERIFY(std::size_t(native.size()) < sizeof address.sun_path);
        std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
        socket = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(socket >= 0);
        QVERIFY(::bind(socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        code = QStringLiteral("not_a_regular_file");
    } else {
        path = test::plantNamed(kind, dir.path(), qint64(1) << 40);
    }
    QVERIFY(!path.isEmpty());
    QElapsedTimer clock;
    clock.start();
    auto read = readRegularFile(path, 1 << 20);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, code);
    QVERIFY2(read.errorMessage().contains(path), qPrintable(read.errorMessage()));
    QVERIFY2(clock.elapsed() < 1000, "refused only after reading or waiting");
}

void TestRegularFile::aFileReportingNoSizeIsReadOnlyToTheLimit()
{
    // /proc files are regular files of size 0 whatever they hold: the size is a hint only.
    const QString maps = QStringLiteral("/proc/self/maps");
    auto whole = readRegularFile(maps, 16 << 20);
    QVERIFY2(whole.ok(), whole.ok() ? "" : qPrintable(whole.errorMessage()));
    QVERIFY(whole->size() > 64);
    auto cut = readRegularFile(maps, 64);
    QVERIFY(!cut.ok());
    QCOMPARE(cut.error().code, QStringLiteral("file_too_large"));
    // The same bound holds on a descriptor opened by the caller.
    const int fd = ::open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    auto viaFd = readOpenedRegularFile(fd, 64, QStringLiteral("maps"));
    ::close(fd);
    QCOMPARE(viaFd.error().code, QStringLiteral("file_too_large"));
}

void TestRegularFile::missingFileIsNotFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("none.json"));
    auto read = readRegularFile(path, 10);
    QCOMPARE(read.error().code, QStringLiteral("not_found"));
    QVERIFY(read.errorMessage().contains(path));
    QCOMPARE(readRegularFile(QString(), 10).error().code, QStringLiteral("not_found"));
}

void TestRegularFile::limitsAreShownInReadableUnits_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("one") << qint64(1) << "1 byte";
    QTest::newRow("bytes") << qint64(100) << "100 bytes";
    QTest::newRow("KB") << qint64(64 * 1024) << "64 KB";
    QTest::newRow("MB") << qint64(20) * 1024 * 1024 << "20 MB";
    QTest::newRow("GB") << (qint64(2) << 30) << "2 GB";
}

void TestRegularFile::limitsAreShownInReadableUnits()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(byteSize(bytes), text);
}

QTEST_GUILESS_MAIN(TestRegularFile)
#include "TestRegularFile.moc"
