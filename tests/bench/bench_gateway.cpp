// SPDX-License-Identifier: MIT
// bench_gateway: the gateway benchmark. Starts a fast loopback upstream (epoll, keep-alive,
// fixed chat.completion or SSE answers) and measures, in the same run and alternating in
// rounds, the paths direct -> upstream, nginx (keep-alive reverse proxy, the floor cost of one
// proxy hop) -> upstream and switchyard-gateway -> upstream: requests per second, latency and
// added latency (p50, p99) for non-streaming and streaming calls at a fixed rate (open loop,
// latency from the scheduled send time) and at saturation (closed loop, 1/16/64 connections),
// time to the first SSE event, and the gateway's RSS. Upstream and load run on CPU 0, the proxy
// under test on CPU 1. It prints figures and targets; nothing is asserted.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// small helpers

int64_t nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void setNoDelay(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool iequalsPrefix(std::string_view line, std::string_view name)
{
    if (line.size() < name.size())
        return false;
    for (size_t i = 0; i < name.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(line[i])) != std::tolower(static_cast<unsigned char>(name[i])))
            return false;
    }
    return true;
}

bool icontains(std::string_view hay, std::string_view needle)
{
    if (needle.size() > hay.size())
        return false;
    for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        if (iequalsPrefix(hay.substr(i), needle))
            return true;
    }
    return false;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

struct HeadInfo {
    int status = 0;           ///< responses only
    int64_t contentLength = -1;
    bool chunked = false;
    bool close = false;
    bool http10 = false;
};

/// Parses the header block [0, headEnd) of a request or response (headEnd points past "\r\n\r\n").
HeadInfo parseHead(std::string_view head, bool response)
{
    HeadInfo info;
    size_t pos = head.find("\r\n");
    const std::string_view first = head.substr(0, pos);
    if (response) {
        info.http10 = first.substr(0, 8) == "HTTP/1.0";
        if (first.size() >= 12)
            info.status = std::atoi(std::string(first.substr(9, 3)).c_str());
    } else {
        info.http10 = first.size() >= 8 && first.substr(first.size() - 8) == "HTTP/1.0";
    }
    info.close = info.http10;
    while (pos != std::string_view::npos && pos + 2 < head.size()) {
        const size_t start = pos + 2;
        const size_t end = head.find("\r\n", start);
        const std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        pos = end;
        if (line.empty())
            break;
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trim(line.substr(colon + 1));
        if (name.size() == 14 && iequalsPrefix(name, "content-length"))
            info.contentLength = std::atoll(std::string(value).c_str());
        else if (name.size() == 17 && iequalsPrefix(name, "transfer-encoding"))
            info.chunked = icontains(value, "chunked");
        else if (name.size() == 10 && iequalsPrefix(name, "connection")) {
            if (icontains(value, "close"))
                info.close = true;
            else if (icontains(value, "keep-alive"))
                info.close = false;
        }
    }
    return info;
}

/// Walks complete chunks of a chunked body in buf starting at *pos. Returns 1 when the terminal
/// chunk and trailers are complete (*pos past them), 0 when more input is needed (*pos at the
/// first incomplete chunk), -1 on a framing error. Appends chunk data to `data` if given.
int walkChunks(std::string_view buf, size_t *pos, std::string *data)
{
    for (;;) {
        const size_t lineEnd = buf.find("\r\n", *pos);
        if (lineEnd == std::string_view::npos)
            return buf.size() - *pos > 64 ? -1 : 0;
        char *endp = nullptr;
        const std::string sizeText(buf.substr(*pos, lineEnd - *pos));
        const unsigned long long size = std::strtoull(sizeText.c_str(), &endp, 16);
        if (endp == sizeText.c_str())
            return -1;
        if (size == 0) {
            // trailers: zero or more header lines, then an empty line
            size_t t = lineEnd + 2;
            for (;;) {
                const size_t e = buf.find("\r\n", t);
                if (e == std::string_view::npos)
                    return 0;
                if (e == t) {
                    *pos = e + 2;
                    return 1;
                }
                t = e + 2;
            }
        }
        if (buf.size() < lineEnd + 2 + size + 2)
            return 0;
        if (data)
            data->append(buf.substr(lineEnd + 2, size));
        *pos = lineEnd + 2 + size + 2;
    }
}

int listenLoopback(int *port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(uint16_t(*port));
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || listen(fd, 4096) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    *port = ntohs(addr.sin_port);
    return fd;
}

/// A free loopback port (bind to 0, read it back, close). Racy in theory, fine on a bench box.
int freePort()
{
    int port = 0;
    const int fd = listenLoopback(&port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

/// Non-blocking connected socket to 127.0.0.1:port, or -1 (waits at most timeoutMs).
int connectLoopback(int port, int timeoutMs = 2000)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(uint16_t(port));
    if (connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        if (errno != EINPROGRESS) {
            ::close(fd);
            return -1;
        }
        pollfd p{fd, POLLOUT, 0};
        if (poll(&p, 1, timeoutMs) != 1) {
            ::close(fd);
            return -1;
        }
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            ::close(fd);
            return -1;
        }
    }
    setNoDelay(fd);
    return fd;
}

/// epoll_pwait2 with nanosecond timeout; falls back to epoll_wait (ms, rounded up) if missing.
int epollWaitNs(int ep, epoll_event *events, int max, int64_t timeoutNs)
{
    static bool havePwait2 = true;
    if (timeoutNs < 0)
        timeoutNs = 0;
    if (havePwait2) {
        timespec ts{time_t(timeoutNs / 1000000000), long(timeoutNs % 1000000000)};
        const int n = epoll_pwait2(ep, events, max, &ts, nullptr);
        if (n >= 0 || errno != ENOSYS)
            return n;
        havePwait2 = false;
    }
    return epoll_wait(ep, events, max, int((timeoutNs + 999999) / 1000000));
}

bool pinSelfTo(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0;
}

struct ProcMem {
    long rssKb = -1;
    long hwmKb = -1;
};

ProcMem readProcMem(qint64 pid)
{
    ProcMem m;
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            m.rssKb = line.mid(6).trimmed().split(' ').value(0).toLong();
        else if (line.startsWith("VmHWM:"))
            m.hwmKb = line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return m;
}

// ---------------------------------------------------------------------------------------------
// The fast upstream: one epoll thread, keep-alive, pre-built answers written at once.

const std::string &completionBody()
{
    static const std::string body =
        R"({"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"m",)"
        R"("choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],)"
        R"("usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})";
    return body;
}

std::string chunk(std::string_view data)
{
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return std::string(size) + std::string(data) + "\r\n";
}

