// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"
#include "core/usage/usagerecord.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace Switchyard {

class UsageStore;

struct DemoDataOptions {
    int weeks = 12;
    quint64 seed = 1;
    QDate lastDay;          ///< last day with traffic (UTC); null means today
};

/// Synthetic but realistic gateway traffic for demos, screenshots and benchmarks: several
/// providers' models (premium ones doing short classify/extract calls too), two local nodes
/// (energy cost 0), one model without a known price, errors and ladder escalations with
/// their attempts, weekday patterns and growth over the weeks.
///
/// Deterministic: the same options give the same records on every platform (own PRNG, no
/// clock except a null lastDay). Demo records go into their own database file, never into
/// the user's usage database. Stateless; any thread.
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    /// `demo-usage.sqlite3` in the application data folder, beside the real usage.sqlite3.
    static QString defaultPath();
    /// The providers and nodes the demo traffic names, for pricing it (nodes cost 0).
    static Config config();
    /// The records, oldest first, priced with the built-in catalog and config().
    static QList<RequestRecord> generate(const DemoDataOptions &options);
    /// generate() into `store` through UsageStore::record(); returns the record count.
    /// Does not flush.
    static qint64 write(UsageStore *store, const DemoDataOptions &options);
};

} // namespace Switchyard
