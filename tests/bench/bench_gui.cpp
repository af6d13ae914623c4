// SPDX-License-Identifier: MIT
// bench_gui: how the desktop app's GUI thread copes. Prints figures (and the targets); asserts
// nothing.
//
//  (a) Load: a Runtime in-process with the built-in `simulated` provider (latencyMs 2,
//      firstTokenMs 0, so no network), ~2,000 requests/s sent from worker threads over raw
//      keep-alive loopback sockets for --seconds, while the full main window (AppController
//      with every page it adds) is shown on the offscreen platform: first with the dashboard
//      page current (or the first page when there is none), then with the request log current
//      (live updates on). A 1 ms heartbeat QTimer on the GUI thread measures the longest stall
//      (largest gap - 1 ms); target < 16 ms.
//  (b) Startup over a big usage database: from constructing the Runtime to the dashboard's first
//      query answer applied and painted (target < 1.5 s), and the request log's first page and
//      its last page (the deepest OFFSET) on the same file. The database is generated once with
//      the usage store (as bench_usagestore does) and reused: DIR/bench-N.sqlite3.
//
//   bench_gui [--quick] [--seconds S] [--rate R] [--connections C] [--requests N] [--db-dir DIR]
//
// --quick: 2 s of load and a 100k-request database, for a smoke run.
#include "tests/support/usagetestdata.h"
#include "core/models/requestlogmodel.h"
#include "core/runtime/runtime.h"
#include "core/usage/usagestore.h"
#include "ui/mainwindow/appcontroller.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/page.h"
#include "ui/requestlog/requestlogpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Switchyard;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void flushOut()
{
    out().flush();
}

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

/// Runs the event loop until `done()` or `timeoutMs`; false on timeout. Benchmark only.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// load: raw HTTP/1.1 keep-alive clients on their own threads

