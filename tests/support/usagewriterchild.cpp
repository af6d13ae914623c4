// SPDX-License-Identifier: MIT
// usagewriterchild DB [BATCH_WINDOW_MS] [MAX_BATCH]: records usage rows in a loop for
// tst_usagestore's crash tests and prints "committed <total>" after each commit, until killed.
#include "core/usage/usagestore.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchyard;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: usagewriterchild DB [BATCH_WINDOW_MS] [MAX_BATCH]\n");
        return 2;
    }
    UsageStore::Options options;
    options.batchWindow = std::chrono::milliseconds(args.value(2, u"20"_s).toInt());
    options.maxBatch = args.value(3, u"200"_s).toInt();
    UsageStore store(args.at(1), options);
    Errors errors;
    if (!store.open(&errors)) {
        std::fprintf(stderr, "%s\n", qPrintable(errors.value(0).toString()));
        return 1;
    }
    qint64 committed = 0;
    QObject::connect(&store, &UsageStore::recordsCommitted, &app, [&committed](int count) {
        committed += count;
        std::printf("committed %lld\n", static_cast<long long>(committed));
        std::fflush(stdout);
    });
    qint64 next = 0;
    QTimer producer;
    QObject::connect(&producer, &QTimer::timeout, &app, [&] {
        for (int i = 0; i < 40; ++i, ++next) {
            RequestRecord r;
            r.requestId = u"child-%1"_s.arg(next);
            r.time = QDateTime::currentDateTimeUtc();
            r.task = u"crash"_s;
            r.provider = u"openai"_s;
            r.model = u"gpt-4o"_s;
            r.status = u"ok"_s;
            r.httpStatus = 200;
            r.tokens.inputTokens = 100 + next % 50;
            r.tokens.outputTokens = 10;
            r.attempts = 1;
            AttemptRecord a;
            a.provider = r.provider;
            a.model = r.model;
            a.outcome = u"ok"_s;
            a.tokens = r.tokens;
            r.attemptRecords.append(a);
            store.record(std::move(r));
        }
    });
    producer.start(2);
    std::printf("started\n");
    std::fflush(stdout);
    return app.exec();
}
