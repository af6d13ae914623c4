// SPDX-License-Identifier: MIT
#include "core/gateway/gatewaymetrics.h"

#include "core/routing/circuitbreaker.h"

#include <QMutexLocker>

#include <map>

namespace Switchyard {

void GatewayMetrics::Histogram::observe(double v)
{
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (v <= kBuckets[i])
            ++counts[i];
    }
    ++count;
    sum += v;
}

void GatewayMetrics::addRequest(const RequestSample &s)
{
    QMutexLocker lock(&m_mutex);
    Series &series = m_series[{s.route, s.target}];
    ++series.byStatus[s.status];
    if (s.status >= 400)
        ++series.errors;
    series.duration.observe(s.seconds);
    if (s.ttftSeconds >= 0)
        series.ttft.observe(s.ttftSeconds);
    TargetTotals &t = m_targets[s.target];
    t.inputTokens += s.inputTokens;
    t.outputTokens += s.outputTokens;
    t.cachedTokens += s.cachedTokens;
    t.costNanoUsd += s.costNanoUsd;
    if (!s.priced)
        ++t.unpriced;
}

void GatewayMetrics::addAttempt(const QString &target, const QString &outcome)
{
    QMutexLocker lock(&m_mutex);
    ++m_targets[target].attempts[outcome];
}

void MetricsRegistry::add(GatewayMetrics *metrics)
{
    QMutexLocker lock(&m_mutex);
    m_metrics.append(metrics);
}

void MetricsRegistry::remove(GatewayMetrics *metrics)
{
    QMutexLocker lock(&m_mutex);
    m_metrics.removeAll(metrics);
}

namespace {

QByteArray escapeLabel(const QString &value)
{
    QByteArray v = value.toUtf8();
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return v;
}

QByteArray labels(std::initializer_list<std::pair<const char *, QString>> pairs)
{
    QByteArray out = "{";
    bool first = true;
    for (const auto &[k, v] : pairs) {
        if (!first)
            out += ',';
        first = false;
        out += k;
        out += "=\"";
        out += escapeLabel(v);
        out += '"';
    }
    return out + '}';
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 12);
}

} // namespace

