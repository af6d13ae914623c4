// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/democommand.h"

#include "app/switchyard-gateway/cliutil.h"
#include "core/usage/demodata.h"
#include "core/usage/usagestore.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Switchyard::Cli {

int runDemoData(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes a separate usage database of synthetic demo traffic."_s);
    parser.addOptions({{u"db"_s, u"database file to create (required; never your usage database)"_s, u"FILE"_s},
                       {u"weeks"_s, u"weeks of traffic (default 12)"_s, u"N"_s, u"12"_s},
                       {u"seed"_s, u"random seed; the same seed gives the same records (default 1)"_s, u"N"_s, u"1"_s},
                       {u"until"_s, u"last day of traffic, UTC (default today)"_s, u"DATE"_s},
                       {u"replace"_s, u"delete FILE first when it exists"_s}});
    if (!parse(parser, args))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return fail(u"demo-data: unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()), BadUsage);
    const QString db = parser.value(u"db"_s);
    if (db.isEmpty())
        return fail(u"demo-data needs --db FILE"_s, BadUsage);
    if (QFileInfo(db).absoluteFilePath() == QFileInfo(defaultDatabasePath()).absoluteFilePath())
        return fail(u"demo-data: %1 is the usage database; demo rows go into a file of their own"_s.arg(db), BadUsage);

    DemoDataOptions options;
    bool ok = false;
    options.weeks = parser.value(u"weeks"_s).toInt(&ok);
    if (!ok || options.weeks < 1 || options.weeks > 520)
        return fail(u"--weeks '%1' is not a number of weeks from 1 to 520"_s.arg(parser.value(u"weeks"_s)), BadUsage);
    options.seed = parser.value(u"seed"_s).toULongLong(&ok);
    if (!ok)
        return fail(u"--seed '%1' is not a non-negative integer"_s.arg(parser.value(u"seed"_s)), BadUsage);
    if (parser.isSet(u"until"_s)) {
        options.lastDay = QDate::fromString(parser.value(u"until"_s), Qt::ISODate);
        if (!options.lastDay.isValid())
            return fail(u"--until '%1' is not a date; use YYYY-MM-DD"_s.arg(parser.value(u"until"_s)), BadUsage);
    }

    if (QFileInfo::exists(db)) {
        if (!parser.isSet(u"replace"_s))
            return fail(u"demo-data: %1 exists; pass --replace to overwrite it"_s.arg(db));
        for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
            if (QFileInfo::exists(db + suffix) && !QFile::remove(db + suffix))
                return fail(u"demo-data: cannot delete %1"_s.arg(db + suffix));
        }
    }

    UsageStore store(db);
    Errors errors;
    if (!store.open(&errors)) {
        printErrors(db, errors);
        return Failure;
    }
    const qint64 count = DemoData::write(&store, options);
    if (!store.flush())
        return fail(u"demo-data: the records could not be written to %1"_s.arg(db));
    store.close();
    out() << "wrote " << count << " demo requests (" << options.weeks << " weeks, seed " << options.seed << ") to " << db
          << Qt::endl;
    return Ok;
}

} // namespace Switchyard::Cli
