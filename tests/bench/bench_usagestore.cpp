// SPDX-License-Identifier: MIT
// bench_usagestore: insert throughput through UsageStore::record() and the writer thread,
// then the latency of weekly-spend queries on the database it built. Prints figures only.
//
//   bench_usagestore [--requests N[,N...]]... [--db-dir DIR] [--keep]
//
// With --keep and --db-dir, an existing bench-N.sqlite3 that already holds N requests is
// reused, so the 10M query figures can be rerun without regenerating.
#include "tests/support/usagetestdata.h"
#include "core/usage/usagestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchyard;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

/// Realistic cardinalities: 8 providers with 24 cloud models, 6 nodes with one local model
/// each, 20 tasks, 6 routes; each task mostly uses a few models, as routing rules do.
struct Catalog {
    struct Target {
        QString provider, node, model;
    };
    QList<Target> targets;
    QStringList tasks, routes, keys;

    Catalog()
    {
        const QStringList providers = {u"openai"_s, u"anthropic"_s, u"google"_s, u"deepseek"_s,
                                       u"mistral"_s, u"groq"_s, u"together"_s, u"openrouter"_s};
        for (int i = 0; i < 24; ++i)
            targets.append({providers.at(i % 8), {}, u"%1/model-%2"_s.arg(providers.at(i % 8)).arg(i)});
        for (int i = 0; i < 6; ++i)
            targets.append({{}, u"node-%1"_s.arg(i), u"local-model-%1"_s.arg(i)});
        for (int i = 0; i < 20; ++i)
            tasks.append(u"task-%1"_s.arg(i));
        for (int i = 0; i < 6; ++i)
            routes.append(u"route-%1"_s.arg(i));
        routes.append(QString()); // direct model requests
        keys = {u"laptop"_s, u"ci"_s, u"server"_s};
    }
};

class Generator
{
public:
    Generator(qint64 total, qint64 startMs) : m_total(total), m_startMs(startMs) {}