QByteArray MetricsRegistry::render(const CircuitBreaker *breaker) const
{
    // Merge the workers' series into sorted maps, so the output is stable.
    struct Merged {
        std::map<int, quint64> byStatus;
        quint64 errors = 0;
        GatewayMetrics::Histogram duration, ttft;
    };
    std::map<std::pair<QString, QString>, Merged> series;
    std::map<QString, GatewayMetrics::TargetTotals> targets;
    {
        QMutexLocker lock(&m_mutex);
        for (const GatewayMetrics *m : m_metrics) {
            QMutexLocker inner(&m->m_mutex);
            for (auto it = m->m_series.cbegin(); it != m->m_series.cend(); ++it) {
                Merged &into = series[{it.key().first, it.key().second}];
                for (auto s = it->byStatus.cbegin(); s != it->byStatus.cend(); ++s)
                    into.byStatus[s.key()] += s.value();
                into.errors += it->errors;
                for (const auto &[to, from] : {std::pair{&into.duration, &it->duration}, std::pair{&into.ttft, &it->ttft}}) {
                    for (size_t i = 0; i < GatewayMetrics::kBuckets.size(); ++i)
                        to->counts[i] += from->counts[i];
                    to->count += from->count;
                    to->sum += from->sum;
                }
            }
            for (auto it = m->m_targets.cbegin(); it != m->m_targets.cend(); ++it) {
                GatewayMetrics::TargetTotals &t = targets[it.key()];
                t.inputTokens += it->inputTokens;
                t.outputTokens += it->outputTokens;
                t.cachedTokens += it->cachedTokens;
                t.costNanoUsd += it->costNanoUsd;
                t.unpriced += it->unpriced;
                for (auto a = it->attempts.cbegin(); a != it->attempts.cend(); ++a)
                    t.attempts[a.key()] += a.value();
            }
        }
    }

    QByteArray out;
    out.reserve(4096);
    out += "# HELP switchyard_requests_total Client requests answered, by route, serving target and HTTP status.\n"
           "# TYPE switchyard_requests_total counter\n";
    for (const auto &[key, m] : series)
        for (const auto &[status, n] : m.byStatus)
            out += "switchyard_requests_total" + labels({{"route", key.first}, {"target", key.second}, {"status", QString::number(status)}})
                + ' ' + QByteArray::number(n) + '\n';
    out += "# HELP switchyard_request_errors_total Client requests answered with an error status.\n"
           "# TYPE switchyard_request_errors_total counter\n";
    for (const auto &[key, m] : series)
        out += "switchyard_request_errors_total" + labels({{"route", key.first}, {"target", key.second}}) + ' '
            + QByteArray::number(m.errors) + '\n';
    auto histogram = [&](const char *name, const char *help, auto member) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " histogram\n";
        for (const auto &[key, m] : series) {
            const GatewayMetrics::Histogram &h = m.*member;
            if (h.count == 0)
                continue;
            for (size_t i = 0; i < GatewayMetrics::kBuckets.size(); ++i)
                out += QByteArray(name) + "_bucket"
                    + labels({{"route", key.first}, {"target", key.second}, {"le", QString::number(GatewayMetrics::kBuckets[i])}})
                    + ' ' + QByteArray::number(h.counts[i]) + '\n';
            out += QByteArray(name) + "_bucket" + labels({{"route", key.first}, {"target", key.second}, {"le", QStringLiteral("+Inf")}})
                + ' ' + QByteArray::number(h.count) + '\n';
            out += QByteArray(name) + "_sum" + labels({{"route", key.first}, {"target", key.second}}) + ' ' + number(h.sum) + '\n';
            out += QByteArray(name) + "_count" + labels({{"route", key.first}, {"target", key.second}}) + ' '
                + QByteArray::number(h.count) + '\n';
        }
    };
    histogram("switchyard_request_duration_seconds", "Time from request to the last byte of the answer.", &Merged::duration);
    histogram("switchyard_time_to_first_token_seconds", "Streaming: time from request to the first chunk.", &Merged::ttft);

    out += "# HELP switchyard_attempts_total Upstream attempts by target and outcome (ok, escalated, failed, skipped, cancelled).\n"
           "# TYPE switchyard_attempts_total counter\n";
    for (const auto &[target, t] : targets)
        for (auto a = t.attempts.cbegin(); a != t.attempts.cend(); ++a)
            out += "switchyard_attempts_total" + labels({{"target", target}, {"outcome", a.key()}}) + ' '
                + QByteArray::number(a.value()) + '\n';
    out += "# HELP switchyard_tokens_total Tokens of answered requests by target and kind.\n"
           "# TYPE switchyard_tokens_total counter\n";
    for (const auto &[target, t] : targets) {
        out += "switchyard_tokens_total" + labels({{"target", target}, {"kind", QStringLiteral("input")}}) + ' '
            + QByteArray::number(t.inputTokens) + '\n';
        out += "switchyard_tokens_total" + labels({{"target", target}, {"kind", QStringLiteral("output")}}) + ' '
            + QByteArray::number(t.outputTokens) + '\n';
        out += "switchyard_tokens_total" + labels({{"target", target}, {"kind", QStringLiteral("cached")}}) + ' '
            + QByteArray::number(t.cachedTokens) + '\n';
    }
    out += "# HELP switchyard_cost_usd_total Spend of priced requests in USD by target.\n"
           "# TYPE switchyard_cost_usd_total counter\n";
    for (const auto &[target, t] : targets)
        out += "switchyard_cost_usd_total" + labels({{"target", target}}) + ' ' + number(double(t.costNanoUsd) / 1e9) + '\n';
    out += "# HELP switchyard_unpriced_requests_total Requests whose model has no known price (their cost is unknown, not zero).\n"
           "# TYPE switchyard_unpriced_requests_total counter\n";
    for (const auto &[target, t] : targets)
        out += "switchyard_unpriced_requests_total" + labels({{"target", target}}) + ' ' + QByteArray::number(t.unpriced) + '\n';

    if (breaker) {
        out += "# HELP switchyard_circuit_open 1 while a target is skipped after repeated failures or a Retry-After.\n"
               "# TYPE switchyard_circuit_open gauge\n";
        const auto states = breaker->states();
        for (const CircuitBreaker::TargetState &s : states)
            out += "switchyard_circuit_open" + labels({{"target", s.target}}) + ' '
                + (s.state == CircuitBreaker::State::Open ? "1" : "0") + '\n';
        out += "# HELP switchyard_circuit_opened_total Times a target's circuit opened.\n"
               "# TYPE switchyard_circuit_opened_total counter\n";
        for (const CircuitBreaker::TargetState &s : states)
            out += "switchyard_circuit_opened_total" + labels({{"target", s.target}}) + ' ' + QByteArray::number(s.opened) + '\n';
    }
    return out;
}

} // namespace Switchyard
