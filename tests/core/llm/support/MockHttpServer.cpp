#include "MockHttpServer.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

namespace awb::test {

namespace {
using MockHeader = QPair<QByteArray, QByteArray>;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 529:
        return "Overloaded";
    default:
        return "Status";
    }
}

bool hasHeader(const MockHeaders& headers, const QByteArray& name)
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
} // namespace

MockResponse MockResponse::json(int status, const QByteArray& body, MockHeaders headers)
{
    MockResponse r;
    r.status = status;
    r.headers = std::move(headers);
    if (!hasHeader(r.headers, "Content-Type"))
        r.headers.append(MockHeader("Content-Type", "application/json"));
    r.chunks.push_back({body, 0});
    return r;
}

MockResponse MockResponse::sse(const QList<QByteArray>& pieces, int delayMs)
{
    MockResponse r;
    r.headers.append(MockHeader("Content-Type", "text/event-stream; charset=utf-8"));
    r.headers.append(MockHeader("Cache-Control", "no-cache"));
    r.framing = Framing::Chunked;
    for (const QByteArray& p : pieces)
        r.chunks.push_back({p, delayMs});
    return r;
}

MockResponse MockResponse::ndjson(const QList<QByteArray>& pieces, int delayMs)
{
    MockResponse r = sse(pieces, delayMs);
    r.headers = {{"Content-Type", "application/x-ndjson"}};
    return r;
}

MockResponse MockResponse::silent()
{
    MockResponse r;
    r.neverAnswer = true;
    return r;
}

MockResponse& MockResponse::header(const QByteArray& name, const QByteArray& value)
{
    headers.append(MockHeader(name, value));
    return *this;
}

QByteArray MockResponse::body() const
{
    QByteArray out;
    for (const MockChunk& c : chunks)
        out += c.bytes;
    return out;
}

QByteArray RecordedRequest::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// One accepted socket: parses requests in order and plays each response's steps.
class MockHttpServer::Connection : public QObject
{
public:
    Connection(MockHttpServer* server, QTcpSocket* socket)
        : QObject(server), m_server(server), m_socket(socket)
    {
        ++m_server->m_open;
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { close(); });
    }

private:
    struct Step
    {
        int delayMs = 0;
        QByteArray bytes;
        bool close = false;
    };

    void close()
    {
        if (m_closed)
            return;
        m_closed = true;
        --m_server->m_open;
        m_steps.clear();
        deleteLater();
    }

    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        parseRequests();
    }

    void parseRequests()
    {
        while (!m_busy && !m_closed) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
            RecordedRequest request;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            qsizetype contentLength = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                request.headers.append(MockHeader(name, value));
                if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                    contentLength = value.toLongLong();
            }
            const qsizetype total = headEnd + 4 + contentLength;
            if (m_buffer.size() < total)
                return; // the body is still on its way
            request.body = m_buffer.mid(headEnd + 4, contentLength);
            m_buffer.remove(0, total);
            m_busy = true;
            play(m_server->take(request));
        }
    }

    void play(const MockResponse& r)
    {
        if (r.neverAnswer)
            return; // busy for good: later bytes on this socket are ignored
        MockHeaders headers = r.headers;
        const QByteArray body = r.body();
        switch (r.framing) {
        case MockResponse::Framing::ContentLength:
            if (!hasHeader(headers, "Content-Length"))
                headers.append(MockHeader("Content-Length", QByteArray::number(body.size())));
            break;
        case MockResponse::Framing::Chunked:
            headers.append(MockHeader("Transfer-Encoding", "chunked"));
            break;
        case MockResponse::Framing::CloseDelimited:
            headers.append(MockHeader("Connection", "close"));
            break;
        }
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
        for (const auto& [name, value] : headers)
            head += name + ": " + value + "\r\n";
        head += "\r\n";
        m_steps.clear();
        m_steps.push_back({r.headerDelayMs, head, false});

        qint64 sent = 0;
        const bool chunked = r.framing == MockResponse::Framing::Chunked;
        for (const MockChunk& c : r.chunks) {
            QByteArray data = c.bytes;
            bool cut = false;
            if (r.closeAfterBodyBytes >= 0 && sent + data.size() >= r.closeAfterBodyBytes) {
                data = data.left(r.closeAfterBodyBytes - sent);
                cut = true;
            }
            sent += data.size();
            QByteArray framed = data;
            if (chunked && !c.bytes.isEmpty()) // announce the whole chunk, even when it is cut
                framed =
                    QByteArray::number(c.bytes.size(), 16) + "\r\n" + data + (cut ? "" : "\r\n");
            m_steps.push_back({c.delayMs, framed, cut});
            if (cut)
                break;
        }
        if (m_steps.back().close == false) {
            if (chunked)
                m_steps.push_back({0, "0\r\n\r\n", false});
            if (r.framing == MockResponse::Framing::CloseDelimited)
                m_steps.push_back({0, QByteArray(), true});
        }
        m_next = 0;
        runNext();
    }

    void runNext()
    {
        while (!m_closed) {
            if (m_next >= m_steps.size()) {
                m_busy = false;
                parseRequests(); // keep-alive: the next request may already be buffered
                return;
            }
            const Step step = m_steps[m_next++];
            if (step.delayMs > 0) {
                QTimer::singleShot(step.delayMs, this, [this, step] {
                    if (perform(step))
                        runNext();
                });
                return;
            }
            if (!perform(step))
                return;
        }
    }

    // False when the connection is closed.
    bool perform(const Step& step)
    {
        if (m_closed)
            return false;
        if (!step.bytes.isEmpty())
            m_socket->write(step.bytes);
        m_socket->flush();
        if (step.close) {
            m_socket->disconnectFromHost(); // after the pending bytes
            return false;
        }
        return true;
    }

    MockHttpServer* m_server;
    QTcpSocket* m_socket;
    QByteArray m_buffer;
    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    bool m_busy = false;
    bool m_closed = false;
};

MockHttpServer::MockHttpServer(QObject* parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockHttpServer::onNewConnection);
}

MockHttpServer::~MockHttpServer()
{
    m_server.close();
}

bool MockHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 MockHttpServer::port() const
{
    return m_server.serverPort();
}

QString MockHttpServer::baseUrl(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void MockHttpServer::enqueue(MockResponse response)
{
    m_queue.push_back(std::move(response));
}

int MockHttpServer::openConnections() const
{
    return m_open;
}

void MockHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection())
        new Connection(this, socket);
}

MockResponse MockHttpServer::take(const RecordedRequest& request)
{
    m_requests.push_back(request);
    MockResponse r;
    if (m_queue.empty()) {
        r = MockResponse::json(500,
                               "{\"error\":{\"message\":\"mock server: no response queued for " +
                                   request.method + " " + request.path + "\"}}");
    } else {
        r = std::move(m_queue.front());
        m_queue.pop_front();
    }
    Q_EMIT requestReceived(int(m_requests.size()) - 1);
    return r;
}

bool MockHttpServer::waitForRequests(int count, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (int(m_requests.size()) < count && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &MockHttpServer::requestReceived, &loop, &QEventLoop::quit);
        timer.start(std::max<qint64>(1, deadline.remainingTime()));
        loop.exec();
    }
    return int(m_requests.size()) >= count;
}

} // namespace awb::test
