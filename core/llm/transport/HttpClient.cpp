#include "llm/transport/HttpClient.h"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <QMetaObject>
#include <QPointer>

#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "util/Log.h"

namespace awb::llm {

namespace detail {

class NetworkThread;

// What the network thread and the transfer's own thread share. The network thread fills the
// "produced" fields and, when nothing is queued yet, queues one drain() on the receiver; the
// receiver's thread takes them under the same mutex.
struct TransferState
{
    std::mutex mutex;
    HttpTransfer* receiver = nullptr; // null once the transfer is aborted or destroyed
    bool drainQueued = false;
    // Produced by the network thread.
    bool sent = false;
    bool headersDone = false;
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    bool finished = false;
    TransferError error = TransferError::None;
    QString errorString;

    // Network thread only.
    NetworkThread* network = nullptr;
    bool connected = false; // curl has a connection for it (new or reused)
    CURL* easy = nullptr;
    curl_slist* headerList = nullptr;
    QByteArray requestBody; // curl reads it in place
    HttpHeaders incomingHeaders;
    std::array<char, CURL_ERROR_SIZE> errorBuffer{};

    // Call with the mutex held.
    void notify()
    {
        if (drainQueued || !receiver)
            return;
        drainQueued = true;
        QMetaObject::invokeMethod(receiver, &HttpTransfer::drain, Qt::QueuedConnection);
    }
};

namespace {

TransferError classify(CURLcode code)
{
    switch (code) {
    case CURLE_OK:
        return TransferError::None;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_PROXY:
        return TransferError::Network;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return TransferError::Tls;
    default:
        return TransferError::Other;
    }
}

// Loopback never goes through a proxy; other hosts follow http_proxy / https_proxy / no_proxy.
QByteArray noProxyList()
{
    QByteArray list = qgetenv("NO_PROXY");
    if (list.isEmpty())
        list = qgetenv("no_proxy");
    if (!list.isEmpty())
        list += ',';
    return list + "127.0.0.1,localhost,::1";
}

} // namespace

// Transfers are admitted to curl while fewer than this many wait for a connection; the rest queue
// in order. A burst of thousands of connection attempts would overflow the server's accept queue
// (node's default backlog is 511, Python's 5): the kernel then drops SYNs and the client retries
// after 1, 3, 7 s, which turned a 200 ms call into seconds. Reused connections pass at once.
constexpr int kMaxConnecting = 256;

class NetworkThread
{
public:
    NetworkThread()
    {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        m_multi = curl_multi_init();
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        m_wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = m_wake;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
        curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &NetworkThread::onSocket);
        curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
        curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &NetworkThread::onTimer);
        curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
        m_connectionCache = 64;
        curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(m_connectionCache));
        m_noProxy = noProxyList();
        m_thread = std::thread([this] { loop(); });
    }

    ~NetworkThread()
    {
        m_stopping = true;
        wake();
        m_thread.join();
        for (auto& [easy, state] : m_active) {
            curl_multi_remove_handle(m_multi, easy);
            release(*state);
        }
        m_active.clear();
        for (auto& state : m_waiting) {
            if (state->easy)
                release(*state);
        }
        m_waiting.clear();
        curl_multi_cleanup(m_multi);
        ::close(m_wake);
        ::close(m_epoll);
    }

    // Any thread.
    void add(std::shared_ptr<TransferState> state) { enqueue({Command::Add, std::move(state)}); }
    void remove(std::shared_ptr<TransferState> state)
    {
        enqueue({Command::Remove, std::move(state)});
    }
    int active() const { return m_activeCount.load(); }

    // Called on the requester's thread: everything curl needs, owned by the state.
    std::shared_ptr<TransferState> prepare(const HttpRequest& request)
    {
        auto state = std::make_shared<TransferState>();
        state->network = this;
        state->requestBody = request.body;
        CURL* easy = curl_easy_init();
        state->easy = easy;
        const QByteArray url = request.url.toEncoded();
        curl_easy_setopt(easy, CURLOPT_URL, url.constData()); // curl copies strings
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, state->requestBody.constData());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(state->requestBody.size()));
        for (const auto& [name, value] : request.headers)
            state->headerList =
                curl_slist_append(state->headerList, (name + ": " + value).constData());
        // No "Expect: 100-continue" round trip before large bodies.
        state->headerList = curl_slist_append(state->headerList, "Expect:");
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, state->headerList);
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(easy, CURLOPT_NOPROXY, m_noProxy.constData());
        if (request.url.scheme() == QLatin1String("https"))
            curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L); // wait to multiplex on HTTP/2
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, state->errorBuffer.data());
        curl_easy_setopt(easy, CURLOPT_PRIVATE, state.get());
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &NetworkThread::onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, state.get());
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &NetworkThread::onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, state.get());
        curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &NetworkThread::onConnected);
        curl_easy_setopt(easy, CURLOPT_PREREQDATA, state.get());
        return state;
    }

