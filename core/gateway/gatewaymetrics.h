// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>

namespace Switchyard {

class CircuitBreaker;

/// Counters and histograms of one worker thread. Each worker updates only its own instance
/// (its mutex is uncontended except while /metrics is scraped), so workers share no lock on
/// the hot path. MetricsRegistry renders all instances as Prometheus text.
class GatewayMetrics
{
public:
    static constexpr std::array<double, 12> kBuckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    struct RequestSample {
        QString route;      ///< empty for direct models
        QString target;     ///< owner/model that answered (or was tried last)
        int status = 0;
        double seconds = 0;
        double ttftSeconds = -1;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        qint64 cachedTokens = 0;
        qint64 costNanoUsd = 0;
        bool priced = true;
    };

    void addRequest(const RequestSample &sample);
    void addAttempt(const QString &target, const QString &outcome);

private:
    friend class MetricsRegistry;
    struct Histogram {
        std::array<quint64, kBuckets.size()> counts{};
        quint64 count = 0;
        double sum = 0;
        void observe(double v);
    };
    struct Series {
        QHash<int, quint64> byStatus;
        quint64 errors = 0;
        Histogram duration;
        Histogram ttft;
    };
    struct TargetTotals {
        qint64 inputTokens = 0, outputTokens = 0, cachedTokens = 0, costNanoUsd = 0;
        quint64 unpriced = 0;
        QHash<QString, quint64> attempts; ///< by outcome
    };

    mutable QMutex m_mutex;
    QHash<QPair<QString, QString>, Series> m_series; ///< (route, target)
    QHash<QString, TargetTotals> m_targets;
};

/// The set of worker metrics plus shared state, rendered for GET /metrics. Any thread.
class MetricsRegistry
{
public:
    void add(GatewayMetrics *metrics);
    void remove(GatewayMetrics *metrics);
    QByteArray render(const CircuitBreaker *breaker) const;

private:
    mutable QMutex m_mutex;
    QList<GatewayMetrics *> m_metrics;
};

} // namespace Switchyard
