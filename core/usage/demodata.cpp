// SPDX-License-Identifier: MIT
#include "core/usage/demodata.h"

#include "core/usage/costcalculator.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/usagestore.h"

#include <QStandardPaths>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

/// splitmix64: tiny and the same everywhere (std distributions differ between libraries).
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double unit() { return double(next() >> 11) / double(1ULL << 53); } ///< [0, 1)
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(unit() * double(hi - lo + 1)); }
    bool chance(double p) { return unit() < p; }

private:
    quint64 m_state;
};

struct Server {
    const char *provider; ///< empty for a node
    const char *node;
    const char *model;
    int baseLatencyMs;
    double msPerOutputToken;
};

const Server kLocal8b{"", "workstation-01", "llama-3.1-8b-instruct", 120, 9.0};
const Server kLocalCoder{"", "gpu-box", "qwen2.5-coder-14b-instruct", 300, 14.0};
const Server kGpt4o{"openai", "", "gpt-4o", 450, 14.0};
const Server kGpt4oMini{"openai", "", "gpt-4o-mini", 350, 9.0};
const Server kSonnet{"anthropic", "", "claude-sonnet-4-5", 600, 16.0};
const Server kHaiku{"anthropic", "", "claude-haiku-4-5", 380, 8.0};
const Server kFlash{"google", "", "gemini-2.5-flash", 300, 6.0};
const Server kLabs{"labs", "", "labs-coder-preview", 700, 20.0}; // not in any price list

struct Choice {
    const Server *server;
    double weightStart; ///< share in the first week
    double weightEnd;   ///< share in the last week: routing improves over time
};

struct TaskProfile {
    const char *task;
    double share;
    const char *route;
    qint64 inLo, inHi, outLo, outHi;
    bool stream;
    QList<Choice> choices;
};

const QList<TaskProfile> &profiles()
{
    static const QList<TaskProfile> list{
        // Short work: premium models still take a share of it (the dashboard's finding).
        {"classify", 0.34, "cheap-first", 250, 700, 2, 24, false,
         {{&kGpt4o, 0.50, 0.20}, {&kLocal8b, 0.30, 0.65}, {&kGpt4oMini, 0.20, 0.15}}},
        {"extract", 0.22, "", 800, 2400, 40, 170, false, {{&kSonnet, 0.55, 0.40}, {&kFlash, 0.45, 0.60}}},
        {"summarize", 0.14, "", 2000, 6000, 180, 480, false, {{&kHaiku, 0.70, 0.70}, {&kGpt4oMini, 0.30, 0.30}}},
        {"chat", 0.18, "quality", 500, 3000, 150, 900, true, {{&kSonnet, 0.55, 0.60}, {&kGpt4o, 0.45, 0.40}}},
        {"codegen", 0.12, "quality", 2000, 8000, 600, 2400, true,
         {{&kSonnet, 0.60, 0.50}, {&kLabs, 0.25, 0.25}, {&kLocalCoder, 0.15, 0.25}}},
    };
    return list;
}

QString targetOf(const Server &s)
{
    return *s.provider ? QString::fromLatin1(s.provider) + u'/' + QString::fromLatin1(s.model)
                       : QString::fromLatin1(s.model);
}

template<typename T, typename Weight>
const T &pick(Random &rng, const QList<T> &items, Weight weight)
{
    double total = 0;
    for (const T &item : items)
        total += weight(item);
    double x = rng.unit() * total;
    for (const T &item : items) {
        x -= weight(item);
        if (x < 0)
            return item;
    }
    return items.last();
}

AttemptRecord attemptOn(const Server &s, int rung)
{
    AttemptRecord a;
    a.rung = rung;
    a.provider = QString::fromLatin1(s.provider);
    a.node = QString::fromLatin1(s.node);
    a.model = QString::fromLatin1(s.model);
    return a;
}

} // namespace

QString DemoData::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo-usage.sqlite3"_s;
}

