// SPDX-License-Identifier: MIT
#include "core/usage/csvwriter.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Switchyard {

QString CsvWriter::field(const QString &value)
{
    const bool needsQuotes = value.contains(u',') || value.contains(u'"') || value.contains(u'\r')
        || value.contains(u'\n');
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

bool CsvWriter::writeRow(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        line += field(fields.at(i));
    }
    line += u"\r\n"_s;
    const QByteArray bytes = line.toUtf8();
    return m_device->write(bytes) == bytes.size();
}

} // namespace Switchyard
