#include "chat/ChatTranscript.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <vector>

// Qt resources of a static library are registered by name, from the global namespace.
static void initChatResources()
{
    Q_INIT_RESOURCE(chat);
}

namespace awb::ui {

namespace {
Q_LOGGING_CATEGORY(lcChat, "awb.ui.chat")

const QUrl kPageUrl(QStringLiteral("qrc:/chat/chat.html"));

// A JavaScript string literal for any text (cheap: no JSON library, one pass).
QString jsString(const QString& s)
{
    QString out;
    out.reserve(s.size() + 8);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case 0x2028:
            out += QLatin1String("\\u2028");
            break;
        case 0x2029:
            out += QLatin1String("\\u2029");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString cssColor(const QColor& c)
{
    return c.name(QColor::HexRgb);
}

// The page never navigates away: links open in the desktop's browser, if they are web or mail
// links.
class ChatPage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override
    {
        if (url == kPageUrl && type != NavigationTypeLinkClicked)
            return true;
        if (isMainFrame && type == NavigationTypeLinkClicked &&
            (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http") ||
             url.scheme() == QLatin1String("mailto")))
            QDesktopServices::openUrl(url);
        return false;
    }
};

class WebTranscript final : public ChatTranscript
{
public:
    explicit WebTranscript(QWidget* parent)
        : ChatTranscript(parent), m_view(new QWebEngineView(parent))
    {
        m_view->setObjectName(QStringLiteral("chatTranscript"));
        m_view->setAccessibleName(tr("Conversation"));
        m_view->setContextMenuPolicy(Qt::NoContextMenu);
        auto* page = new ChatPage(m_view);
        page->setBackgroundColor(m_view->palette().color(QPalette::Base));
        m_view->setPage(page);
        connect(m_view, &QWebEngineView::loadFinished, this, [this](bool ok) {
            if (!ok) {
                qCWarning(lcChat) << "the chat page did not load from" << kPageUrl;
                return;
            }
            m_ready = true;
            applyPalette();
            const QStringList queued = std::exchange(m_queue, {});
            for (const QString& script : queued)
                m_view->page()->runJavaScript(script);
            Q_EMIT ready();
        });
        m_view->load(kPageUrl);
    }

    QWidget* widget() const override { return m_view; }
    bool isRich() const override { return true; }
    bool isReady() const override { return m_ready; }

    void reset(const QString& hintHtml) override
    {
        m_queue.clear(); // nothing queued before a reset can matter any more
        call(QStringLiteral("awb.reset(%1)").arg(jsString(hintHtml)));
    }
    void addUser(const QString& who, const QString& text) override
    {
        call(QStringLiteral("awb.user(%1,%2)").arg(jsString(who), jsString(text)));
    }
    void appendText(const QString& stepId, const QString& who, const QString& text) override
    {
        call(QStringLiteral("awb.stream(%1,%2,%3)")
                 .arg(jsString(stepId), jsString(who), jsString(text)));
    }
    void setHtml(const QString& stepId, const QString& who, const QString& html) override
    {
        call(QStringLiteral("awb.render(%1,%2,%3)")
                 .arg(jsString(stepId), jsString(who), jsString(html)));
    }
    void setTool(const QString& stepId, const QString& name, const QString& status,
                 const QString& color, const QString& detail) override
    {
        call(QStringLiteral("awb.tool(%1,%2,%3,%4,%5)")
                 .arg(jsString(stepId), jsString(name), jsString(status), jsString(color),
                      jsString(detail)));
    }
    void addNote(const QString& text, const QString& color) override
    {
        call(QStringLiteral("awb.note(%1,%2)").arg(jsString(text), jsString(color)));
    }
    void setUsage(const QString& text) override
    {
        call(QStringLiteral("awb.usage(%1)").arg(jsString(text)));
    }
    void applyPalette() override
    {
        const QPalette p = m_view->palette();
        m_view->page()->setBackgroundColor(p.color(QPalette::Base));
        const bool dark = p.color(QPalette::Base).lightness() < 128;
        const QString vars =
            QStringLiteral("{bg:%1,fg:%2,muted:%3,accent:%4,card:%5,border:%6,code:%7}")
                .arg(jsString(cssColor(p.color(QPalette::Base))),
                     jsString(cssColor(p.color(QPalette::Text))),
                     jsString(cssColor(p.color(QPalette::PlaceholderText))),
                     jsString(cssColor(p.color(QPalette::Highlight))),
                     jsString(cssColor(p.color(QPalette::AlternateBase))),
                     jsString(cssColor(p.color(QPalette::Mid))),
                     jsString(cssColor(p.color(QPalette::Base).darker(dark ? 70 : 104))));
        if (m_ready)
            m_view->page()->runJavaScript(QStringLiteral("awb.theme(%1)").arg(vars));
    }
    void fetchPlainText(QObject* context, std::function<void(const QString&)> done) override
    {
        QPointer<QObject> guard(context);
        m_view->page()->toPlainText([guard, done = std::move(done)](const QString& text) {
            if (guard)
                done(text);
        });
    }

private:
    void call(const QString& script)
    {
        if (m_ready)
            m_view->page()->runJavaScript(script);
        else
            m_queue << script;
    }

