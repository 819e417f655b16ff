#pragma once
// An HTTP/1.1 server on 127.0.0.1 for provider tests: answers each request with the next
// scripted response (status, headers, body chunks with delays between them, a connection cut
// after N body bytes, or no answer at all) and records every request it received.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>

#include <deque>
#include <vector>

namespace awb::test {

using MockHeaders = QList<QPair<QByteArray, QByteArray>>;

struct MockChunk
{
    QByteArray bytes;
    int delayMs = 0; // wait before sending this chunk
};

struct MockResponse
{
    enum class Framing
    {
        ContentLength,  // Content-Length: the total of the chunks
        Chunked,        // Transfer-Encoding: chunked, one HTTP chunk per MockChunk
        CloseDelimited, // no length; the body ends when the server closes (Connection: close)
    };

    int status = 200;
    MockHeaders headers;
    std::vector<MockChunk> chunks;
    Framing framing = Framing::ContentLength;
    int headerDelayMs = 0;           // wait before the status line
    qint64 closeAfterBodyBytes = -1; // cut the connection once this many body bytes are out
    bool neverAnswer = false;        // read the request, then say nothing

    static MockResponse json(int status, const QByteArray& body, MockHeaders headers = {});
    // text/event-stream, chunked, one MockChunk per piece.
    static MockResponse sse(const QList<QByteArray>& pieces, int delayMs = 0);
    // application/x-ndjson, chunked.
    static MockResponse ndjson(const QList<QByteArray>& pieces, int delayMs = 0);
    static MockResponse silent();

    MockResponse& header(const QByteArray& name, const QByteArray& value);
    QByteArray body() const; // the chunks joined
};

struct RecordedRequest
{
    QByteArray method;
    QByteArray path; // with the query
    MockHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

class MockHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit MockHttpServer(QObject* parent = nullptr);
    ~MockHttpServer() override;

    bool listen(); // 127.0.0.1, a free port
    quint16 port() const;
    QString baseUrl(const QString& path = QString()) const; // "http://127.0.0.1:PORT" + path

    // Responses are used in order, one per request; with none left the answer is a 500 that
    // says so.
    void enqueue(MockResponse response);
    int queued() const { return int(m_queue.size()); }

    const std::vector<RecordedRequest>& requests() const { return m_requests; }
    // Processes events until `count` requests arrived or timeoutMs passed.
    bool waitForRequests(int count, int timeoutMs = 5000);
    // Connections currently open (a client that gave up closes its own).
    int openConnections() const;

Q_SIGNALS:
    void requestReceived(int index);

private:
    class Connection;
    void onNewConnection();
    MockResponse take(const RecordedRequest& request);

    QTcpServer m_server;
    std::deque<MockResponse> m_queue;
    std::vector<RecordedRequest> m_requests;
    int m_open = 0;
};

} // namespace awb::test