    RequestRecord next(qint64 i)
    {
        static const qint64 kYearMs = 365LL * 86'400'000;
        RequestRecord r;
        r.requestId = QString::number(m_rng.generate64(), 16).rightJustified(16, u'0')
            + QString::number(m_rng.generate64(), 16).rightJustified(16, u'0');
        r.time = QDateTime::fromMSecsSinceEpoch(m_startMs + i * kYearMs / m_total, QTimeZone::utc());
        const int task = pick(20);
        r.task = m_catalog.tasks.at(task);
        r.keyName = m_catalog.keys.at(pick(3));
        // 85%: one of the task's three usual models; otherwise any.
        const int target = pick(100) < 85 ? (task * 7 + pick(3) * 11) % 30 : pick(30);
        const Catalog::Target &t = m_catalog.targets.at(target);
        r.route = m_catalog.routes.at(task % 7);
        r.requestedModel = r.route.isEmpty() ? t.model : u"route/"_s + r.route;
        r.provider = t.provider;
        r.node = t.node;
        r.model = t.model;
        const bool failed = pick(100) < 3;
        r.status = failed ? u"error"_s : u"ok"_s;
        r.httpStatus = failed ? 502 : 200;
        r.tokens.inputTokens = 200 + pick(8000);
        r.tokens.cacheReadTokens = pick(4) == 0 ? r.tokens.inputTokens / 2 : 0;
        r.tokens.outputTokens = failed ? 0 : 20 + pick(1500);
        r.tokens.reasoningTokens = pick(5) == 0 ? r.tokens.outputTokens / 3 : 0;
        r.latencyMs = 150 + pick(6000);
        r.ttftMs = pick(2) ? 80 + pick(900) : -1;
        r.stream = r.ttftMs >= 0;
        r.cost.priced = t.node.isEmpty() && pick(100) >= 4; // some cloud models unknown to the catalog
        if (r.cost.priced) {
            r.cost.input = r.tokens.uncachedInputTokens() * (100 + target * 40);
            r.cost.cacheRead = r.tokens.cacheReadTokens * (10 + target * 4);
            r.cost.output = r.tokens.outputTokens * (400 + target * 160);
            r.cost.priceSource = u"catalog:"_s + t.model;
            r.cost.matchedModel = t.model;
        }
        r.error = failed ? u"upstream answered 502 Bad Gateway"_s : QString();
        // 1 attempt, or 2 when the first rung was rate-limited or failed.
        const bool escalated = pick(100) < 20;
        if (escalated) {
            const Catalog::Target &first = m_catalog.targets.at((target + 5) % 30);
            AttemptRecord a;
            a.rung = 0;
            a.provider = first.provider;
            a.node = first.node;
            a.model = first.model;
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

    const Catalog &catalog() const { return m_catalog; }

private:
    int pick(int n) { return int(m_rng.bounded(n)); }

    Catalog m_catalog;
    QRandomGenerator m_rng{20260101};
    qint64 m_total;
    qint64 m_startMs;
};

qint64 countRequests(const QString &path)
{
    return TestData::countRequests(path, u"bench-count"_s);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0.0 : v.at(v.size() / 2);
}

void benchQueries(UsageStore &store, const Catalog &catalog, QDate lastDay)
{
    out() << "\n  weekly spend queries (median / max of 5 runs, ms; rows returned)\n";
    out() << "  " << u"dimension"_s.leftJustified(10) << u"weeks"_s.rightJustified(6)
          << u"filter"_s.rightJustified(22) << u"median"_s.rightJustified(9) << u"max"_s.rightJustified(9)
          << u"rows"_s.rightJustified(7) << '\n';
    double worst = 0.0;
    for (SpendDimension dim : {SpendDimension::Model, SpendDimension::Node, SpendDimension::Task,
                               SpendDimension::Provider, SpendDimension::Route}) {
        for (int weeks : {12, 52}) {
            for (int filtered = 0; filtered < 3; ++filtered) {
                SpendQuery q;
                q.groupBy = dim;
                q.filter.to = lastDay;
                q.filter.from = lastDay.addDays(-7 * weeks + 1);
                QString label = u"none"_s;
                if (filtered == 1) {
                    q.filter.models = {catalog.targets.at(1).model, catalog.targets.at(8).model,
                                       catalog.targets.at(15).model};
                    label = u"3 models"_s;
                } else if (filtered == 2) {
                    q.filter.tasks = {catalog.tasks.at(2), catalog.tasks.at(5)};
                    q.filter.providers = {u"openai"_s, u"anthropic"_s};
                    label = u"2 tasks+2 providers"_s;
                }
                QList<double> times;
                qsizetype rows = 0;
                for (int run = 0; run < 5; ++run) {
                    QElapsedTimer t;
                    t.start();
                    const SpendTable table = store.querySpend(q).result();
                    times.append(t.nsecsElapsed() / 1e6);
                    rows = table.size();
                }
                worst = std::max(worst, *std::max_element(times.begin(), times.end()));
                out() << "  " << spendDimensionName(dim).leftJustified(10) << QString::number(weeks).rightJustified(6)
                      << label.rightJustified(22) << QString::number(median(times), 'f', 2).rightJustified(9)
                      << QString::number(*std::max_element(times.begin(), times.end()), 'f', 2).rightJustified(9)
                      << QString::number(rows).rightJustified(7) << '\n';
            }
        }
    }
    out() << "  slowest weekly-spend query: " << QString::number(worst, 'f', 2) << " ms\n";
    out().flush();
}

int runOne(qint64 requests, const QString &dir, bool keep)
{
    const QString path = dir + u"/bench-%1.sqlite3"_s.arg(requests);
    const QDate lastDay(2026, 6, 28); // a Sunday: the 52-week window is whole weeks
    const qint64 startMs = lastDay.addDays(-364).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch();
    Generator gen(requests, startMs);

    out() << "== " << requests << " requests, " << path << '\n';
    out().flush();
    const bool reuse = keep && countRequests(path) == requests;
    if (!reuse) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
    }

    UsageStore store(path);
    Errors errors;
    if (!store.open(&errors)) {
        out() << "cannot open: " << errors.value(0).toString() << '\n';
        return 1;
    }
    if (reuse) {
        out() << "  reusing the existing database\n";
    } else {
        qint64 attempts = 0;
        QElapsedTimer total;
        total.start();
        QElapsedTimer window;
        window.start();
        qint64 windowStart = 0;
        for (qint64 i = 0; i < requests; ++i) {
            RequestRecord r = gen.next(i);
            attempts += r.attemptRecords.size();
            store.record(std::move(r));
            // Back-pressure for the benchmark only, so memory stays bounded: the gateway
            // produces far fewer records per second than this loop.
            if ((i & 0xfff) == 0) {
                while (store.pendingCount() > 200'000)
                    QThread::msleep(5);
            }
            if (window.elapsed() >= 10'000) {
                out() << "  ... " << i << " recorded, "
                      << QString::number((i - windowStart) * 1000.0 / window.elapsed(), 'f', 0) << " req/s\n";
                out().flush();
                windowStart = i;
                window.restart();
            }
        }
        const qint64 recordMs = total.elapsed();
        store.flush();
        const double secs = total.nsecsElapsed() / 1e9;
        out() << "  insert: " << requests << " requests + " << attempts << " attempts in "
              << QString::number(secs, 'f', 2) << " s (record() loop " << recordMs << " ms) = "
              << QString::number(requests / secs, 'f', 0) << " requests/s sustained, "
              << QString::number((requests + attempts) / secs, 'f', 0) << " rows/s\n";
    }
    out() << "  file size: " << QString::number(QFileInfo(path).size() / 1048576.0, 'f', 0) << " MiB\n";
    benchQueries(store, gen.catalog(), lastDay);
    store.close();
    if (!keep) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Usage store benchmark: insert throughput and weekly-spend query latency."_s);
    parser.addHelpOption();
    parser.addOption({u"requests"_s, u"Requests to generate; repeatable or a comma list (default 1000000)."_s, u"N"_s});
    parser.addOption({u"db-dir"_s, u"Folder for the databases (default: a temporary folder)."_s, u"DIR"_s});
    parser.addOption({u"keep"_s, u"Keep the databases (and reuse complete ones)."_s});
    parser.process(app);

    QList<qint64> counts;
    for (const QString &value : parser.values(u"requests"_s)) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 n = part.trimmed().toLongLong(&ok);
            if (!ok || n <= 0) {
                std::fprintf(stderr, "bench_usagestore: bad --requests value '%s'\n", qPrintable(part));
                return 2;
            }
            counts.append(n);
        }
    }
    if (counts.isEmpty())
        counts.append(1'000'000);

    QTemporaryDir tmp;
    QString dir = parser.value(u"db-dir"_s);
    if (dir.isEmpty()) {
        if (!tmp.isValid())
            return 1;
        dir = tmp.path();
    }
    QDir().mkpath(dir);
    const bool keep = parser.isSet(u"keep"_s);
    for (qint64 n : counts) {
        if (runOne(n, dir, keep) != 0)
            return 1;
    }
    return 0;
}