Config DemoData::config()
{
    Config c;
    const auto provider = [](const char *id, const char *kind, const char *url) {
        ProviderConfig p;
        p.id = QString::fromLatin1(id);
        p.kind = QString::fromLatin1(kind);
        p.baseUrl = QString::fromLatin1(url);
        p.apiKey = u"env:DEMO_KEY"_s;
        return p;
    };
    c.providers = {provider("openai", "openai", "https://api.openai.com/v1"),
                   provider("anthropic", "anthropic", "https://api.anthropic.com"),
                   provider("google", "openai", "https://generativelanguage.googleapis.com/v1beta/openai"),
                   provider("labs", "openai", "https://api.labs.example/v1")};
    NodeConfig workstation;
    workstation.id = u"workstation-01"_s;
    workstation.kind = u"llama.cpp"_s;
    workstation.baseUrl = u"http://127.0.0.1:8080"_s;
    workstation.models = {u"llama-3.1-8b-instruct"_s};
    NodeConfig gpuBox;
    gpuBox.id = u"gpu-box"_s;
    gpuBox.kind = u"ollama"_s;
    gpuBox.baseUrl = u"http://192.168.1.20:11434"_s;
    gpuBox.models = {u"qwen2.5-coder-14b-instruct"_s};
    c.nodes = {workstation, gpuBox};
    return c;
}