const std::string &jsonResponse()
{
    static const std::string r = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                 + std::to_string(completionBody().size()) + "\r\n\r\n" + completionBody();
    return r;
}

const std::string &sseResponse()
{
    static const std::string r = [] {
        std::string s = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n";
        const std::string head = R"({"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"m",)";
        for (const char *piece : {"Hel", "lo", "!"})
            s += chunk("data: " + head + R"("choices":[{"index":0,"delta":{"content":")" + piece
                       + R"("},"finish_reason":null}]})" + "\n\n");
        s += chunk("data: " + head + R"("choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})" + "\n\n");
        s += chunk("data: " + head + R"("choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})"
                   + "\n\n");
        s += chunk("data: [DONE]\n\n");
        s += "0\r\n\r\n";
        return s;
    }();
    return r;
}

class Upstream
{
public:
    ~Upstream() { stop(); }

    bool start(int delayMs)
    {
        m_delayMs = delayMs;
        m_listen = listenLoopback(&m_port);
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        if (m_listen < 0 || m_epoll < 0)
            return false;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = m_listen;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen, &ev);
        m_thread = std::thread([this] { run(); });
        return true;
    }

    void stop()
    {
        if (!m_thread.joinable())
            return;
        m_stop = true;
        m_thread.join();
        for (auto &[fd, c] : m_conns)
            ::close(fd);
        m_conns.clear();
        ::close(m_listen);
        ::close(m_epoll);
    }

    int port() const { return m_port; }
    uint64_t requests() const { return m_requests.load(std::memory_order_relaxed); }
    uint64_t streams() const { return m_streams.load(std::memory_order_relaxed); }
    uint64_t badRequests() const { return m_bad.load(std::memory_order_relaxed); }

private:
    struct Conn {
        int fd = -1;
        std::string in;
        std::string out;
        size_t outOff = 0;
        bool wantOut = false;
        bool closeAfter = false;
    };
    struct Delayed {
        int64_t due;
        int fd;
        bool stream;
        bool close;
    };

    void run()
    {
        epoll_event events[256];
        while (!m_stop.load(std::memory_order_relaxed)) {
            int64_t timeout = 50'000'000; // bounded: re-check the stop flag
            if (!m_delayed.empty())
                timeout = std::min(timeout, m_delayed.front().due - nowNs());
            const int n = epollWaitNs(m_epoll, events, 256, timeout);
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_listen) {
                    acceptAll();
                    continue;
                }
                auto it = m_conns.find(fd);
                if (it == m_conns.end())
                    continue;
                Conn &c = *it->second;
                if (events[i].events & EPOLLOUT)
                    flush(c);
                if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                    if (!readAndServe(c))
                        closeConn(fd);
                }
            }
            const int64_t now = nowNs();
            while (!m_delayed.empty() && m_delayed.front().due <= now) {
                const Delayed d = m_delayed.front();
                m_delayed.pop_front();
                auto it = m_conns.find(d.fd);
                if (it != m_conns.end())
                    respond(*it->second, d.stream, d.close);
            }
        }
    }

    void acceptAll()
    {
        for (;;) {
            const int fd = accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return;
            setNoDelay(fd);
            auto c = std::make_unique<Conn>();
            c->fd = fd;
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.fd = fd;
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
            m_conns.emplace(fd, std::move(c));
        }
    }

    void closeConn(int fd)
    {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        ::close(fd);
        m_conns.erase(fd);
    }

    /// false: close the connection
    bool readAndServe(Conn &c)
    {
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(c.fd, buf, sizeof buf);
            if (n > 0) {
                c.in.append(buf, size_t(n));
                continue;
            }
            if (n == 0)
                return false;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            if (errno == EINTR)
                continue;
            return false;
        }
        // serve every complete request in the buffer (pipelining allowed)
        size_t consumed = 0;
        for (;;) {
            const std::string_view rest = std::string_view(c.in).substr(consumed);
            const size_t headEnd = rest.find("\r\n\r\n");
            if (headEnd == std::string_view::npos)
                break;
            const HeadInfo head = parseHead(rest.substr(0, headEnd + 4), false);
            size_t end = headEnd + 4;
            std::string chunkedBody;
            std::string_view body;
            if (head.chunked) {
                size_t pos = end;
                const int r = walkChunks(rest, &pos, &chunkedBody);
                if (r < 0) {
                    m_bad.fetch_add(1, std::memory_order_relaxed);
                    return false;
                }
                if (r == 0)
                    break;
                end = pos;
                body = chunkedBody;
            } else {
                const size_t len = head.contentLength > 0 ? size_t(head.contentLength) : 0;
                if (rest.size() < end + len)
                    break;
                body = rest.substr(end, len);
                end += len;
            }
            const bool stream = body.find(R"("stream":true)") != std::string_view::npos
                || body.find(R"("stream": true)") != std::string_view::npos;
            consumed += end;
            m_requests.fetch_add(1, std::memory_order_relaxed);
            if (stream)
                m_streams.fetch_add(1, std::memory_order_relaxed);
            if (m_delayMs > 0)
                m_delayed.push_back({nowNs() + int64_t(m_delayMs) * 1000000, c.fd, stream, head.close});
            else
                respond(c, stream, head.close);
            if (head.close)
                break;
        }
        c.in.erase(0, consumed);
        return true;
    }

    void respond(Conn &c, bool stream, bool close)
    {
        c.out.append(stream ? sseResponse() : jsonResponse());
        c.closeAfter = c.closeAfter || close;
        flush(c);
    }

    void flush(Conn &c)
    {
        while (c.outOff < c.out.size()) {
            const ssize_t n = ::send(c.fd, c.out.data() + c.outOff, c.out.size() - c.outOff, MSG_NOSIGNAL);
            if (n > 0) {
                c.outOff += size_t(n);
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            break;
        }
        if (c.outOff == c.out.size()) {
            c.out.clear();
            c.outOff = 0;
            if (c.closeAfter) {
                shutdown(c.fd, SHUT_WR);
                c.closeAfter = false;
            }
        }
        const bool want = !c.out.empty();
        if (want != c.wantOut) {
            epoll_event ev{};
            ev.events = EPOLLIN | (want ? EPOLLOUT : 0u);
            ev.data.fd = c.fd;
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
            c.wantOut = want;
        }
    }

    int m_listen = -1;
    int m_epoll = -1;
    int m_port = 0;
    int m_delayMs = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<uint64_t> m_requests{0};
    std::atomic<uint64_t> m_streams{0};
    std::atomic<uint64_t> m_bad{0};
    std::thread m_thread;
    std::unordered_map<int, std::unique_ptr<Conn>> m_conns;
    std::deque<Delayed> m_delayed;
};

// ---------------------------------------------------------------------------------------------
// The load generator: one epoll loop, N keep-alive connections, open or closed loop.