struct LoadStats {
    std::atomic<qint64> sent{0};
    std::atomic<qint64> ok{0};
    std::atomic<qint64> failed{0};
    std::atomic<bool> stop{false};
};

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/// Reads one HTTP response (Content-Length or chunked body); returns the status, -1 on error.
int readResponse(int fd, std::string &buffer)
{
    auto fill = [&]() {
        char chunk[16384];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        buffer.append(chunk, size_t(n));
        return true;
    };
    size_t headerEnd;
    while ((headerEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (!fill())
            return -1;
    }
    std::string head = buffer.substr(0, headerEnd);
    buffer.erase(0, headerEnd + 4);
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const int status = head.size() > 12 ? std::atoi(head.c_str() + 9) : -1;
    if (const size_t cl = head.find("content-length:"); cl != std::string::npos) {
        const size_t length = size_t(std::strtoull(head.c_str() + cl + 15, nullptr, 10));
        while (buffer.size() < length) {
            if (!fill())
                return -1;
        }
        buffer.erase(0, length);
        return status;
    }
    if (head.find("transfer-encoding: chunked") != std::string::npos) {
        for (;;) {
            size_t lineEnd;
            while ((lineEnd = buffer.find("\r\n")) == std::string::npos) {
                if (!fill())
                    return -1;
            }
            const size_t size = size_t(std::strtoull(buffer.c_str(), nullptr, 16));
            while (buffer.size() < lineEnd + 2 + size + 2) {
                if (!fill())
                    return -1;
            }
            buffer.erase(0, lineEnd + 2 + size + 2);
            if (size == 0)
                return status;
        }
    }
    return status;
}

/// One connection: sends at its share of `rate` (open loop; when behind, as fast as it can).
void clientLoop(quint16 port, int index, int connections, double rate, LoadStats *stats)
{
    static const char *const kModels[] = {"simulated/sim-small", "route/demo", "simulated/sim-large", "auto"};
    static const char *const kTasks[] = {"classify", "generate", "extract", "summarize"};
    int fd = connectTo(port);
    std::string buffer;
    const qint64 start = nowNs();
    const double intervalNs = 1e9 * connections / rate;
    for (qint64 seq = 0; !stats->stop.load(std::memory_order_relaxed); ++seq) {
        const qint64 due = start + qint64((double(seq) + double(index) / connections) * intervalNs);
        if (const qint64 wait = due - nowNs(); wait > 0) {
            timespec ts{time_t(wait / 1'000'000'000), long(wait % 1'000'000'000)};
            nanosleep(&ts, nullptr);
        }
        if (fd < 0 && (fd = connectTo(port)) < 0) {
            stats->failed.fetch_add(1);
            continue;
        }
        const int n = int(seq * connections + index);
        const bool stream = n % 10 == 0;
        const std::string body = std::string("{\"model\":\"") + kModels[n % 4]
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"bench request " + std::to_string(n) + "\"}]"
            + (stream ? ",\"stream\":true" : "") + "}";
        const std::string request = std::string("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            + "Content-Type: application/json\r\nX-Switchyard-Task: " + kTasks[n % 4]
            + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        stats->sent.fetch_add(1);
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != ssize_t(request.size())) {
            stats->failed.fetch_add(1);
            ::close(fd);
            fd = -1;
            buffer.clear();
            continue;
        }
        const int status = readResponse(fd, buffer);
        if (status < 0) {
            stats->failed.fetch_add(1);
            ::close(fd);
            fd = -1;
            buffer.clear();
        } else {
            // 503s of the simulated failure rate are answers too; count them as sent and answered.
            stats->ok.fetch_add(1);
        }
    }
    if (fd >= 0)
        ::close(fd);
}

// ---------------------------------------------------------------------------------------------
// GUI-thread heartbeat

class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_gaps.clear();
        m_last = nowNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxGapMs() const { return m_gaps.isEmpty() ? 0.0 : *std::max_element(m_gaps.begin(), m_gaps.end()) / 1e6; }
    double percentileMs(double p) const
    {
        if (m_gaps.isEmpty())
            return 0.0;
        QList<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(qMin(sorted.size() - 1, qsizetype(p * double(sorted.size())))) / 1e6;
    }
    qsizetype over(double ms) const
    {
        return std::count_if(m_gaps.begin(), m_gaps.end(), [ms](qint64 g) { return g / 1e6 > ms; });
    }
    qsizetype ticks() const { return m_gaps.size(); }

private:
    void tick()
    {
        const qint64 now = nowNs();
        m_gaps.append(now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    QList<qint64> m_gaps;
    qint64 m_last = 0;
};

// ---------------------------------------------------------------------------------------------

QString writeConfig(const QString &dir)
{
    const QString path = dir + u"/config.json"_s;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"({ "version": 1,
  "gateway": { "listen": "127.0.0.1:4000" },
  "providers": [
    { "id": "simulated", "kind": "simulated", "models": ["sim-small", "sim-large"],
      "simulated": { "latencyMs": 2, "firstTokenMs": 0, "failureRate": 0.03, "completionTokens": 24 } }
  ],
  "prices": { "simulated/sim-small": { "input": 0.15, "output": 0.60 } },
  "routes": [
    { "name": "demo", "aliases": ["auto"], "ladder": [
        { "target": "simulated/sim-small", "escalateOn": ["429", "5xx", "timeout", "connect"] },
        { "target": "simulated/sim-large" } ] }
  ] })");
    return path;
}

Page *findPage(MainWindow *window, const QString &id)
{
    const QList<Page *> pages = window->pages();
    for (Page *page : pages) {
        if (page->pageId() == id)
            return page;
    }
    return nullptr;
}

/// The object under `page` (or the page) that announces applied query answers: the spend
/// dashboard's refreshed() signal.
QObject *refreshedEmitter(Page *page)
{
    if (!page)
        return nullptr;
    QList<QObject *> candidates{page};
    candidates += page->findChildren<QObject *>();
    for (QObject *o : candidates) {
        if (o->metaObject()->indexOfSignal("refreshed()") >= 0)
            return o;
    }
    return nullptr;
}