private:
    struct Command
    {
        enum Kind
        {
            Add,
            Remove
        } kind;
        std::shared_ptr<TransferState> state;
    };

    void enqueue(Command command)
    {
        bool first;
        {
            std::lock_guard lock(m_queueMutex);
            first = m_queue.empty();
            m_queue.push_back(std::move(command));
        }
        if (first)
            wake();
    }

    void wake()
    {
        const uint64_t one = 1;
        [[maybe_unused]] const auto written = ::write(m_wake, &one, sizeof one);
    }

    void loop()
    {
        std::array<epoll_event, 256> events{};
        int running = 0;
        while (!m_stopping) {
            int waitMs = -1;
            if (m_timerArmed) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    m_deadline - std::chrono::steady_clock::now());
                waitMs = int(std::max<long long>(0, left.count()));
            }
            const int n = epoll_wait(m_epoll, events.data(), int(events.size()), waitMs);
            if (n < 0 && errno != EINTR) {
                qCWarning(lcLlm) << "epoll_wait failed:" << std::strerror(errno);
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_wake) {
                    uint64_t count;
                    [[maybe_unused]] const auto read = ::read(m_wake, &count, sizeof count);
                    runCommands();
                    continue;
                }
                int flags = 0;
                if (events[i].events & EPOLLIN)
                    flags |= CURL_CSELECT_IN;
                if (events[i].events & EPOLLOUT)
                    flags |= CURL_CSELECT_OUT;
                if (events[i].events & (EPOLLERR | EPOLLHUP))
                    flags |= CURL_CSELECT_ERR;
                curl_multi_socket_action(m_multi, fd, flags, &running);
            }
            if (m_timerArmed && std::chrono::steady_clock::now() >= m_deadline) {
                m_timerArmed = false;
                curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
            }
            collectFinished();
            admit();
        }
    }

    void runCommands()
    {
        std::vector<Command> commands;
        {
            std::lock_guard lock(m_queueMutex);
            commands.swap(m_queue);
        }
        for (Command& c : commands) {
            TransferState& state = *c.state;
            if (c.kind == Command::Add) {
                ++m_activeCount;
                m_waiting.push_back(std::move(c.state));
            } else if (state.easy && m_active.count(state.easy)) {
                // Mid-transfer, curl closes the connection rather than reuse it.
                CURL* easy = state.easy;
                curl_multi_remove_handle(m_multi, easy);
                connectionSettled(state);
                release(state);
                m_active.erase(easy);
                --m_activeCount;
            } else if (state.easy) {
                release(state); // still waiting for admission: admit() passes over it
                --m_activeCount;
            }
        }
    }

    // Hands waiting transfers to curl while few enough wait for a connection.
    void admit()
    {
        while (m_connecting < kMaxConnecting && !m_waiting.empty()) {
            std::shared_ptr<TransferState> state = std::move(m_waiting.front());
            m_waiting.pop_front();
            if (!state->easy)
                continue; // aborted while waiting
            ++m_connecting;
            CURL* easy = state->easy;
            m_active.emplace(easy, std::move(state));
            curl_multi_add_handle(m_multi, easy);
        }
        // Keep an idle connection for every transfer of the busiest moment: runs reuse them
        // between their model calls. (curl's default, four per easy handle in the multi, shrinks as
        // transfers end and closes connections a moment before the runs need them again.)
        if (m_active.size() > m_connectionCache) {
            m_connectionCache = m_active.size();
            curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(m_connectionCache));
        }
    }

    void connectionSettled(TransferState& state)
    {
        if (!state.connected) {
            state.connected = true;
            --m_connecting;
        }
    }

    void collectFinished()
    {
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(m_multi, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            CURL* easy = msg->easy_handle;
            const CURLcode code = msg->data.result;
            auto it = m_active.find(easy);
            if (it == m_active.end())
                continue;
            std::shared_ptr<TransferState> state = std::move(it->second);
            m_active.erase(it);
            --m_activeCount;
            curl_multi_remove_handle(m_multi, easy);
            connectionSettled(*state);
            QString message;
            if (code != CURLE_OK)
                message = QString::fromUtf8(state->errorBuffer[0] ? state->errorBuffer.data()
                                                                  : curl_easy_strerror(code));
            release(*state);
            std::lock_guard lock(state->mutex);
            state->finished = true;
            state->error = classify(code);
            state->errorString = message;
            state->notify();
        }
    }

    static void release(TransferState& state)
    {
        curl_easy_cleanup(state.easy);
        state.easy = nullptr;
        curl_slist_free_all(state.headerList);
        state.headerList = nullptr;
    }

    static int onSocket(CURL*, curl_socket_t socket, int what, void* self, void* known)
    {
        auto* thread = static_cast<NetworkThread*>(self);
        if (what == CURL_POLL_REMOVE) {
            epoll_ctl(thread->m_epoll, EPOLL_CTL_DEL, socket, nullptr); // may be closed already
            curl_multi_assign(thread->m_multi, socket, nullptr);
            return 0;
        }
        epoll_event ev{};
        ev.events = ((what & CURL_POLL_IN) ? uint32_t(EPOLLIN) : 0u) |
                    ((what & CURL_POLL_OUT) ? uint32_t(EPOLLOUT) : 0u);
        ev.data.fd = socket;
        int op = known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
        if (epoll_ctl(thread->m_epoll, op, socket, &ev) != 0) {
            // A descriptor number curl closed and reused, or one epoll dropped on close.
            op = errno == EEXIST ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
            epoll_ctl(thread->m_epoll, op, socket, &ev);
        }
        curl_multi_assign(thread->m_multi, socket, thread);
        return 0;
    }

    static int onTimer(CURLM*, long timeoutMs, void* self)
    {
        auto* thread = static_cast<NetworkThread*>(self);
        thread->m_timerArmed = timeoutMs >= 0;
        if (timeoutMs >= 0)
            thread->m_deadline =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        return 0;
    }

    static int onConnected(void* data, char*, char*, int, int)
    {
        auto* state = static_cast<TransferState*>(data);
        state->network->connectionSettled(*state);
        std::lock_guard lock(state->mutex);
        state->sent = true;
        state->notify();
        return CURL_PREREQFUNC_OK;
    }

    static size_t onHeader(char* bytes, size_t size, size_t count, void* data)
    {
        auto* state = static_cast<TransferState*>(data);
        const size_t length = size * count;
        QByteArray line(bytes, qsizetype(length));
        if (line.startsWith("HTTP/")) {
            state->incomingHeaders.clear(); // a new response (after a 1xx) starts over
            return length;
        }
        line = line.trimmed();
        if (!line.isEmpty()) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                state->incomingHeaders.append(
                    {line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            return length;
        }
        long status = 0;
        curl_easy_getinfo(state->easy, CURLINFO_RESPONSE_CODE, &status);
        if (status >= 100 && status < 200)
            return length; // 100 Continue and friends: the real response follows
        std::lock_guard lock(state->mutex);
        state->headersDone = true;
        state->status = int(status);
        state->headers = std::move(state->incomingHeaders);
        state->incomingHeaders.clear();
        state->notify();
        return length;
    }

    static size_t onBody(char* bytes, size_t size, size_t count, void* data)
    {
        auto* state = static_cast<TransferState*>(data);
        const size_t length = size * count;
        std::lock_guard lock(state->mutex);
        if (!state->receiver)
            return 0; // aborted: a short count stops the transfer
        state->body.append(bytes, qsizetype(length));
        state->notify();
        return length;
    }

    CURLM* m_multi = nullptr;
    int m_epoll = -1;
    int m_wake = -1;
    QByteArray m_noProxy;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_activeCount{0};
    std::mutex m_queueMutex;
    std::vector<Command> m_queue;
    // Network thread only.
    std::unordered_map<CURL*, std::shared_ptr<TransferState>> m_active;
    std::deque<std::shared_ptr<TransferState>> m_waiting;
    int m_connecting = 0; // admitted transfers without a connection yet
    std::size_t m_connectionCache = 0;
    bool m_timerArmed = false;
    std::chrono::steady_clock::time_point m_deadline;
};

} // namespace detail