struct LoadSpec {
    bool stream = false;
    bool openLoop = false;
    double rate = 0;      ///< open loop: requests per second
    int connections = 1;  ///< pool size (open loop) or concurrency (closed loop)
    double warmupSeconds = 0.5;
    double seconds = 3;
    double drainSeconds = 2;
    bool spin = true;     ///< busy-poll (epoll_wait 0 + sched_yield) instead of sleeping: no idle exits on CPU 0
};

struct LoadResult {
    std::vector<int64_t> latencyNs; ///< measured requests: send (or scheduled) -> last byte
    std::vector<int64_t> ttfeNs;    ///< streams: send (or scheduled) -> first `data:` event
    uint64_t completedInWindow = 0;
    uint64_t errors = 0;     ///< non-2xx, resets, framing errors
    uint64_t incomplete = 0; ///< measured requests without an answer when the drain ended
    uint64_t reconnects = 0;
    double windowSeconds = 0;
    bool connectFailed = false;
};

class LoadGenerator
{
public:
    LoadGenerator(int port, const LoadSpec &spec)
        : m_port(port)
        , m_spec(spec)
    {
        const std::string body = spec.stream
            ? R"({"model":"up/m","messages":[{"role":"user","content":"Say hi"}],"stream":true})"
            : R"({"model":"up/m","messages":[{"role":"user","content":"Say hi"}]})";
        m_request = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port)
            + "\r\nContent-Type: application/json\r\nAccept: " + (spec.stream ? "text/event-stream" : "application/json")
            + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }

    LoadResult run()
    {
        LoadResult result;
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        m_clients.resize(size_t(std::max(1, m_spec.connections)));
        for (size_t i = 0; i < m_clients.size(); ++i) {
            if (!connectClient(i)) {
                result.connectFailed = true;
                cleanup();
                return result;
            }
            m_idle.push_back(i);
        }

        const int64_t start = nowNs();
        m_measureStart = start + int64_t(m_spec.warmupSeconds * 1e9);
        m_measureEnd = m_measureStart + int64_t(m_spec.seconds * 1e9);
        const int64_t drainEnd = m_measureEnd + int64_t(m_spec.drainSeconds * 1e9);
        const int64_t interval = m_spec.openLoop ? std::max<int64_t>(1, int64_t(1e9 / m_spec.rate)) : 0;
        int64_t nextSchedule = start;
        m_result = &result;

        epoll_event events[256];
        for (;;) {
            const int64_t now = nowNs();
            if (m_spec.openLoop) {
                while (nextSchedule <= now && nextSchedule < m_measureEnd) {
                    m_pending.push_back(nextSchedule);
                    nextSchedule += interval;
                }
                while (!m_pending.empty() && !m_idle.empty()) {
                    const size_t ci = m_idle.back();
                    m_idle.pop_back();
                    const int64_t scheduled = m_pending.front();
                    m_pending.pop_front();
                    sendRequest(ci, scheduled);
                }
            } else if (now < m_measureEnd) {
                while (!m_idle.empty()) {
                    const size_t ci = m_idle.back();
                    m_idle.pop_back();
                    sendRequest(ci, nowNs());
                }
            }
            const bool scheduleDone = !m_spec.openLoop || nextSchedule >= m_measureEnd;
            if (now >= m_measureEnd && scheduleDone && m_outstanding == 0 && m_pending.empty())
                break;
            if (now >= drainEnd || m_alive == 0)
                break;
            int64_t timeout = 10'000'000;
            if (m_spec.openLoop && nextSchedule < m_measureEnd)
                timeout = std::min(timeout, nextSchedule - now);
            if (now < m_measureEnd)
                timeout = std::min(timeout, m_measureEnd - now);
            int n = 0;
            if (m_spec.spin) {
                // Busy-poll: the load CPU never idles, so neither the load generator nor the
                // upstream thread sharing the CPU pays an idle-exit wake-up (>100 us on some VMs);
                // sched_yield hands the CPU to the upstream thread whenever it is runnable.
                n = epoll_wait(m_epoll, events, 256, 0);
                if (n == 0)
                    sched_yield();
            } else {
                n = epollWaitNs(m_epoll, events, 256, timeout);
            }
            for (int i = 0; i < n; ++i)
                onEvent(size_t(events[i].data.u64), events[i].events);
        }
        // whatever was measured and not answered by now is incomplete
        for (const int64_t s : m_pending) {
            if (s >= m_measureStart)
                ++result.incomplete;
        }
        for (const Client &c : m_clients) {
            if (c.busy && c.scheduled >= m_measureStart)
                ++result.incomplete;
        }
        result.windowSeconds = m_spec.seconds;
        m_result = nullptr;
        cleanup();
        return result;
    }

