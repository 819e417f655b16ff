#pragma once
// Where the conversation is drawn: a QtWebEngine page (resources/chat) updated in place through
// small script calls, or, when QtWebEngine cannot run on this platform, a QTextBrowser that is
// rebuilt from the same blocks. ChatView decides what to show; this class only draws it.

#include <QObject>

#include <functional>

class QWidget;

namespace awb::ui {

class ChatTranscript : public QObject
{
    Q_OBJECT
public:
    // QtWebEngine unless the platform cannot host it (offscreen/minimal), then the plain browser.
    static ChatTranscript* create(QWidget* parent);
    ~ChatTranscript() override = default;

    virtual QWidget* widget() const = 0;
    // True for the QtWebEngine page.
    virtual bool isRich() const = 0;
    // True once the page can take updates (they are queued until then).
    virtual bool isReady() const = 0;

    // Clears everything; hintHtml (trusted, ours) is shown when the transcript is empty.
    virtual void reset(const QString& hintHtml) = 0;
    virtual void addUser(const QString& who, const QString& text) = 0;
    // Appends raw streamed text to the assistant block of a model step (created on first use).
    virtual void appendText(const QString& stepId, const QString& who, const QString& text) = 0;
    // Replaces that block's content with rendered Markdown (HTML from markdownToHtml).
    virtual void setHtml(const QString& stepId, const QString& who, const QString& html) = 0;
    // Creates or updates, in place, the one-line entry of a tool call.
    virtual void setTool(const QString& stepId, const QString& name, const QString& status,
                         const QString& color, const QString& detail) = 0;
    virtual void addNote(const QString& text, const QString& color) = 0;
    virtual void setUsage(const QString& text) = 0;
    // Sets the page's colours from the widget palette (light or dark).
    virtual void applyPalette() = 0;
    // The transcript as plain text, delivered asynchronously (the page lives in another process).
    virtual void fetchPlainText(QObject* context, std::function<void(const QString&)> done) = 0;

Q_SIGNALS:
    void ready();

protected:
    using QObject::QObject;
};

} // namespace awb::ui