HttpTransfer::HttpTransfer(QObject* parent) : QObject(parent) {}

HttpTransfer::~HttpTransfer()
{
    abort();
}

void HttpTransfer::abort()
{
    if (!m_state)
        return;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->receiver = nullptr;
    }
    const bool wasRunning = m_running;
    m_running = false;
    if (wasRunning)
        m_network->remove(m_state);
    m_state.reset();
}

QByteArray HttpTransfer::readAll()
{
    return std::exchange(m_body, QByteArray());
}

void HttpTransfer::drain()
{
    if (!m_state)
        return;
    bool sent, headers, ended;
    {
        std::lock_guard lock(m_state->mutex);
        m_state->drainQueued = false;
        sent = m_state->sent && !m_sentReported;
        headers = m_state->headersDone && !m_headersReported;
        if (headers) {
            m_status = m_state->status;
            m_headers = std::move(m_state->headers);
        }
        if (m_body.isEmpty())
            m_body = std::move(m_state->body);
        else
            m_body.append(m_state->body);
        m_state->body.clear();
        ended = m_state->finished;
        if (ended) {
            m_error = m_state->error;
            m_errorString = m_state->errorString;
        }
    }
    // A slot may abort or delete this transfer: check after each signal.
    QPointer<HttpTransfer> self(this);
    if (sent || (headers && !m_sentReported)) {
        m_sentReported = true;
        Q_EMIT requestSent();
        if (!self || !m_state)
            return;
    }
    if (headers) {
        m_headersReported = true;
        Q_EMIT headersReceived();
        if (!self || !m_state)
            return;
    }
    if (!m_body.isEmpty()) {
        Q_EMIT readyRead();
        if (!self || !m_state)
            return;
    }
    if (ended) {
        m_running = false;
        m_state.reset();
        Q_EMIT finished();
    }
}

HttpClient& HttpClient::shared()
{
    static HttpClient client;
    return client;
}

HttpClient::HttpClient() : m_thread(std::make_unique<detail::NetworkThread>()) {}

HttpClient::~HttpClient() = default;

int HttpClient::activeTransfers() const
{
    return m_thread->active();
}

HttpTransfer* HttpClient::post(const HttpRequest& request, QObject* parent)
{
    auto* transfer = new HttpTransfer(parent);
    transfer->m_state = m_thread->prepare(request);
    transfer->m_network = m_thread.get();
    transfer->m_state->receiver = transfer;
    m_thread->add(transfer->m_state);
    return transfer;
}

} // namespace awb::llm