private:
    struct Client {
        int fd = -1;
        bool busy = false;
        int64_t scheduled = 0;
        bool gotFirstEvent = false;
        bool headParsed = false;
        HeadInfo head;
        size_t bodyStart = 0;
        size_t chunkPos = 0;
        size_t scanPos = 0;
        std::string in;
        std::string out;
        size_t outOff = 0;
        bool wantOut = false;
    };

    bool connectClient(size_t i)
    {
        Client &c = m_clients[i];
        c = Client{};
        for (int attempt = 0; attempt < 3 && c.fd < 0; ++attempt)
            c.fd = connectLoopback(m_port);
        if (c.fd < 0)
            return false;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = i;
        epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
        ++m_alive;
        return true;
    }

    void dropClient(size_t i)
    {
        Client &c = m_clients[i];
        if (c.fd >= 0) {
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
            c.fd = -1;
            --m_alive;
        }
    }

    void cleanup()
    {
        for (size_t i = 0; i < m_clients.size(); ++i)
            dropClient(i);
        ::close(m_epoll);
        m_epoll = -1;
    }

    void sendRequest(size_t i, int64_t scheduled)
    {
        Client &c = m_clients[i];
        c.busy = true;
        c.scheduled = scheduled;
        c.gotFirstEvent = false;
        c.headParsed = false;
        c.chunkPos = c.bodyStart = c.scanPos = 0;
        c.out = m_request;
        c.outOff = 0;
        ++m_outstanding;
        flush(i);
    }

    void flush(size_t i)
    {
        Client &c = m_clients[i];
        while (c.outOff < c.out.size()) {
            const ssize_t n = ::send(c.fd, c.out.data() + c.outOff, c.out.size() - c.outOff, MSG_NOSIGNAL);
            if (n > 0) {
                c.outOff += size_t(n);
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            break;
        }
        const bool want = c.outOff < c.out.size();
        if (want != c.wantOut) {
            epoll_event ev{};
            ev.events = EPOLLIN | (want ? EPOLLOUT : 0u);
            ev.data.u64 = i;
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
            c.wantOut = want;
        }
    }

    void onEvent(size_t i, uint32_t events)
    {
        Client &c = m_clients[i];
        if (c.fd < 0)
            return;
        if (events & EPOLLOUT)
            flush(i);
        if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            return;
        bool eof = false;
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(c.fd, buf, sizeof buf);
            if (n > 0) {
                c.in.append(buf, size_t(n));
                continue;
            }
            if (n == 0) {
                eof = true;
                break;
            }
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                eof = true;
            break;
        }
        const int64_t now = nowNs();
        const int state = c.busy ? parseResponse(c, now, eof) : (c.in.empty() ? 0 : -1);
        if (state == 1) {
            complete(i, now, c.head.status >= 200 && c.head.status < 300);
            if (c.head.close || eof)
                reconnect(i);
            else
                m_idle.push_back(i);
        } else if (state < 0 || eof) {
            if (c.busy)
                complete(i, now, false);
            reconnect(i);
        }
    }

    /// 1: the response is complete; 0: need more; -1: broken
    int parseResponse(Client &c, int64_t now, bool eof)
    {
        const std::string_view buf(c.in);
        if (!c.headParsed) {
            const size_t headEnd = buf.find("\r\n\r\n");
            if (headEnd == std::string_view::npos)
                return eof ? -1 : 0;
            c.head = parseHead(buf.substr(0, headEnd + 4), true);
            c.headParsed = true;
            c.bodyStart = c.chunkPos = c.scanPos = headEnd + 4;
        }
        if (m_spec.stream && !c.gotFirstEvent) {
            const size_t from = c.scanPos > c.bodyStart + 5 ? c.scanPos - 5 : c.bodyStart;
            if (buf.find("data:", from) != std::string_view::npos) {
                c.gotFirstEvent = true;
                if (c.scheduled >= m_measureStart)
                    m_result->ttfeNs.push_back(now - c.scheduled);
            }
            c.scanPos = buf.size();
        }
        if (c.head.chunked) {
            const int r = walkChunks(buf, &c.chunkPos, nullptr);
            if (r == 1) {
                c.in.erase(0, c.chunkPos);
                return 1;
            }
            return r < 0 ? -1 : (eof ? -1 : 0);
        }
        if (c.head.contentLength >= 0) {
            const size_t end = c.bodyStart + size_t(c.head.contentLength);
            if (buf.size() >= end) {
                c.in.erase(0, end);
                return 1;
            }
            return eof ? -1 : 0;
        }
        if (c.head.status == 204 || c.head.status == 304) {
            c.in.erase(0, c.bodyStart);
            return 1;
        }
        // delimited by close
        c.head.close = true;
        return eof ? 1 : 0;
    }

    void complete(size_t i, int64_t now, bool ok)
    {
        Client &c = m_clients[i];
        c.busy = false;
        --m_outstanding;
        if (now >= m_measureStart && now <= m_measureEnd && ok)
            ++m_result->completedInWindow;
        if (c.scheduled < m_measureStart)
            return;
        if (ok)
            m_result->latencyNs.push_back(now - c.scheduled);
        else
            ++m_result->errors;
    }

    void reconnect(size_t i)
    {
        dropClient(i);
        ++m_result->reconnects;
        if (m_result->reconnects > 100000)
            return; // something is badly wrong; let the loop end on its deadline
        if (connectClient(i))
            m_idle.push_back(i);
    }

    int m_port;
    LoadSpec m_spec;
    std::string m_request;
    int m_epoll = -1;
    std::vector<Client> m_clients;
    std::vector<size_t> m_idle;
    std::deque<int64_t> m_pending;
    int m_outstanding = 0;
    int m_alive = 0;
    int64_t m_measureStart = 0;
    int64_t m_measureEnd = 0;
    LoadResult *m_result = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Child processes under test (nginx, switchyard-gateway), pinned to one CPU.

class Child
{
public:
    ~Child() { stop(); }

    bool start(const QString &program, const QStringList &args, const QString &logPath, int cpu)
    {
        m_logPath = logPath;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(logPath);
        m_process.setStandardInputFile(QProcess::nullDevice());
        if (cpu >= 0) {
            m_process.setChildProcessModifier([cpu] {
                cpu_set_t set;
                CPU_ZERO(&set);
                CPU_SET(cpu, &set);
                sched_setaffinity(0, sizeof set, &set);
            });
        }
        m_process.start(program, args);
        return m_process.waitForStarted(10000);
    }

    /// Waits (bounded) until the log matches `pattern`; returns the first capture group.
    std::optional<QString> waitForLog(const QRegularExpression &pattern, int timeoutMs)
    {
        const int64_t deadline = nowNs() + int64_t(timeoutMs) * 1000000;
        while (nowNs() < deadline && m_process.state() == QProcess::Running) {
            const auto m = pattern.match(log());
            if (m.hasMatch())
                return m.captured(1);
            m_process.waitForFinished(20); // also notices an early exit
        }
        return std::nullopt;
    }

    bool waitForPort(int port, int timeoutMs)
    {
        const int64_t deadline = nowNs() + int64_t(timeoutMs) * 1000000;
        while (nowNs() < deadline && m_process.state() == QProcess::Running) {
            const int fd = connectLoopback(port, 200);
            if (fd >= 0) {
                ::close(fd);
                return true;
            }
            m_process.waitForFinished(20); // also notices an early exit
        }
        return false;
    }

    QString log() const
    {
        QFile f(m_logPath);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    qint64 pid() const { return m_process.processId(); }
    bool running() const { return m_process.state() == QProcess::Running; }

    /// SIGTERM, bounded wait, SIGKILL; returns the exit code (or -1 if it had to be killed/crashed).
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_stopped ? m_exitCode : -1;
        m_process.terminate();
        if (!m_process.waitForFinished(20000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            m_exitCode = -1;
        } else {
            m_exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        }
        m_stopped = true;
        return m_exitCode;
    }

private:
    QProcess m_process;
    QString m_logPath;
    bool m_stopped = false;
    int m_exitCode = -1;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// ---------------------------------------------------------------------------------------------
// Statistics and report

double percentileUs(std::vector<int64_t> v, double q)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    size_t idx = size_t(std::ceil(q * double(v.size())));
    idx = idx == 0 ? 0 : idx - 1;
    return double(v[std::min(idx, v.size() - 1)]) / 1000.0;
}

double maxUs(const std::vector<int64_t> &v)
{
    return v.empty() ? -1 : double(*std::max_element(v.begin(), v.end())) / 1000.0;
}

double median(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return x < 0 || std::isnan(x); }), v.end());
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Figures {
    double rps = -1, p50 = -1, p99 = -1, max = -1, ttfe50 = -1, ttfe99 = -1;
    double addedP50 = std::nan(""), addedP99 = std::nan(""), addedTtfe50 = std::nan("");
    uint64_t errors = 0, incomplete = 0, requests = 0;
};

