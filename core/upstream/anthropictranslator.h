// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace Switchyard {

/// Translation between OpenAI chat completions and the Anthropic Messages API, as pure JSON
/// functions (no I/O), so every shape is unit-tested on its own.
///
/// The static functions translate a request and a complete answer. An instance translates
/// one stream: feed it each Messages SSE event in order and it returns the OpenAI
/// chat.completion.chunk objects that event stands for. Plain value type, one per stream.
class AnthropicTranslator
{
public:
    /// The Messages API request for an OpenAI chat completions request: system messages to
    /// `system` (cache_control kept), tool calls and results to tool_use/tool_result blocks,
    /// consecutive same-role turns merged, `max_tokens` defaulted to 4096, tools and
    /// tool_choice mapped. OpenAI-only fields are dropped: Anthropic refuses unknown ones.
    /// On a request that cannot be expressed, returns {} and sets `error` (names the path).
    static QJsonObject toMessagesRequest(const QJsonObject &chatRequest, QString *error = nullptr);

    /// The chat.completion for a complete Messages answer. `created` is the Unix time to put
    /// in the answer (Anthropic sends none).
    static QJsonObject toChatCompletion(const QJsonObject &message, qint64 created);

    /// OpenAI finish_reason for an Anthropic stop_reason; null JSON for none.
    static QJsonValue finishReason(const QJsonValue &stopReason);
    /// OpenAI usage for Anthropic usage: prompt_tokens counts cache reads and writes too;
    /// Anthropic's cache fields are kept beside the OpenAI ones.
    static QJsonObject toChatUsage(const QJsonObject &anthropicUsage);
    /// An HTTP status for an Anthropic error type (`overloaded_error` -> 529 ...), for errors
    /// that arrive inside a 200 stream.
    static int httpStatusForErrorType(const QString &type);

    /// Streaming: `created` as in toChatCompletion; `model` until message_start names one.
    explicit AnthropicTranslator(qint64 created = 0, const QString &model = QString());

    /// The chunks for one stream event (`type` is the SSE event name; the JSON `type` member
    /// is used when it is empty). message_stop also yields the usage chunk (`choices: []`).
    QList<QJsonObject> translateEvent(const QByteArray &type, const QJsonObject &event);

    bool isComplete() const { return m_complete; }       ///< message_stop seen
    bool hasError() const { return !m_error.isEmpty(); } ///< an `error` event arrived
    QJsonObject error() const { return m_error; }        ///< the `error` member of that event
    QString model() const { return m_model; }
    /// Anthropic usage so far: message_start's, updated by message_delta's cumulative counts.
    QJsonObject usage() const { return m_usage; }
    QJsonValue finishReason() const { return m_finishReason; }

private:
    QList<QJsonObject> translate(const QByteArray &type, const QJsonObject &event);
    QJsonObject chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null) const;

    qint64 m_created;
    QString m_id;
    QString m_model;
    QJsonObject m_usage;
    QJsonValue m_finishReason;
    QJsonObject m_error;
    QHash<int, int> m_toolIndexByBlock; ///< content block index -> OpenAI tool_calls index
    QSet<int> m_toolBlocksWithArguments; ///< tool blocks that streamed some argument text
    /// message_start's role chunk, held back until the first chunk with something in it: an
    /// empty opening must not count as the stream's first token (the ladder commits there).
    QJsonObject m_pendingRoleChunk;
    bool m_complete = false;
};

} // namespace Switchyard