QList<RequestRecord> DemoData::generate(const DemoDataOptions &options)
{
    const CostCalculator calc(PriceCatalog::builtIn(), config());
    Random rng(options.seed);
    // Demo traffic ends now (or at the end of the given day): a log must not show requests
    // from later today.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate lastDay = options.lastDay.isValid() ? options.lastDay : now.date();
    const QDateTime end = options.lastDay.isValid() ? lastDay.addDays(1).startOfDay(QTimeZone::utc()) : now;
    const int days = qMax(1, options.weeks) * 7;
    const QDate firstDay = lastDay.addDays(1 - days);
    // Working-hour weights per UTC hour, so timestamps cluster like a team's day.
    static constexpr double kHourWeight[24] = {0.2, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.2, 1.6, 1.8, 1.8,
                                               1.5, 1.7, 1.8, 1.7, 1.5, 1.2, 0.9, 0.7, 0.5, 0.4, 0.3, 0.25};
    QList<int> hours;
    for (int h = 0; h < 24; ++h)
        hours.append(h);

    QList<RequestRecord> records;
    qint64 serial = 0;
    for (int d = 0; d < days; ++d) {
        const QDate day = firstDay.addDays(d);
        const double progress = days > 1 ? double(d) / double(days - 1) : 1.0;
        const double growth = 0.55 + 0.45 * progress;
        const int dow = day.dayOfWeek();
        const double weekday = dow == 6 ? 0.3 : dow == 7 ? 0.2 : dow == 1 ? 0.9 : 1.0;
        const int count = int(std::lround(240.0 * growth * weekday * (0.85 + 0.3 * rng.unit())));

        QList<qint64> times;
        for (int i = 0; i < count; ++i) {
            const int hour = pick(rng, hours, [](int h) { return kHourWeight[h]; });
            times.append(qint64(hour) * 3'600'000 + rng.between(0, 3'599'999));
        }
        std::sort(times.begin(), times.end());

        for (qint64 msOfDay : times) {
            if (day.startOfDay(QTimeZone::utc()).addMSecs(msOfDay) >= end)
                break; // times are sorted
            const TaskProfile &task = pick(rng, profiles(), [](const TaskProfile &t) { return t.share; });
            const Choice &choice = pick(rng, task.choices, [progress](const Choice &c) {
                return c.weightStart + (c.weightEnd - c.weightStart) * progress;
            });
            RequestRecord r;
            r.requestId = u"demo-%1-%2"_s.arg(options.seed).arg(++serial, 6, 10, QLatin1Char('0'));
            r.time = day.startOfDay(QTimeZone::utc()).addMSecs(msOfDay);
            r.keyName = rng.chance(0.8) ? u"laptop"_s : u"ci"_s;
            r.task = QString::fromLatin1(task.task);
            r.route = QString::fromLatin1(task.route);
            r.requestedModel = r.route.isEmpty() ? targetOf(*choice.server) : u"route/"_s + r.route;
            r.stream = task.stream;

            // Ladders: a busy node times out to gpt-4o-mini, Sonnet's rate limit falls back to gpt-4o.
            QList<const Server *> rungs{choice.server};
            if (choice.server == &kLocal8b && rng.chance(0.07))
                rungs.append(&kGpt4oMini);
            else if (choice.server == &kSonnet && !r.route.isEmpty() && rng.chance(0.06))
                rungs.append(&kGpt4o);
            const bool fails = rng.chance(0.02);

            TokenUsage tokens;
            tokens.inputTokens = rng.between(task.inLo, task.inHi);
            tokens.outputTokens = rng.between(task.outLo, task.outHi);
            if (choice.server == &kSonnet && rng.chance(0.4))
                tokens.cacheReadTokens = tokens.inputTokens * rng.between(30, 80) / 100;

            bool allPriced = true;
            bool anyTokens = false;
            CostBreakdown total;
            total.priced = true;
            for (int i = 0; i < rungs.size(); ++i) {
                const Server &s = *rungs.at(i);
                AttemptRecord a = attemptOn(s, i);
                const bool last = i == rungs.size() - 1;
                if (!last) {
                    const bool node = *s.node != 0;
                    a.outcome = u"escalated"_s;
                    a.escalationReason = node ? u"timeout"_s : u"429"_s;
                    a.httpStatus = node ? 0 : 429;
                    a.latencyMs = node ? 2000 : rng.between(80, 250);
                    a.error = node ? u"no answer within 2000 ms"_s : u"rate limit reached"_s;
                } else if (fails) {
                    a.outcome = u"failed"_s;
                    a.escalationReason = u"5xx"_s;
                    a.httpStatus = 503;
                    a.latencyMs = rng.between(200, 1500);
                    a.error = u"upstream answered 503 Service Unavailable"_s;
                } else {
                    a.outcome = u"ok"_s;
                    a.httpStatus = 200;
                    a.tokens = tokens;
                    a.ttftMs = rng.between(90, 650);
                    a.latencyMs = s.baseLatencyMs + qint64(double(tokens.outputTokens) * s.msPerOutputToken)
                        + rng.between(0, 400);
                }
                a.cost = calc.cost(a, r.time);
                if (a.tokens.inputTokens > 0 || a.tokens.outputTokens > 0) {
                    anyTokens = true;
                    allPriced = allPriced && a.cost.priced;
                    total += a.cost;
                    total.priceSource = a.cost.priceSource;
                    total.matchedModel = a.cost.matchedModel;
                }
                r.latencyMs += a.latencyMs;
                r.attemptRecords.append(a);
            }
            const AttemptRecord &served = r.attemptRecords.constLast();
            r.provider = served.provider;
            r.node = served.node;
            r.model = served.model;
            r.attempts = int(r.attemptRecords.size());
            r.tokens = served.tokens;
            // Like the gateway: a call without tokens has no price, never a $0 one.
            r.cost = anyTokens && allPriced ? total : CostBreakdown();
            if (fails) {
                r.httpStatus = 503;
                r.status = u"error"_s;
                r.error = served.error;
            } else {
                r.httpStatus = 200;
                r.status = u"ok"_s;
                r.ttftMs = r.latencyMs - served.latencyMs + served.ttftMs;
            }
            records.append(std::move(r));
        }
    }
    return records;
}

qint64 DemoData::write(UsageStore *store, const DemoDataOptions &options)
{
    QList<RequestRecord> records = generate(options);
    for (RequestRecord &r : records)
        store->record(std::move(r));
    return records.size();
}

} // namespace Switchyard