struct Scenario {
    std::string name;
    LoadSpec spec;
    bool saturation() const { return !spec.openLoop; }
};

struct PathUnderTest {
    std::string name;
    int port = 0;
};

std::string fmt(double v, int decimals = 0)
{
    if (v < 0 || std::isnan(v))
        return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string fmtSigned(double v)
{
    if (std::isnan(v))
        return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%+.0f", v);
    return buf;
}

struct Options {
    double seconds = 3;
    int rounds = 3;
    bool quick = false;
    bool nginx = true;
    bool twoThreads = true;
    int upstreamDelayMs = 0;
    bool spin = true;
    QStringList gatewayPrefix; ///< e.g. valgrind --tool=callgrind: profile the gateway under this load
    bool secondsGiven = false;
    bool roundsGiven = false;
    QString only; ///< scenario name filter
};

void usage()
{
    std::printf("Usage: bench_gateway [--seconds N] [--rounds N] [--quick] [--only TEXT] [--no-nginx] [--no-sy2] [--upstream-delay-ms N] [--sleep-poll]\n"
                "                     [--gateway-prefix \"CMD ARGS\"]\n"
                "  --seconds N            seconds per measurement (default 3; 1 with --quick)\n"
                "  --rounds N             rounds of alternating paths; medians are reported (default 3)\n"
                "  --quick                one short round over a reduced set of scenarios (smoke run)\n"
                "  --only TEXT            only the scenarios whose name contains TEXT, e.g. \"64 conns\"\n"
                "  --no-nginx             skip the nginx reference path\n"
                "  --no-sy2               skip switchyard with gateway.workerThreads = 2\n"
                "  --upstream-delay-ms N  the upstream waits N ms before answering (default 0)\n"
                "  --sleep-poll           the load generator sleeps in epoll between events instead of busy-polling\n"
                "                         (adds the load CPU's wake-up latency to every path)\n"
                "  --gateway-prefix CMD   start the gateway through CMD (space-separated), e.g. a profiler:\n"
                "                         --gateway-prefix \"valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out\"\n"
                "                         (figures and RSS are then the profiler's, not the gateway's)\n");
}

QByteArray nginxConfig(const QString &dir, int upstreamPort, int listenPort)
{
    const QByteArray d = dir.toUtf8();
    return "daemon off;\nmaster_process off;\nworker_processes 1;\nerror_log stderr warn;\npid " + d
        + "/nginx.pid;\n"
          "events { worker_connections 4096; }\n"
          "http {\n  access_log off;\n"
          "  client_body_temp_path " + d + "/client_body;\n  proxy_temp_path " + d + "/proxy;\n"
          "  fastcgi_temp_path " + d + "/fastcgi;\n  uwsgi_temp_path " + d + "/uwsgi;\n  scgi_temp_path " + d + "/scgi;\n"
          "  keepalive_requests 1000000;\n  keepalive_timeout 120s;\n"
          "  upstream up { server 127.0.0.1:" + QByteArray::number(upstreamPort)
        + "; keepalive 128; keepalive_requests 1000000; }\n"
          "  server {\n    listen 127.0.0.1:" + QByteArray::number(listenPort)
        + ";\n    location / {\n      proxy_pass http://up;\n      proxy_http_version 1.1;\n"
          "      proxy_set_header Connection \"\";\n      proxy_buffering off;\n    }\n  }\n}\n";
}

QByteArray gatewayConfig(int upstreamPort, int workerThreads)
{
    return R"({ "version": 1,
  "gateway": { "listen": "127.0.0.1:4000", "workerThreads": )" + QByteArray::number(workerThreads) + R"( },
  "providers": [
    { "id": "up", "kind": "openai", "baseUrl": "http://127.0.0.1:)" + QByteArray::number(upstreamPort) + R"(/v1",
      "catalogId": "openai", "models": ["m"] }
  ],
  "prices": { "up/m": { "input": 1, "output": 2 } }
})";
}

struct Gateway {
    std::string name;
    int threads = 1;
    std::unique_ptr<Child> child;
    int port = 0;
    ProcMem idle, afterLoad;
    QString dbPath;
};

bool startGateway(Gateway &g, const QString &dir, int upstreamPort, int cpu, const QStringList &prefix)
{
    const QString cfg = dir + QStringLiteral("/config-%1.json").arg(g.threads);
    g.dbPath = dir + QStringLiteral("/usage-%1.sqlite3").arg(g.threads);
    if (!writeFile(cfg, gatewayConfig(upstreamPort, g.threads)))
        return false;
    g.child = std::make_unique<Child>();
    QStringList command = prefix;
    command << QStringLiteral(SY_GATEWAY_BIN) << QStringLiteral("serve") << QStringLiteral("--config") << cfg
            << QStringLiteral("--db") << g.dbPath << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
    const QString program = command.takeFirst();
    if (!g.child->start(program, command, dir + QStringLiteral("/gateway-%1.log").arg(g.threads), cpu))
        return false;
    static const QRegularExpression serving(QStringLiteral("serving http://127\\.0\\.0\\.1:(\\d+)/v1"));
    const auto port = g.child->waitForLog(serving, prefix.isEmpty() ? 15000 : 120000);
    if (!port)
        return false;
    g.port = port->toInt();
    return g.port > 0;
}

/// One request through a path, to check it answers before measuring.
bool probe(int port, bool stream, double timeoutSeconds, std::string *detail)
{
    LoadSpec spec;
    spec.stream = stream;
    spec.connections = 1;
    spec.warmupSeconds = 0;
    spec.seconds = 0.05;
    spec.drainSeconds = timeoutSeconds;
    LoadResult r = LoadGenerator(port, spec).run();
    if (r.connectFailed) {
        *detail = "cannot connect";
        return false;
    }
    if (r.latencyNs.empty() || r.errors > 0) {
        *detail = "errors=" + std::to_string(r.errors) + " ok=" + std::to_string(r.latencyNs.size());
        return false;
    }
    if (stream && r.ttfeNs.empty()) {
        *detail = "no SSE data event in the stream";
        return false;
    }
    return true;
}

