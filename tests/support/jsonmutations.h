// SPDX-License-Identifier: MIT
#pragma once
// Random byte edits of JSON texts, for tests that compare JsonScanner with Qt's parser.

#include <QByteArray>
#include <QRandomGenerator>

namespace Switchyard::TestData {

/// `seed` with one to three bytes replaced, removed or inserted, drawn from JSON's own
/// punctuation, escapes, literals and UTF-8 lead/continuation bytes.
inline QByteArray mutatedJson(const QByteArray &seed, QRandomGenerator &random)
{
    static const QByteArray alphabet = "{}[]\",:\\/ 0123456789-+.eEtrufalsnu\x80\xc3\xa9\xf0";
    QByteArray json = seed;
    const int edits = 1 + int(random.bounded(3));
    for (int e = 0; e < edits && !json.isEmpty(); ++e) {
        const qsizetype at = random.bounded(int(json.size()));
        switch (random.bounded(3)) {
        case 0: json[at] = alphabet.at(random.bounded(int(alphabet.size()))); break;
        case 1: json.remove(at, 1); break;
        default: json.insert(at, alphabet.at(random.bounded(int(alphabet.size())))); break;
        }
    }
    return json;
}

} // namespace Switchyard::TestData
