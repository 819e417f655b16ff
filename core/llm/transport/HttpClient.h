#pragma once
// Moves the model providers' HTTP requests: libcurl's multi interface on one network thread of
// its own, woken by epoll. Any number of requests can be in flight at once: Qt 6.4's
// QNetworkAccessManager opens at most six HTTP/1.1 connections per host and manager, which queued
// concurrent runs against local model servers (vLLM, llama.cpp, Ollama) behind each other. HTTPS
// negotiates HTTP/2 and multiplexes; idle connections are kept and reused. Each request is an
// HttpTransfer whose signals arrive on the thread that started it.

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <memory>

#include "llm/transport/RetryPolicy.h"

namespace awb::llm {

namespace detail {
struct TransferState;
class NetworkThread;
} // namespace detail

struct HttpRequest
{
    QUrl url;
    HttpHeaders headers; // sent as given; nothing is added but Content-Length and Host
    QByteArray body;     // POSTed
};

// Why a transfer ended without a complete reply.
enum class TransferError
{
    None,
    Network, // refused, reset, DNS, proxy, timeout, protocol trouble: another attempt may work
    Tls,     // handshake or certificate: another attempt will not help
    Other,
};

class HttpTransfer : public QObject
{
    Q_OBJECT
public:
    ~HttpTransfer() override; // aborts a running transfer

    // Stops the transfer and closes its connection; no signal follows.
    void abort();
    bool isRunning() const { return m_running; }

    int status() const { return m_status; } // 0 until headersReceived
    const HttpHeaders& headers() const { return m_headers; }
    // The body bytes received since the last call.
    QByteArray readAll();

    TransferError error() const { return m_error; }
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void requestSent(); // connected; the request is on its way
    void headersReceived();
    void readyRead();
    void finished(); // always last, unless aborted

private:
    friend class HttpClient;
    friend struct detail::TransferState;
    explicit HttpTransfer(QObject* parent);
    void drain();

    std::shared_ptr<detail::TransferState> m_state;
    detail::NetworkThread* m_network = nullptr;
    bool m_running = true;
    bool m_sentReported = false;
    bool m_headersReported = false;
    int m_status = 0;
    HttpHeaders m_headers;
    QByteArray m_body;
    TransferError m_error = TransferError::None;
    QString m_errorString;
};

class HttpClient
{
public:
    // The process's client; its network thread starts on first use and stops at exit.
    static HttpClient& shared();

    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Starts a POST; the transfer lives on the calling thread, a child of parent.
    HttpTransfer* post(const HttpRequest& request, QObject* parent = nullptr);

    // Transfers on the network thread now (for benchmarks and tests).
    int activeTransfers() const;

private:
    std::unique_ptr<detail::NetworkThread> m_thread;
};

} // namespace awb::llm