void printMem(const char *label, const ProcMem &m)
{
    std::printf("  %-28s VmRSS %7.1f MB   VmHWM %7.1f MB\n", label, m.rssKb / 1024.0, m.hwmKb / 1024.0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    signal(SIGPIPE, SIG_IGN);
    // Precise wake-ups for the open-loop schedule (default timer slack is 50 us); inherited by
    // the upstream thread, not by the children under test.
    prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    Options opt;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto next = [&](double *out) {
            bool ok = false;
            if (i + 1 < args.size())
                *out = args.at(++i).toDouble(&ok);
            return ok;
        };
        double v = 0;
        if (a == u"--seconds" && next(&v) && v > 0) {
            opt.seconds = v;
            opt.secondsGiven = true;
        } else if (a == u"--rounds" && next(&v) && v >= 1) {
            opt.rounds = int(v);
            opt.roundsGiven = true;
        } else if (a == u"--upstream-delay-ms" && next(&v) && v >= 0) {
            opt.upstreamDelayMs = int(v);
        } else if (a == u"--quick") {
            opt.quick = true;
        } else if (a == u"--no-nginx") {
            opt.nginx = false;
        } else if (a == u"--gateway-prefix" && i + 1 < args.size()) {
            opt.gatewayPrefix = args.at(++i).split(u' ', Qt::SkipEmptyParts);
        } else if (a == u"--sleep-poll") {
            opt.spin = false;
        } else if (a == u"--only" && i + 1 < args.size()) {
            opt.only = args.at(++i);
        } else if (a == u"--no-sy2") {
            opt.twoThreads = false;
        } else if (a == u"--help" || a == u"-h") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "bench_gateway: bad argument '%s'\n", qPrintable(a));
            usage();
            return 2;
        }
    }
    if (opt.quick) {
        if (!opt.secondsGiven)
            opt.seconds = 1;
        if (!opt.roundsGiven)
            opt.rounds = 1;
        opt.twoThreads = false;
    }
    const double warmup = opt.quick ? 0.2 : 0.5;

    // --- CPU pinning: bench (upstream + load) on CPU 0, proxies on CPU 1
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    sched_getaffinity(0, sizeof allowed, &allowed);
    const int cpus = CPU_COUNT(&allowed);
    int benchCpu = -1, proxyCpu = -1;
    if (cpus >= 2) {
        std::vector<int> ids;
        for (int c = 0; c < CPU_SETSIZE && ids.size() < 2; ++c) {
            if (CPU_ISSET(c, &allowed))
                ids.push_back(c);
        }
        benchCpu = ids[0];
        proxyCpu = ids[1];
        if (!pinSelfTo(benchCpu)) {
            std::printf("note: sched_setaffinity failed (%s); running unpinned\n", std::strerror(errno));
            benchCpu = proxyCpu = -1;
        }
    } else {
        std::printf("note: only %d CPU available; running unpinned, figures are not comparable to a pinned run\n", cpus);
    }

    std::printf("Switchyard gateway benchmark\n");
    std::printf("  %d rounds x %.1f s per measurement (+%.1f s warm-up), paths alternate within each scenario\n",
                opt.rounds, opt.seconds, warmup);
    if (benchCpu >= 0)
        std::printf("  pinned: upstream + load generator on CPU %d, proxy under test on CPU %d\n", benchCpu, proxyCpu);
    std::printf("  load generator: %s\n", opt.spin ? "busy-polls CPU 0 (epoll_wait 0 + sched_yield)" : "sleeps in epoll_pwait2");
    if (opt.upstreamDelayMs > 0)
        std::printf("  upstream delay: %d ms per answer\n", opt.upstreamDelayMs);

    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        std::fprintf(stderr, "bench_gateway: cannot create a temporary directory\n");
        return 1;
    }
    const QString dir = tmp.path();

    Upstream upstream; // its thread inherits the CPU 0 affinity
    if (!upstream.start(opt.upstreamDelayMs)) {
        std::fprintf(stderr, "bench_gateway: cannot start the upstream\n");
        return 1;
    }
    std::printf("  upstream: http://127.0.0.1:%d/v1 (epoll, keep-alive)\n", upstream.port());

    std::vector<PathUnderTest> paths{{"direct", upstream.port()}};

    // --- nginx
    std::unique_ptr<Child> nginx;
    const QString nginxBin = QStringLiteral("/usr/sbin/nginx");
    if (!opt.nginx) {
        std::printf("  nginx: skipped (--no-nginx)\n");
    } else if (!QFile::exists(nginxBin)) {
        std::printf("  nginx: /usr/sbin/nginx not found; skipping the nginx path (install it: apt-get install -y nginx-light)\n");
    } else {
        const int nginxPort = freePort();
        for (const char *sub : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
            QDir(dir).mkpath(QString::fromLatin1(sub));
        const QString conf = dir + QStringLiteral("/nginx.conf");
        writeFile(conf, nginxConfig(dir, upstream.port(), nginxPort));
        nginx = std::make_unique<Child>();
        if (nginx->start(nginxBin, {QStringLiteral("-p"), dir, QStringLiteral("-c"), conf, QStringLiteral("-e"), QStringLiteral("stderr")},
                         dir + QStringLiteral("/nginx.log"), proxyCpu)
            && nginx->waitForPort(nginxPort, 10000)) {
            paths.push_back({"nginx", nginxPort});
            std::printf("  nginx: http://127.0.0.1:%d (pid %lld, worker_processes 1, upstream keepalive 128)\n", nginxPort,
                        static_cast<long long>(nginx->pid()));
        } else {
            std::printf("  nginx: failed to start; skipping the nginx path. Log:\n%s\n", qPrintable(nginx->log()));
            nginx->stop();
            nginx.reset();
        }
    }

    // --- switchyard gateways
    std::vector<Gateway> gateways;
    gateways.push_back({"switchyard", 1, nullptr, 0, {}, {}, {}});
    if (opt.twoThreads)
        gateways.push_back({"switchyard-2t", 2, nullptr, 0, {}, {}, {}});
    for (Gateway &g : gateways) {
        if (!startGateway(g, dir, upstream.port(), proxyCpu, opt.gatewayPrefix)) {
            std::printf("  %s: failed to start. Log:\n%s\n", g.name.c_str(), g.child ? qPrintable(g.child->log()) : "");
            return 1;
        }
        QThread::msleep(500); // settle, then the idle footprint
        g.idle = readProcMem(g.child->pid());
        std::printf("  %s: http://127.0.0.1:%d/v1 (pid %lld, gateway.workerThreads %d), idle VmRSS %.1f MB\n", g.name.c_str(),
                    g.port, static_cast<long long>(g.child->pid()), g.threads, g.idle.rssKb / 1024.0);
        paths.push_back({g.name, g.port});
    }

    // --- sanity probe of every path, both modes
    for (const PathUnderTest &p : paths) {
        for (const bool stream : {false, true}) {
            std::string detail;
            if (!probe(p.port, stream, opt.gatewayPrefix.isEmpty() ? 3 : 60, &detail)) {
                std::printf("bench_gateway: path %s does not answer a %s request (%s)\n", p.name.c_str(),
                            stream ? "streaming" : "non-streaming", detail.c_str());
                for (const Gateway &g : gateways)
                    std::printf("--- %s log ---\n%s\n", g.name.c_str(), qPrintable(g.child->log()));
                return 1;
            }
        }
    }

    // --- scenarios
    std::vector<Scenario> scenarios;
    auto openLoop = [&](bool stream, double rate, int conns) {
        Scenario s;
        s.name = std::string(stream ? "stream" : "non-stream") + " @ " + std::to_string(int(rate)) + " req/s (open loop, "
            + std::to_string(conns) + " conns)";
        s.spec.stream = stream;
        s.spec.openLoop = true;
        s.spec.rate = rate;
        s.spec.connections = conns;
        return s;
    };
    auto closedLoop = [&](bool stream, int conns) {
        Scenario s;
        s.name = std::string(stream ? "stream" : "non-stream") + " saturation, " + std::to_string(conns) + " conn"
            + (conns > 1 ? "s" : "") + " (closed loop)";
        s.spec.stream = stream;
        s.spec.openLoop = false;
        s.spec.connections = conns;
        return s;
    };
    if (opt.quick) {
        scenarios = {openLoop(false, 100, 8), openLoop(true, 100, 8), closedLoop(false, 16), closedLoop(true, 1)};
    } else {
        for (const bool stream : {false, true}) {
            scenarios.push_back(openLoop(stream, 100, 8));
            scenarios.push_back(openLoop(stream, 5000, 64));
        }
        for (const bool stream : {false, true}) {
            for (const int c : {1, 16, 64})
                scenarios.push_back(closedLoop(stream, c));
        }
    }
    if (!opt.only.isEmpty()) {
        std::erase_if(scenarios, [&](const Scenario &s) { return !QString::fromStdString(s.name).contains(opt.only); });
        if (scenarios.empty()) {
            std::fprintf(stderr, "bench_gateway: no scenario matches '%s'\n", qPrintable(opt.only));
            return 2;
        }
    }
    for (Scenario &s : scenarios) {
        s.spec.seconds = opt.seconds;
        s.spec.warmupSeconds = warmup;
        s.spec.drainSeconds = 2;
        s.spec.spin = opt.spin;
    }

    // results[scenario][path] = per-round figures
    std::vector<std::vector<std::vector<Figures>>> results(scenarios.size(),
                                                           std::vector<std::vector<Figures>>(paths.size()));
    const int64_t benchStart = nowNs();
    for (int round = 0; round < opt.rounds; ++round) {
        std::printf("round %d/%d ...\n", round + 1, opt.rounds);
        for (size_t si = 0; si < scenarios.size(); ++si) {
            for (size_t pi = 0; pi < paths.size(); ++pi) {
                const LoadResult r = LoadGenerator(paths[pi].port, scenarios[si].spec).run();
                Figures f;
                if (!r.connectFailed) {
                    f.rps = double(r.completedInWindow) / r.windowSeconds;
                    f.p50 = percentileUs(r.latencyNs, 0.50);
                    f.p99 = percentileUs(r.latencyNs, 0.99);
                    f.max = maxUs(r.latencyNs);
                    f.ttfe50 = percentileUs(r.ttfeNs, 0.50);
                    f.ttfe99 = percentileUs(r.ttfeNs, 0.99);
                    f.errors = r.errors;
                    f.incomplete = r.incomplete;
                    f.requests = r.latencyNs.size();
                } else {
                    std::printf("  %s: cannot connect for %s\n", paths[pi].name.c_str(), scenarios[si].name.c_str());
                }
                results[si][pi].push_back(f);
            }
            // added latency vs direct in this round
            const Figures &direct = results[si][0].back();
            for (size_t pi = 1; pi < paths.size(); ++pi) {
                Figures &f = results[si][pi].back();
                if (f.p50 >= 0 && direct.p50 >= 0) {
                    f.addedP50 = f.p50 - direct.p50;
                    f.addedP99 = f.p99 - direct.p99;
                }
                if (f.ttfe50 >= 0 && direct.ttfe50 >= 0)
                    f.addedTtfe50 = f.ttfe50 - direct.ttfe50;
            }
        }
    }
    const double benchSeconds = double(nowNs() - benchStart) / 1e9;

    for (Gateway &g : gateways)
        g.afterLoad = readProcMem(g.child->pid());
    ProcMem nginxMem;
    if (nginx)
        nginxMem = readProcMem(nginx->pid());

    // --- medians across rounds
    std::vector<std::vector<Figures>> med(scenarios.size(), std::vector<Figures>(paths.size()));
    for (size_t si = 0; si < scenarios.size(); ++si) {
        for (size_t pi = 0; pi < paths.size(); ++pi) {
            const auto &rounds = results[si][pi];
            auto collect = [&](double Figures::*m) {
                std::vector<double> v;
                for (const Figures &f : rounds)
                    v.push_back(f.*m);
                return v;
            };
            auto medianSigned = [&](double Figures::*m) {
                std::vector<double> v;
                for (const Figures &f : rounds) {
                    if (!std::isnan(f.*m))
                        v.push_back(f.*m);
                }
                if (v.empty())
                    return std::nan("");
                std::sort(v.begin(), v.end());
                const size_t n = v.size();
                return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            };
            Figures &m = med[si][pi];
            m.rps = median(collect(&Figures::rps));
            m.p50 = median(collect(&Figures::p50));
            m.p99 = median(collect(&Figures::p99));
            m.max = median(collect(&Figures::max));
            m.ttfe50 = median(collect(&Figures::ttfe50));
            m.ttfe99 = median(collect(&Figures::ttfe99));
            m.addedP50 = medianSigned(&Figures::addedP50);
            m.addedP99 = medianSigned(&Figures::addedP99);
            m.addedTtfe50 = medianSigned(&Figures::addedTtfe50);
            for (const Figures &f : rounds) {
                m.errors += f.errors;
                m.incomplete += f.incomplete;
                m.requests += f.requests;
            }
        }
    }

    // --- tables
    std::printf("\nResults: medians of %d round(s); latency in microseconds from the (scheduled) send to the last byte;\n"
                "'+p50'/'+p99' = added over direct in the same round; ttfe = time to the first SSE `data:` event.\n",
                opt.rounds);
    for (size_t si = 0; si < scenarios.size(); ++si) {
        const bool stream = scenarios[si].spec.stream;
        std::printf("\n== %s ==\n", scenarios[si].name.c_str());
        std::printf("  %-14s %9s %9s %9s %9s %8s %8s", "path", "rps", "p50 us", "p99 us", "max us", "+p50", "+p99");
        if (stream)
            std::printf(" %9s %9s %8s", "ttfe p50", "ttfe p99", "+ttfe50");
        std::printf(" %8s %8s\n", "errors", "unansw.");
        for (size_t pi = 0; pi < paths.size(); ++pi) {
            const Figures &f = med[si][pi];
            std::printf("  %-14s %9s %9s %9s %9s %8s %8s", paths[pi].name.c_str(), fmt(f.rps).c_str(), fmt(f.p50, 1).c_str(),
                        fmt(f.p99, 1).c_str(), fmt(f.max, 0).c_str(), pi == 0 ? "" : fmtSigned(f.addedP50).c_str(),
                        pi == 0 ? "" : fmtSigned(f.addedP99).c_str());
            if (stream)
                std::printf(" %9s %9s %8s", fmt(f.ttfe50, 1).c_str(), fmt(f.ttfe99, 1).c_str(),
                            pi == 0 ? "" : fmtSigned(f.addedTtfe50).c_str());
            std::printf(" %8llu %8llu\n", static_cast<unsigned long long>(f.errors),
                        static_cast<unsigned long long>(f.incomplete));
        }
    }

    std::printf("\nMemory\n");
    for (const Gateway &g : gateways) {
        printMem((g.name + " idle after start").c_str(), g.idle);
        printMem((g.name + " after the load").c_str(), g.afterLoad);
    }
    if (nginx)
        printMem("nginx after the load", nginxMem);
    std::printf("upstream served %llu requests (%llu streams, %llu malformed); measuring took %.0f s\n",
                static_cast<unsigned long long>(upstream.requests()), static_cast<unsigned long long>(upstream.streams()),
                static_cast<unsigned long long>(upstream.badRequests()), benchSeconds);

    // --- targets (printed, never asserted)
    auto pathIndex = [&](const std::string &name) -> int {
        for (size_t i = 0; i < paths.size(); ++i) {
            if (paths[i].name == name)
                return int(i);
        }
        return -1;
    };
    const int ngx = pathIndex("nginx");
    std::printf("\nTargets (switchyard vs nginx in the same run; printed, not asserted)\n");
    int pass = 0, miss = 0;
    auto verdict = [&](bool ok) {
        ok ? ++pass : ++miss;
        return ok ? "PASS" : "MISS";
    };
    // Paired by round, since this kind of machine drifts between rounds: in how many rounds
    // the figure met the target against nginx measured right next to it.
    auto roundsWon = [&](size_t si, int sy, auto &&met) {
        int won = 0, counted = 0;
        const auto &ours = results[si][size_t(sy)];
        const auto &theirs = results[si][size_t(ngx)];
        for (size_t r = 0; r < ours.size() && r < theirs.size(); ++r) {
            ++counted;
            won += met(ours[r], theirs[r]) ? 1 : 0;
        }
        return std::to_string(won) + "/" + std::to_string(counted);
    };
    for (const Gateway &g : gateways) {
        const int sy = pathIndex(g.name);
        std::printf("\n[%s]\n", g.name.c_str());
        if (ngx < 0) {
            std::printf("  (no nginx path in this run: latency, throughput and ttfe targets not evaluated)\n");
        } else {
            for (size_t si = 0; si < scenarios.size(); ++si) {
                const Figures &s = med[si][size_t(sy)];
                const Figures &n = med[si][size_t(ngx)];
                if (!scenarios[si].saturation()) {
                    const bool ok50 = !std::isnan(s.addedP50) && !std::isnan(n.addedP50) && s.addedP50 <= n.addedP50;
                    const bool ok99 = !std::isnan(s.addedP99) && !std::isnan(n.addedP99) && s.addedP99 <= n.addedP99;
                    const std::string won50 = roundsWon(si, sy, [](const Figures &a, const Figures &b) { return a.addedP50 <= b.addedP50; });
                    const std::string won99 = roundsWon(si, sy, [](const Figures &a, const Figures &b) { return a.addedP99 <= b.addedP99; });
                    std::printf("  added latency <= nginx  %-48s p50 %+8.0f vs %+6.0f us %s (rounds %s) | p99 %+8.0f vs %+6.0f us %s (rounds %s)\n",
                                scenarios[si].name.c_str(), s.addedP50, n.addedP50, verdict(ok50), won50.c_str(), s.addedP99,
                                n.addedP99, verdict(ok99), won99.c_str());
                } else {
                    const double ratio = n.rps > 0 ? s.rps / n.rps : std::nan("");
                    const std::string won = roundsWon(si, sy, [](const Figures &a, const Figures &b) { return a.rps >= 0.8 * b.rps; });
                    std::printf("  throughput >= 0.8x nginx %-47s %8.0f vs %8.0f req/s = %.2fx %s (rounds %s)\n",
                                scenarios[si].name.c_str(), s.rps, n.rps, ratio, verdict(!std::isnan(ratio) && ratio >= 0.8), won.c_str());
                }
                if (scenarios[si].spec.stream && (!scenarios[si].saturation() || scenarios[si].spec.connections == 1)) {
                    const bool ok = s.ttfe50 >= 0 && n.ttfe50 >= 0 && s.ttfe50 <= n.ttfe50 + 100.0;
                    const std::string won = roundsWon(si, sy, [](const Figures &a, const Figures &b) { return a.ttfe50 <= b.ttfe50 + 100.0; });
                    std::printf("  ttfe <= nginx + 100 us  %-48s p50 %8.1f vs %8.1f us (%+.1f) %s (rounds %s)\n", scenarios[si].name.c_str(),
                                s.ttfe50, n.ttfe50, s.ttfe50 - n.ttfe50, verdict(ok), won.c_str());
                }
            }
        }
        std::printf("  idle RSS < 30 MB          %.1f MB %s (after load %.1f MB, peak %.1f MB)\n", g.idle.rssKb / 1024.0,
                    verdict(g.idle.rssKb >= 0 && g.idle.rssKb < 30 * 1024), g.afterLoad.rssKb / 1024.0,
                    g.afterLoad.hwmKb / 1024.0);
    }
    std::printf("\nTargets: %d PASS, %d MISS (informational)\n", pass, miss);

    // --- shut down
    for (Gateway &g : gateways) {
        const int code = g.child->stop();
        if (!opt.gatewayPrefix.isEmpty())
            std::printf("--- %s log (through %s) ---\n%s\n", g.name.c_str(), qPrintable(opt.gatewayPrefix.join(u' ')),
                        qPrintable(g.child->log().right(4000)));
        std::printf("%s stopped, exit code %d\n", g.name.c_str(), code);
    }
    if (nginx)
        nginx->stop();
    upstream.stop();
    return 0;
}
