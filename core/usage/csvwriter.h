// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

class QIODevice;

namespace Switchyard {

/// Writes RFC 4180 CSV: UTF-8, CRLF line ends, a field quoted when it holds a comma, a
/// double quote, CR or LF, with inner quotes doubled. Does not own the device; one thread.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device) : m_device(device) {}

    /// False when the device refused the bytes (disk full...).
    bool writeRow(const QStringList &fields);
    static QString field(const QString &value);

private:
    QIODevice *m_device;
};

} // namespace Switchyard
