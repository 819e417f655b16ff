// Delay from a streamed token arriving (ChatView::applyEvent of a TextDelta) to it being shown.
// With QtWebEngine: (a) until a runJavaScript round trip, polled back to back, confirms the text
// is in the page's DOM; (b) in the page, a MutationObserver notes when the text node arrives and a
// requestAnimationFrame + setTimeout(0) after it approximates "painted" (page clock Date.now(),
// the same wall clock as ours). Isolated tokens (each waits ChatView's full 30 ms batch) and a
// steady stream (a token every --every ms). With the QTextBrowser fallback: until the viewport's
// paint with the text. Prints figures only.

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPaintEvent>
#include <QTextBrowser>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QWindow>

#include <map>

#include "GuiBench.h"
#include "chat/ChatTranscript.h"
#include "chat/ChatView.h"
#include "engine/RunEvent.h"
#include "engine/RunState.h"

using namespace awb;
using namespace awb::guibench;

namespace {

const QString kRunId = QStringLiteral("20261001T090000Z-tokens");
const QString kStep = QStringLiteral("s1");

QString token(int i)
{
    return QStringLiteral(" k%1z").arg(i);
}

RunEvent delta(int seq, const QString& text)
{
    RunEvent e;
    e.runId = kRunId;
    e.seq = seq;
    e.time = QDateTime::currentDateTimeUtc();
    e.kind = EventKind::TextDelta;
    e.stepId = kStep;
    e.data = Json{{"text", toStd(text)}};
    return e;
}

void waitMs(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

// Page-side bookkeeping: token number -> {seen, painted} in epoch milliseconds.
const char* kObserver = R"(
window.__awbT = {};
new MutationObserver(function (muts) {
  const now = Date.now(); const ids = [];
  for (const m of muts) for (const n of m.addedNodes) {
    const s = n.nodeType === 3 ? n.data : (n.textContent || "");
    for (const x of s.matchAll(/k(\d+)z/g)) ids.push(x[1]);
  }
  if (!ids.length) return;
  for (const id of ids) window.__awbT[id] = {seen: now};
  requestAnimationFrame(function () { setTimeout(function () {
    const p = Date.now(); for (const id of ids) window.__awbT[id].painted = p; }, 0); });
}).observe(document.getElementById("log"), {childList: true, subtree: true});
true;
)";

// Counts viewport paints of the fallback browser that show a token.
class PaintWatch : public QObject
{
public:
    QTextBrowser* browser = nullptr;
    std::map<int, qint64> pendingSince; // token -> epoch ms of applyEvent
    std::map<int, qint64> paintedAt;

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !pendingSince.empty()) {
            const QString text = browser->toPlainText();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (auto it = pendingSince.begin(); it != pendingSince.end();) {
                if (text.contains(token(it->first).trimmed())) {
                    paintedAt[it->first] = now;
                    it = pendingSince.erase(it);
                } else {
                    ++it;
                }
            }
        }
        return false;
    }
};