    QWebEngineView* m_view;
    QStringList m_queue;
    bool m_ready = false;
};

// The fallback: the same blocks, rebuilt as one HTML document at most once per event-loop turn.
class PlainTranscript final : public ChatTranscript
{
public:
    explicit PlainTranscript(QWidget* parent)
        : ChatTranscript(parent), m_browser(new QTextBrowser(parent))
    {
        m_browser->setObjectName(QStringLiteral("chatTranscript"));
        m_browser->setAccessibleName(tr("Conversation"));
        m_browser->setOpenExternalLinks(true);
        m_browser->document()->setDocumentMargin(12);
        m_render.setSingleShot(true);
        m_render.setInterval(0);
        connect(&m_render, &QTimer::timeout, this, &PlainTranscript::render);
        QTimer::singleShot(0, this, &ChatTranscript::ready);
    }

    QWidget* widget() const override { return m_browser; }
    bool isRich() const override { return false; }
    bool isReady() const override { return true; }

    void reset(const QString& hintHtml) override
    {
        m_blocks.clear();
        m_hint = hintHtml;
        m_usage.clear();
        changed();
    }
    void addUser(const QString& who, const QString& text) override
    {
        m_blocks.push_back({Block::User, {}, who, text, {}, {}});
        changed();
    }
    void appendText(const QString& stepId, const QString& who, const QString& text) override
    {
        assistant(stepId, who).text += text;
        changed();
    }
    void setHtml(const QString& stepId, const QString& who, const QString& html) override
    {
        Block& b = assistant(stepId, who);
        b.html = html;
        b.text.clear();
        changed();
    }
    void setTool(const QString& stepId, const QString& name, const QString& status,
                 const QString& color, const QString& detail) override
    {
        Block* b = find(Block::Tool, stepId);
        if (!b) {
            m_blocks.push_back({Block::Tool, stepId, {}, {}, {}, {}});
            b = &m_blocks.back();
        }
        b->who = name;
        b->text = detail;
        b->html = status;
        b->color = color;
        changed();
    }
    void addNote(const QString& text, const QString& color) override
    {
        m_blocks.push_back({Block::Note, {}, {}, text, {}, color});
        changed();
    }
    void setUsage(const QString& text) override
    {
        m_usage = text;
        changed();
    }
    void applyPalette() override { changed(); }
    void fetchPlainText(QObject* context, std::function<void(const QString&)> done) override
    {
        QTimer::singleShot(0, context, [this, done = std::move(done)] {
            render();
            done(m_browser->toPlainText());
        });
    }

private:
    struct Block
    {
        enum Kind
        {
            User,
            Assistant,
            Tool,
            Note
        } kind;
        QString id, who, text, html, color;
    };

    Block* find(Block::Kind kind, const QString& id)
    {
        for (Block& b : m_blocks) {
            if (b.kind == kind && b.id == id)
                return &b;
        }
        return nullptr;
    }
    Block& assistant(const QString& stepId, const QString& who)
    {
        if (Block* b = find(Block::Assistant, stepId))
            return *b;
        m_blocks.push_back({Block::Assistant, stepId, who, {}, {}, {}});
        return m_blocks.back();
    }
    void changed()
    {
        if (!m_render.isActive())
            m_render.start();
    }
    void render()
    {
        m_render.stop();
        const QScrollBar* bar = m_browser->verticalScrollBar();
        const bool following = bar->value() >= bar->maximum() - 4;
        const QString muted = cssColor(m_browser->palette().color(QPalette::PlaceholderText));
        const QString accent = cssColor(m_browser->palette().color(QPalette::Highlight));
        QString html;
        if (m_blocks.empty())
            html += m_hint;
        for (const Block& b : m_blocks) {
            switch (b.kind) {
            case Block::User:
                html +=
                    QStringLiteral("<p style='margin-top:8px'><b style='color:%1'>%2</b><br>%3</p>")
                        .arg(accent, b.who.toHtmlEscaped(),
                             b.text.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                            QLatin1String("<br>")));
                break;
            case Block::Assistant:
                html += QStringLiteral("<p style='margin-top:10px'><b style='color:%1'>%2</b></p>")
                            .arg(accent, b.who.toHtmlEscaped());
                html += b.html.isEmpty() ? QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
                                               .arg(b.text.toHtmlEscaped())
                                         : b.html;
                break;
            case Block::Tool:
                html += QStringLiteral("<p style='margin:1px 0; color:%1'>\u2192 <tt>%2</tt> "
                                       "<b style='color:%3'>%4</b> %5</p>")
                            .arg(muted, b.who.toHtmlEscaped(), b.color.isEmpty() ? muted : b.color,
                                 b.html.toHtmlEscaped(), b.text.toHtmlEscaped());
                break;
            case Block::Note:
                html += QStringLiteral("<p style='color:%1'>%2</p>")
                            .arg(b.color.isEmpty() ? muted : b.color, b.text.toHtmlEscaped());
                break;
            }
        }
        if (!m_usage.isEmpty())
            html += QStringLiteral("<hr><p style='color:%1'>%2</p>")
                        .arg(muted, m_usage.toHtmlEscaped());
        m_browser->setHtml(html);
        if (following)
            m_browser->verticalScrollBar()->setValue(m_browser->verticalScrollBar()->maximum());
    }

    QTextBrowser* m_browser;
    std::vector<Block> m_blocks;
    QString m_hint, m_usage;
    QTimer m_render;
};

bool platformHostsWebEngine()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}
} // namespace

ChatTranscript* ChatTranscript::create(QWidget* parent)
{
    initChatResources();
    if (platformHostsWebEngine())
        return new WebTranscript(parent);
    qCInfo(lcChat) << "QtWebEngine cannot run on the" << QGuiApplication::platformName()
                   << "platform: the chat uses the plain text view";
    return new PlainTranscript(parent);
}

} // namespace awb::ui