struct LoadResult {
    QString pageTitle;
    double seconds = 0;
    qint64 answered = 0, failed = 0;
    double maxGapMs = 0, p99Ms = 0;
    qsizetype over16 = 0, ticks = 0;
};

LoadResult runLoad(Runtime &runtime, MainWindow *window, Page *page, double seconds, double rate, int connections)
{
    LoadResult result;
    window->showPage(page->pageId());
    result.pageTitle = page->title();
    // Let the page settle (first queries, first paint) before measuring.
    QElapsedTimer settle;
    settle.start();
    waitUntil([&] { return settle.elapsed() > 500; }, 2000);

    LoadStats stats;
    Heartbeat heartbeat;
    heartbeat.start();
    std::vector<std::thread> clients;
    const quint16 port = runtime.port();
    for (int i = 0; i < connections; ++i)
        clients.emplace_back(clientLoop, port, i, connections, rate, &stats);
    QElapsedTimer clock;
    clock.start();
    waitUntil([&] { return clock.elapsed() >= qint64(seconds * 1000); }, int(seconds * 1000) + 5000);
    stats.stop = true;
    // Keep the event loop (and the heartbeat) running while the clients finish their last call.
    std::atomic<int> joined{0};
    std::thread joiner([&] {
        for (std::thread &t : clients)
            t.join();
        joined = 1;
    });
    waitUntil([&] { return joined.load() == 1; }, 10'000);
    joiner.join();
    result.seconds = clock.nsecsElapsed() / 1e9;
    heartbeat.stop();
    result.answered = stats.ok;
    result.failed = stats.failed;
    result.maxGapMs = qMax(0.0, heartbeat.maxGapMs() - 1.0);
    result.p99Ms = qMax(0.0, heartbeat.percentileMs(0.99) - 1.0);
    result.over16 = heartbeat.over(17.0);
    result.ticks = heartbeat.ticks();
    return result;
}

void printLoad(const LoadResult &r)
{
    out() << "  page current: " << r.pageTitle << '\n'
          << "    answered " << r.answered << " requests in " << QString::number(r.seconds, 'f', 1) << " s = "
          << QString::number(r.answered / r.seconds, 'f', 0) << " req/s (" << r.failed << " transport failures)\n"
          << "    GUI heartbeat: " << r.ticks << " ticks, longest stall " << QString::number(r.maxGapMs, 'f', 2)
          << " ms (target < 16 ms), p99 stall " << QString::number(r.p99Ms, 'f', 2) << " ms, " << r.over16
          << " stalls over 16 ms\n";
    flushOut();
}

int benchLoad(double seconds, double rate, int connections)
{
    out() << "== (a) GUI thread under load: " << rate << " req/s target, " << connections << " keep-alive connections, "
          << seconds << " s per page\n";
    flushOut();
    QTemporaryDir dir;
    const QString config = writeConfig(dir.path());
    Runtime runtime({config, dir.filePath(u"usage.sqlite3"_s), u"127.0.0.1:0"_s, false});
    Errors errors;
    if (!runtime.start(&errors)) {
        out() << "  cannot start the runtime: " << errors.value(0).toString() << '\n';
        return 1;
    }
    int code = 0;
    {
        AppController controller(&runtime);
        MainWindow *window = controller.window();
        window->resize(1280, 800);
        window->show();
        QStringList ids;
        for (Page *page : window->pages())
            ids << page->pageId();
        out() << "  pages: " << ids.join(u", "_s) << '\n';
        Page *dashboard = findPage(window, u"dashboard"_s);
        if (!dashboard)
            out() << "  (no dashboard page yet: measuring with the first page current)\n";
        Page *first = dashboard ? dashboard : window->pages().value(0);
        if (!first) {
            out() << "  no pages\n";
            return 1;
        }
        printLoad(runLoad(runtime, window, first, seconds, rate, connections));
        if (Page *log = findPage(window, u"requests"_s); log && log != first) {
            const LoadResult r = runLoad(runtime, window, log, seconds, rate, connections);
            printLoad(r);
            if (auto *page = qobject_cast<RequestLogPage *>(log))
                out() << "    request log rows: " << page->model()->rowCount() << ", page queries "
                      << page->model()->pageQueryCount() << ", cached pages " << page->model()->cachedPageCount()
                      << '\n';
        }
    }
    runtime.stop();
    flushOut();
    return code;
}

// ---------------------------------------------------------------------------------------------
// (b) a big database

/// bench_usagestore's catalog and mix, trimmed: 30 targets, 20 tasks, 7 routes, 3% errors,
/// 20% escalations, some unpriced models.
RequestRecord generated(QRandomGenerator &rng, qint64 i, qint64 total, qint64 startMs)
{
    static const QStringList providers = {u"openai"_s, u"anthropic"_s, u"google"_s, u"deepseek"_s,
                                          u"mistral"_s, u"groq"_s, u"together"_s, u"openrouter"_s};
    static const qint64 kYearMs = 365LL * 86'400'000;
    auto pick = [&](int n) { return int(rng.bounded(n)); };
    RequestRecord r;
    r.requestId = QString::number(rng.generate64(), 16).rightJustified(16, u'0');
    r.time = QDateTime::fromMSecsSinceEpoch(startMs + i * kYearMs / total, QTimeZone::utc());
    const int task = pick(20);
    r.task = u"task-%1"_s.arg(task);
    const int target = pick(100) < 85 ? (task * 7 + pick(3) * 11) % 30 : pick(30);
    if (target < 24) {
        r.provider = providers.at(target % 8);
        r.model = u"%1/model-%2"_s.arg(r.provider).arg(target);
    } else {
        r.node = u"node-%1"_s.arg(target - 24);
        r.model = u"local-model-%1"_s.arg(target - 24);
    }
    r.route = task % 7 == 6 ? QString() : u"route-%1"_s.arg(task % 7);
    r.requestedModel = r.route.isEmpty() ? r.model : u"route/"_s + r.route;
    const bool failed = pick(100) < 3;
    r.status = failed ? u"error"_s : u"ok"_s;
    r.httpStatus = failed ? 502 : 200;
    r.tokens.inputTokens = 200 + pick(8000);
    r.tokens.outputTokens = failed ? 0 : 20 + pick(1500);
    r.latencyMs = 150 + pick(6000);
    r.ttftMs = pick(2) ? 80 + pick(900) : -1;
    r.stream = r.ttftMs >= 0;
    r.cost.priced = r.node.isEmpty() && pick(100) >= 4;
    if (r.cost.priced) {
        r.cost.input = r.tokens.inputTokens * (100 + target * 40);
        r.cost.output = r.tokens.outputTokens * (400 + target * 160);
    }
    r.error = failed ? u"upstream answered 502 Bad Gateway"_s : QString();
    if (pick(100) < 20) {
        AttemptRecord a;
        a.provider = providers.at((target + 5) % 8);
        a.model = a.provider + u"/model-x"_s;
        a.httpStatus = 429;
        a.outcome = u"escalated"_s;
        a.escalationReason = u"429"_s;
        a.latencyMs = 40 + pick(300);
        a.error = u"rate limited"_s;
        r.attemptRecords.append(a);
    }
    r.attemptRecords.append(TestData::finalAttempt(r, failed));
    r.attempts = int(r.attemptRecords.size());
    return r;
}

qint64 countRequests(const QString &path)
{
    return TestData::countRequests(path, u"bench-gui-count"_s);
}

bool ensureDatabase(const QString &path, qint64 requests)
{
    if (countRequests(path) == requests) {
        out() << "  reusing " << path << '\n';
        return true;
    }
    out() << "  generating " << requests << " requests into " << path << " (once; reused next time)\n";
    flushOut();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    UsageStore store(path);
    Errors errors;
    if (!store.open(&errors)) {
        out() << "  cannot open: " << errors.value(0).toString() << '\n';
        return false;
    }
    // Same time span as bench_usagestore: the year up to Sunday 2026-06-28.
    const qint64 startMs = QDate(2026, 6, 28).addDays(-364).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
    QRandomGenerator rng(20260101);
    QElapsedTimer t;
    t.start();
    for (qint64 i = 0; i < requests; ++i) {
        store.record(generated(rng, i, requests, startMs));
        if ((i & 0xfff) == 0) {
            while (store.pendingCount() > 200'000)
                QThread::msleep(5);
        }
    }
    store.flush();
    out() << "  generated in " << QString::number(t.elapsed() / 1000.0, 'f', 1) << " s\n";
    return true;
}

int benchStartup(const QString &path)
{
    out() << "== (b) startup over " << QFileInfo(path).fileName() << " (" << path << ")\n";
    flushOut();
    QTemporaryDir dir;
    const QString config = writeConfig(dir.path());

    QElapsedTimer clock;
    clock.start();
    Runtime runtime({config, path, u"127.0.0.1:0"_s, false});
    Errors errors;
    if (!runtime.start(&errors)) {
        out() << "  cannot start the runtime: " << errors.value(0).toString() << '\n';
        return 1;
    }
    const double runtimeMs = clock.nsecsElapsed() / 1e6;
    {
        AppController controller(&runtime);
        MainWindow *window = controller.window();
        window->resize(1280, 800);
        Page *dashboard = findPage(window, u"dashboard"_s);
        auto *log = qobject_cast<RequestLogPage *>(findPage(window, u"requests"_s));
        // The dashboard's header is not needed: its refreshed() signal is found by name.
        std::unique_ptr<QSignalSpy> refreshed;
        if (QObject *emitter = refreshedEmitter(dashboard))
            refreshed = std::make_unique<QSignalSpy>(emitter, SIGNAL(refreshed()));
        const double controllerMs = clock.nsecsElapsed() / 1e6;
        if (dashboard)
            window->showPage(dashboard->pageId());
        window->show();
        if (dashboard) {
            if (!refreshed) {
                out() << "  the dashboard page has no refreshed() signal: cannot time it\n";
            } else if (!waitUntil([&] { return !refreshed->isEmpty(); }, 10'000)) {
                // QFuture::then(context) runs the continuation at once when the answer was
                // already there (Qt 6.4), so a fast first answer can be applied inside the
                // dashboard's constructor, before the spy exists.
                window->repaint();
                out() << "  no refreshed() after construction within 10 s: the first answer was applied "
                         "while the window was built (or never); window built "
                      << QString::number(controllerMs, 'f', 0) << " ms, drawn "
                      << QString::number(clock.nsecsElapsed() / 1e6, 'f', 0) << " ms\n";
            } else {
                const double appliedMs = clock.nsecsElapsed() / 1e6;
                window->repaint(); // drawn, not just applied
                const double drawnMs = clock.nsecsElapsed() / 1e6;
                out() << "  runtime started " << QString::number(runtimeMs, 'f', 0) << " ms, window built "
                      << QString::number(controllerMs, 'f', 0) << " ms, dashboard answer applied "
                      << QString::number(appliedMs, 'f', 0) << " ms\n"
                      << "  start -> drawn dashboard: " << QString::number(drawnMs, 'f', 0)
                      << " ms (target < 1500 ms)\n";
            }
        } else {
            out() << "  no dashboard page yet: runtime started " << QString::number(runtimeMs, 'f', 0)
                  << " ms, window built " << QString::number(controllerMs, 'f', 0) << " ms\n";
        }
        flushOut();

        if (log) {
            // The request log on the same file: count, first page, and the last page (deepest OFFSET).
            QElapsedTimer t;
            t.start();
            window->showPage(log->pageId());
            RequestLogModel *model = log->model();
            model->setFilter(model->filter()); // time it from a cold start of its own
            if (!waitUntil([&] { return model->isCounted(); }, 60'000)) {
                out() << "  request log: no count within 60 s\n";
            } else {
                const double countedMs = t.nsecsElapsed() / 1e6;
                waitUntil([&] { return model->recordAt(0) != nullptr; }, 60'000);
                log->repaint();
                const double firstMs = t.nsecsElapsed() / 1e6;
                out() << "  request log: " << model->rowCount() << " rows counted in "
                      << QString::number(countedMs, 'f', 0) << " ms, first page drawn in "
                      << QString::number(firstMs, 'f', 0) << " ms\n";
                flushOut();
                Heartbeat heartbeat;
                heartbeat.start();
                t.restart();
                log->view()->scrollToBottom();
                const int last = model->rowCount() - 1;
                waitUntil([&] { return model->recordAt(last) != nullptr; }, 120'000);
                const double lastMs = t.nsecsElapsed() / 1e6;
                heartbeat.stop();
                out() << "  request log: jump to the oldest request (OFFSET " << last << ") "
                      << QString::number(lastMs, 'f', 0) << " ms; longest GUI stall meanwhile "
                      << QString::number(qMax(0.0, heartbeat.maxGapMs() - 1.0), 'f', 2) << " ms; "
                      << model->pageQueryCount() << " page queries, " << model->cachedRowCount()
                      << " rows in memory\n";
            }
        }
    }
    runtime.stop();
    flushOut();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // One log line per request would measure the terminal, not the GUI.
    QLoggingCategory::setFilterRules(u"switchyard.*.info=false\nswitchyard.*.debug=false\nqt.qpa.*=false"_s);
    // Its own settings file: never the user's window state.
    QCoreApplication::setOrganizationName(u"switchyard-bench"_s);
    QCoreApplication::setApplicationName(u"bench_gui"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"GUI-thread stalls under gateway load and startup over a big database."_s);
    parser.addHelpOption();
    parser.addOption({u"quick"_s, u"Smoke run: 2 s of load, a 100k-request database."_s});
    parser.addOption({u"seconds"_s, u"Load duration per page (default 10)."_s, u"S"_s});
    parser.addOption({u"rate"_s, u"Requests per second to send (default 2000)."_s, u"R"_s});
    parser.addOption({u"connections"_s, u"Keep-alive connections (default 16)."_s, u"C"_s});
    parser.addOption({u"requests"_s, u"Requests in the startup database (default 10000000)."_s, u"N"_s});
    parser.addOption({u"db-dir"_s, u"Folder of the startup database (default /tmp/sy-bench)."_s, u"DIR"_s});
    parser.addOption({u"skip-load"_s, u"Only the startup part."_s});
    parser.addOption({u"skip-startup"_s, u"Only the load part."_s});
    parser.process(app);

    const bool quick = parser.isSet(u"quick"_s);
    const double seconds = parser.isSet(u"seconds"_s) ? parser.value(u"seconds"_s).toDouble() : quick ? 2.0 : 10.0;
    const double rate = parser.isSet(u"rate"_s) ? parser.value(u"rate"_s).toDouble() : 2000.0;
    const int connections = parser.isSet(u"connections"_s) ? parser.value(u"connections"_s).toInt() : 16;
    const qint64 requests = parser.isSet(u"requests"_s) ? parser.value(u"requests"_s).toLongLong()
        : quick                                           ? 100'000
                                                          : 10'000'000;
    const QString dbDir = parser.isSet(u"db-dir"_s) ? parser.value(u"db-dir"_s) : u"/tmp/sy-bench"_s;
    if (seconds <= 0 || rate <= 0 || connections <= 0 || requests <= 0) {
        std::fprintf(stderr, "bench_gui: bad option value\n");
        return 2;
    }

    int code = 0;
    if (!parser.isSet(u"skip-load"_s))
        code |= benchLoad(seconds, rate, connections);
    if (!parser.isSet(u"skip-startup"_s)) {
        QDir().mkpath(dbDir);
        const QString path = dbDir + u"/bench-%1.sqlite3"_s.arg(requests);
        out() << "== startup database: " << path << '\n';
        if (!ensureDatabase(path, requests))
            return 1;
        code |= benchStartup(path);
    }
    return code;
}