int intArg(int argc, char* argv[], const char* name, int fallback)
{
    const QString prefix = QStringLiteral("--%1=").arg(QLatin1String(name));
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a.startsWith(prefix))
            return a.mid(prefix.size()).toInt();
    }
    return fallback;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    const int isolated = intArg(argc, argv, "isolated", 40);
    const int streamed = intArg(argc, argv, "streamed", 400);
    const int everyMs = intArg(argc, argv, "every", 5);

    ui::ChatView chat;
    chat.resize(900, 700);
    chat.show();
    QElapsedTimer setup;
    setup.start();
    while ((!chat.windowHandle() || !chat.windowHandle()->isExposed() ||
            !chat.transcript()->isReady()) &&
           setup.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!chat.transcript()->isReady()) {
        line(QStringLiteral("the chat page did not load within 60 s"));
        return 1;
    }
    const RunState state;
    int seq = 0;
    const bool rich = chat.transcript()->isRich();
    line(QStringLiteral("platform %1, chat %2, load average %3")
             .arg(QGuiApplication::platformName(),
                  rich ? QStringLiteral("QtWebEngine") : QStringLiteral("QTextBrowser"),
                  loadAverage()));

    if (!rich) {
        auto* browser = qobject_cast<QTextBrowser*>(chat.transcript()->widget());
        PaintWatch watch;
        watch.browser = browser;
        browser->viewport()->installEventFilter(&watch);
        std::vector<double> delays;
        for (int i = 1; i <= isolated; ++i) {
            const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
            watch.pendingSince[i] = t0;
            chat.applyEvent(delta(++seq, token(i)), state);
            QElapsedTimer w;
            w.start();
            while (!watch.paintedAt.count(i) && w.elapsed() < 5000)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (watch.paintedAt.count(i))
                delays.push_back(double(watch.paintedAt[i] - t0));
            waitMs(50);
        }
        line(QStringLiteral("isolated token -> fallback viewport painted: ") + percentiles(delays));
        return 0;
    }

    auto* view = qobject_cast<QWebEngineView*>(chat.transcript()->widget());
    QWebEnginePage* page = view->page();
    auto js = [&](const QString& script) {
        QVariant result;
        bool done = false;
        page->runJavaScript(script, [&](const QVariant& v) {
            result = v;
            done = true;
        });
        QElapsedTimer w;
        w.start();
        while (!done && w.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        return result;
    };

    QElapsedTimer clock;
    clock.start();
    std::vector<double> roundTrips;
    for (int i = 0; i < 50; ++i) {
        const qint64 t = clock.nsecsElapsed();
        js(QStringLiteral("1"));
        roundTrips.push_back(double(clock.nsecsElapsed() - t) / 1e6);
    }
    line(QStringLiteral("runJavaScript round trip alone:                 ") +
         percentiles(roundTrips));
    if (!js(QString::fromLatin1(kObserver)).toBool()) {
        line(QStringLiteral("could not install the page's observer"));
        return 1;
    }

    // (1) Isolated tokens: nothing else streaming, so each waits the whole batch interval.
    std::vector<double> confirmed;
    std::map<int, qint64> sentAt;
    for (int i = 1; i <= isolated; ++i) {
        sentAt[i] = QDateTime::currentMSecsSinceEpoch();
        const qint64 t0 = clock.nsecsElapsed();
        chat.applyEvent(delta(++seq, token(i)), state);
        const QString probe =
            QStringLiteral("document.getElementById('log').textContent.includes('k%1z')").arg(i);
        QElapsedTimer w;
        w.start();
        while (!js(probe).toBool() && w.elapsed() < 5000) {
        }
        confirmed.push_back(double(clock.nsecsElapsed() - t0) / 1e6);
        waitMs(50);
    }
    line(QStringLiteral("isolated token -> confirmed in DOM (round trip): ") +
         percentiles(confirmed));

    // (2) A steady stream: a token every everyMs, as a fast model streams.
    int sent = 0;
    QTimer streamer;
    streamer.setTimerType(Qt::PreciseTimer);
    streamer.setInterval(everyMs);
    QObject::connect(&streamer, &QTimer::timeout, &app, [&] {
        const int id = 100000 + ++sent;
        sentAt[id] = QDateTime::currentMSecsSinceEpoch();
        chat.applyEvent(delta(++seq, token(id)), state);
        if (sent == streamed)
            streamer.stop();
    });
    streamer.start();
    while (streamer.isActive())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    waitMs(500);

    const QJsonObject times =
        QJsonDocument::fromJson(
            js(QStringLiteral("JSON.stringify(window.__awbT)")).toString().toUtf8())
            .object();
    std::vector<double> seenIso, paintedIso, seenStream, paintedStream;
    int missing = 0;
    for (const auto& [id, at] : sentAt) {
        const QJsonObject t = times.value(QString::number(id)).toObject();
        if (!t.contains(QLatin1String("painted"))) {
            ++missing;
            continue;
        }
        const double seen = t.value(QLatin1String("seen")).toDouble() - double(at);
        const double painted = t.value(QLatin1String("painted")).toDouble() - double(at);
        (id < 100000 ? seenIso : seenStream).push_back(seen);
        (id < 100000 ? paintedIso : paintedStream).push_back(painted);
    }
    line(QStringLiteral("isolated token -> in the page's DOM (observer):  ") +
         percentiles(seenIso));
    line(QStringLiteral("isolated token -> next frame (rAF + timeout):    ") +
         percentiles(paintedIso));
    line(QStringLiteral("stream, a token every %1 ms -> in the DOM:        ").arg(everyMs) +
         percentiles(seenStream));
    line(QStringLiteral("stream, a token every %1 ms -> next frame:        ").arg(everyMs) +
         percentiles(paintedStream));
    if (missing)
        line(QStringLiteral("%1 tokens never reached the page").arg(missing));
    return missing ? 1 : 0;
}
