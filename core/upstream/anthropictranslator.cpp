// SPDX-License-Identifier: MIT
#include "core/upstream/anthropictranslator.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

constexpr int DefaultMaxTokens = 4096; // Anthropic requires max_tokens; OpenAI clients often omit it

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

void copyCacheControl(const QJsonObject &from, QJsonObject *to)
{
    const QJsonValue cacheControl = from.value(u"cache_control"_s);
    if (cacheControl.isObject())
        to->insert(u"cache_control"_s, cacheControl);
}

QJsonObject textBlock(const QString &text)
{
    return QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}};
}

/// An image_url part to an image block: data URLs inline as base64, others by URL.
QJsonObject imageBlock(const QString &url)
{
    QJsonObject source;
    if (url.startsWith(u"data:")) {
        const qsizetype comma = url.indexOf(u',');
        const QString header = url.mid(5, comma - 5); // "image/png;base64"
        source = {{u"type"_s, u"base64"_s},
                  {u"media_type"_s, header.section(u';', 0, 0)},
                  {u"data"_s, url.mid(comma + 1)}};
    } else {
        source = {{u"type"_s, u"url"_s}, {u"url"_s, url}};
    }
    return QJsonObject{{u"type"_s, u"image"_s}, {u"source"_s, source}};
}

/// OpenAI message content (string, null or parts) as Anthropic content blocks. Empty text is
/// dropped: Anthropic refuses empty text blocks.
bool contentBlocks(const QJsonValue &content, const QString &path, bool allowMedia, QJsonArray *blocks, QString *error)
{
    if (content.isNull() || content.isUndefined())
        return true;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            blocks->append(textBlock(content.toString()));
        return true;
    }
    if (!content.isArray())
        return setError(error, path + u": must be a string or an array of content parts"_s);
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(u"type"_s).toString();
        const QString partPath = u"%1[%2]"_s.arg(path).arg(i);
        QJsonObject block;
        if (type == u"text") {
            const QString text = part.value(u"text"_s).toString();
            if (text.isEmpty())
                continue;
            block = textBlock(text);
        } else if (type == u"image_url" && allowMedia) {
            const QJsonValue image = part.value(u"image_url"_s);
            const QString url = image.isObject() ? image[u"url"_s].toString() : image.toString();
            if (url.isEmpty())
                return setError(error, partPath + u".image_url.url: missing"_s);
            block = imageBlock(url);
        } else {
            return setError(error, partPath + u".type: '%1' is not supported by the Anthropic Messages API"_s.arg(type));
        }
        copyCacheControl(part, &block);
        blocks->append(block);
    }
    return true;
}

/// Appends blocks as a turn of `role`, merged into the previous turn when it has the same
/// role: Anthropic wants alternating turns, and all tool results of one step in one turn.
void appendTurn(QJsonArray *messages, const QString &role, const QJsonArray &blocks)
{
    if (blocks.isEmpty())
        return;
    if (!messages->isEmpty()) {
        QJsonObject last = messages->last().toObject();
        if (last.value(u"role"_s).toString() == role) {
            QJsonArray content = last.value(u"content"_s).toArray();
            for (const QJsonValue &block : blocks)
                content.append(block);
            last.insert(u"content"_s, content);
            (*messages)[messages->size() - 1] = last;
            return;
        }
    }
    messages->append(QJsonObject{{u"role"_s, role}, {u"content"_s, blocks}});
}

bool toolUseBlocks(const QJsonArray &toolCalls, const QString &path, QJsonArray *blocks, QString *error)
{
    for (qsizetype i = 0; i < toolCalls.size(); ++i) {
        const QJsonObject call = toolCalls.at(i).toObject();
        const QJsonObject function = call.value(u"function"_s).toObject();
        const QString arguments = function.value(u"arguments"_s).toString();
        QJsonObject input;
        if (!arguments.trimmed().isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8());
            if (!doc.isObject())
                return setError(error, u"%1[%2].function.arguments: not a JSON object"_s.arg(path).arg(i));
            input = doc.object();
        }
        blocks->append(QJsonObject{{u"type"_s, u"tool_use"_s},
                                   {u"id"_s, call.value(u"id"_s).toString()},
                                   {u"name"_s, function.value(u"name"_s).toString()},
                                   {u"input"_s, input}});
    }
    return true;
}

bool translateMessages(const QJsonArray &in, QJsonArray *system, QJsonArray *messages, QString *error)
{
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QJsonObject message = in.at(i).toObject();
        const QString role = message.value(u"role"_s).toString();
        const QString path = u"messages[%1]"_s.arg(i);
        const QJsonValue content = message.value(u"content"_s);
        QJsonArray blocks;
        if (role == u"system" || role == u"developer") {
            if (!contentBlocks(content, path + u".content"_s, false, system, error))
                return false;
        } else if (role == u"user") {
            if (!contentBlocks(content, path + u".content"_s, true, &blocks, error))
                return false;
            appendTurn(messages, u"user"_s, blocks);
        } else if (role == u"assistant") {
            if (!contentBlocks(content, path + u".content"_s, false, &blocks, error)
                || !toolUseBlocks(message.value(u"tool_calls"_s).toArray(), path + u".tool_calls"_s, &blocks, error))
                return false;
            appendTurn(messages, u"assistant"_s, blocks);
        } else if (role == u"tool") {
            QJsonObject result{{u"type"_s, u"tool_result"_s},
                               {u"tool_use_id"_s, message.value(u"tool_call_id"_s).toString()}};
            if (content.isArray()) {
                QJsonArray parts;
                if (!contentBlocks(content, path + u".content"_s, true, &parts, error))
                    return false;
                result.insert(u"content"_s, parts);
            } else if (content.isString()) {
                result.insert(u"content"_s, content);
            }
            appendTurn(messages, u"user"_s, QJsonArray{result});
        } else {
            return setError(error, path + u".role: '%1' is not supported"_s.arg(role));
        }
    }
    return true;
}

bool translateTools(const QJsonObject &request, QJsonObject *out, QString *error)
{
    const QJsonArray tools = request.value(u"tools"_s).toArray();
    if (!tools.isEmpty()) {
        QJsonArray anthropicTools;
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const QJsonObject tool = tools.at(i).toObject();
            if (tool.value(u"type"_s).toString(u"function"_s) != u"function")
                return setError(error, u"tools[%1].type: only function tools are supported by Anthropic"_s.arg(i));
            const QJsonObject function = tool.value(u"function"_s).toObject();
            QJsonObject schema = function.value(u"parameters"_s).toObject();
            if (schema.isEmpty())
                schema = {{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject()}};
            QJsonObject anthropicTool{{u"name"_s, function.value(u"name"_s).toString()}, {u"input_schema"_s, schema}};
            if (function.contains(u"description"_s))
                anthropicTool.insert(u"description"_s, function.value(u"description"_s));
            copyCacheControl(tool, &anthropicTool);
            anthropicTools.append(anthropicTool);
        }
        out->insert(u"tools"_s, anthropicTools);
    }

    QJsonObject choice;
    const QJsonValue toolChoice = request.value(u"tool_choice"_s);
    if (toolChoice.isString()) {
        const QString mode = toolChoice.toString();
        if (mode == u"required")
            choice = {{u"type"_s, u"any"_s}};
        else if (mode == u"none" || mode == u"auto")
            choice = {{u"type"_s, mode}};
        else
            return setError(error, u"tool_choice: '%1' is not supported"_s.arg(mode));
    } else if (toolChoice.isObject()) {
        choice = {{u"type"_s, u"tool"_s},
                  {u"name"_s, toolChoice[u"function"_s][u"name"_s].toString()}};
    }
    if (request.value(u"parallel_tool_calls"_s) == QJsonValue(false) && !tools.isEmpty()) {
        if (choice.isEmpty())
            choice = {{u"type"_s, u"auto"_s}};
        if (choice.value(u"type"_s).toString() != u"none")
            choice.insert(u"disable_parallel_tool_use"_s, true);
    }
    if (!choice.isEmpty())
        out->insert(u"tool_choice"_s, choice);
    return true;
}

} // namespace

QJsonObject AnthropicTranslator::toMessagesRequest(const QJsonObject &chatRequest, QString *error)
{
    QJsonObject out;
    out.insert(u"model"_s, chatRequest.value(u"model"_s));

    if (!chatRequest.value(u"messages"_s).isArray()) {
        setError(error, u"messages: must be an array"_s);
        return {};
    }
    QJsonArray system;
    QJsonArray messages;
    if (!translateMessages(chatRequest.value(u"messages"_s).toArray(), &system, &messages, error))
        return {};
    // Anthropic has no response_format: JSON is asked for in the system prompt instead, with
    // the schema when there is one (a ladder's invalidJson check still guards the answer).
    const QJsonObject format = chatRequest.value(u"response_format"_s).toObject();
    const QString formatType = format.value(u"type"_s).toString();
    if (formatType == u"json_object" || formatType == u"json_schema") {
        QString instruction = u"Respond with a single JSON object and nothing else: no prose, no code fences."_s;
        const QJsonObject schema = format.value(u"json_schema"_s)[u"schema"_s].toObject();
        if (formatType == u"json_schema" && !schema.isEmpty())
            instruction += u" It must match this JSON schema: "_s
                + QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Compact));
        system.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, instruction}});
    }
    bool systemCaches = false;
    for (const QJsonValue &block : std::as_const(system))
        systemCaches = systemCaches || block.toObject().contains(u"cache_control"_s);
    if (systemCaches) {
        out.insert(u"system"_s, system); // blocks keep their cache breakpoints
    } else if (!system.isEmpty()) {
        QStringList texts;
        for (const QJsonValue &block : std::as_const(system))
            texts.append(block[u"text"_s].toString());
        out.insert(u"system"_s, texts.join(u"\n\n"_s));
    }
    out.insert(u"messages"_s, messages);

    const QJsonValue maxCompletion = chatRequest.value(u"max_completion_tokens"_s);
    const QJsonValue maxTokens = chatRequest.value(u"max_tokens"_s);
    // With extended thinking, max_tokens must exceed the thinking budget: the default leaves
    // the same room for the answer on top of it.
    const qint64 thinkingBudget = chatRequest.value(u"thinking"_s)[u"budget_tokens"_s].toInteger();
    out.insert(u"max_tokens"_s, maxCompletion.isDouble() ? maxCompletion.toInteger()
                                : maxTokens.isDouble()   ? maxTokens.toInteger()
                                                         : DefaultMaxTokens + qMax<qint64>(0, thinkingBudget));
    if (chatRequest.value(u"temperature"_s).isDouble()) // OpenAI allows 0..2, Anthropic 0..1
        out.insert(u"temperature"_s, qMin(1.0, chatRequest.value(u"temperature"_s).toDouble()));
    for (const QString &key : {u"top_p"_s, u"top_k"_s, u"thinking"_s}) {
        if (chatRequest.contains(key) && !chatRequest.value(key).isNull())
            out.insert(key, chatRequest.value(key));
    }
    const QJsonValue stop = chatRequest.value(u"stop"_s);
    if (stop.isString() && !stop.toString().isEmpty())
        out.insert(u"stop_sequences"_s, QJsonArray{stop});
    else if (stop.isArray() && !stop.toArray().isEmpty())
        out.insert(u"stop_sequences"_s, stop);
    if (chatRequest.value(u"stream"_s).toBool())
        out.insert(u"stream"_s, true);
    const QString user = chatRequest.value(u"user"_s).toString();
    if (!user.isEmpty())
        out.insert(u"metadata"_s, QJsonObject{{u"user_id"_s, user}});
    if (!translateTools(chatRequest, &out, error))
        return {};
    return out;
}

QJsonValue AnthropicTranslator::finishReason(const QJsonValue &stopReason)
{
    if (!stopReason.isString())
        return QJsonValue::Null;
    const QString reason = stopReason.toString();
    if (reason == u"max_tokens" || reason == u"model_context_window_exceeded")
        return u"length"_s;
    if (reason == u"tool_use")
        return u"tool_calls"_s;
    if (reason == u"refusal")
        return u"content_filter"_s;
    return u"stop"_s; // end_turn, stop_sequence, pause_turn
}

QJsonObject AnthropicTranslator::toChatUsage(const QJsonObject &usage)
{
    const qint64 input = usage.value(u"input_tokens"_s).toInteger();
    const qint64 cacheWrite = usage.value(u"cache_creation_input_tokens"_s).toInteger();
    const qint64 cacheRead = usage.value(u"cache_read_input_tokens"_s).toInteger();
    const qint64 output = usage.value(u"output_tokens"_s).toInteger();
    const qint64 prompt = input + cacheWrite + cacheRead;
    return QJsonObject{{u"prompt_tokens"_s, prompt},
                       {u"completion_tokens"_s, output},
                       {u"total_tokens"_s, prompt + output},
                       {u"prompt_tokens_details"_s, QJsonObject{{u"cached_tokens"_s, cacheRead}}},
                       {u"cache_creation_input_tokens"_s, cacheWrite},
                       {u"cache_read_input_tokens"_s, cacheRead}};
}

int AnthropicTranslator::httpStatusForErrorType(const QString &type)
{
    static const QHash<QString, int> statuses{
        {u"invalid_request_error"_s, 400}, {u"authentication_error"_s, 401}, {u"billing_error"_s, 402},
        {u"permission_error"_s, 403}, {u"not_found_error"_s, 404}, {u"request_too_large"_s, 413},
        {u"rate_limit_error"_s, 429}, {u"api_error"_s, 500}, {u"timeout_error"_s, 504},
        {u"overloaded_error"_s, 529}};
    return statuses.value(type, 502);
}

QJsonObject AnthropicTranslator::toChatCompletion(const QJsonObject &message, qint64 created)
{
    QString text;
    QString thinking;
    QJsonArray toolCalls;
    const QJsonArray content = message.value(u"content"_s).toArray();
    for (const QJsonValue &value : content) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(u"type"_s).toString();
        if (type == u"text") {
            text += block.value(u"text"_s).toString();
        } else if (type == u"thinking") {
            thinking += block.value(u"thinking"_s).toString();
        } else if (type == u"tool_use") {
            const QByteArray arguments = QJsonDocument(block.value(u"input"_s).toObject()).toJson(QJsonDocument::Compact);
            toolCalls.append(QJsonObject{
                {u"id"_s, block.value(u"id"_s)},
                {u"type"_s, u"function"_s},
                {u"function"_s, QJsonObject{{u"name"_s, block.value(u"name"_s)},
                                            {u"arguments"_s, QString::fromUtf8(arguments)}}}});
        }
    }
    QJsonObject reply{{u"role"_s, u"assistant"_s}};
    // OpenAI sends null content beside tool calls and "" for an empty answer.
    reply.insert(u"content"_s, text.isEmpty() && !toolCalls.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    if (!toolCalls.isEmpty())
        reply.insert(u"tool_calls"_s, toolCalls);
    if (!thinking.isEmpty())
        reply.insert(u"reasoning_content"_s, thinking);

    QJsonObject choice{{u"index"_s, 0},
                       {u"message"_s, reply},
                       {u"logprobs"_s, QJsonValue::Null},
                       {u"finish_reason"_s, finishReason(message.value(u"stop_reason"_s))}};
    QJsonObject completion{{u"id"_s, message.value(u"id"_s)},
                           {u"object"_s, u"chat.completion"_s},
                           {u"created"_s, created},
                           {u"model"_s, message.value(u"model"_s)},
                           {u"choices"_s, QJsonArray{choice}}};
    if (message.value(u"usage"_s).isObject())
        completion.insert(u"usage"_s, toChatUsage(message.value(u"usage"_s).toObject()));
    return completion;
}

AnthropicTranslator::AnthropicTranslator(qint64 created, const QString &model)
    : m_created(created)
    , m_model(model)
{
}

QJsonObject AnthropicTranslator::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    const QJsonObject choice{{u"index"_s, 0}, {u"delta"_s, delta}, {u"logprobs"_s, QJsonValue::Null},
                             {u"finish_reason"_s, finishReason}};
    return QJsonObject{{u"id"_s, m_id},
                       {u"object"_s, u"chat.completion.chunk"_s},
                       {u"created"_s, m_created},
                       {u"model"_s, m_model},
                       {u"choices"_s, QJsonArray{choice}}};
}

QList<QJsonObject> AnthropicTranslator::translateEvent(const QByteArray &type, const QJsonObject &event)
{
    QList<QJsonObject> chunks = translate(type, event);
    if (!chunks.isEmpty() && !m_pendingRoleChunk.isEmpty()) {
        chunks.prepend(m_pendingRoleChunk);
        m_pendingRoleChunk = {};
    }
    return chunks;
}

QList<QJsonObject> AnthropicTranslator::translate(const QByteArray &type, const QJsonObject &event)
{
    const QString kind = type.isEmpty() ? event.value(u"type"_s).toString() : QString::fromLatin1(type);
    if (kind == u"message_start") {
        const QJsonObject message = event.value(u"message"_s).toObject();
        m_id = message.value(u"id"_s).toString();
        if (!message.value(u"model"_s).toString().isEmpty())
            m_model = message.value(u"model"_s).toString();
        m_usage = message.value(u"usage"_s).toObject();
        m_pendingRoleChunk = chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}});
        return {};
    }
    if (kind == u"content_block_start") {
        const QJsonObject block = event.value(u"content_block"_s).toObject();
        const QString blockType = block.value(u"type"_s).toString();
        if (blockType == u"tool_use") {
            const int toolIndex = int(m_toolIndexByBlock.size());
            m_toolIndexByBlock.insert(event.value(u"index"_s).toInt(), toolIndex);
            const QJsonObject call{{u"index"_s, toolIndex},
                                   {u"id"_s, block.value(u"id"_s)},
                                   {u"type"_s, u"function"_s},
                                   {u"function"_s, QJsonObject{{u"name"_s, block.value(u"name"_s)}, {u"arguments"_s, u""_s}}}};
            return {chunk({{u"tool_calls"_s, QJsonArray{call}}})};
        }
        if (blockType == u"text" && !block.value(u"text"_s).toString().isEmpty())
            return {chunk({{u"content"_s, block.value(u"text"_s)}})};
        return {};
    }
    if (kind == u"content_block_delta") {
        const QJsonObject delta = event.value(u"delta"_s).toObject();
        const QString deltaType = delta.value(u"type"_s).toString();
        if (deltaType == u"text_delta")
            return {chunk({{u"content"_s, delta.value(u"text"_s)}})};
        if (deltaType == u"thinking_delta")
            return {chunk({{u"reasoning_content"_s, delta.value(u"thinking"_s)}})};
        if (deltaType == u"input_json_delta") {
            const QString partial = delta.value(u"partial_json"_s).toString();
            const auto it = m_toolIndexByBlock.constFind(event.value(u"index"_s).toInt());
            if (partial.isEmpty() || it == m_toolIndexByBlock.constEnd())
                return {};
            m_toolBlocksWithArguments.insert(event.value(u"index"_s).toInt());
            const QJsonObject call{{u"index"_s, *it}, {u"function"_s, QJsonObject{{u"arguments"_s, partial}}}};
            return {chunk({{u"tool_calls"_s, QJsonArray{call}}})};
        }
        return {}; // signature_delta, citations_delta: nothing in the OpenAI format
    }
    if (kind == u"content_block_stop") {
        // A tool without parameters streams no argument text at all (or only ""); OpenAI sends
        // "{}" for it, and clients parse the arguments as JSON.
        const int block = event.value(u"index"_s).toInt();
        const auto it = m_toolIndexByBlock.constFind(block);
        if (it == m_toolIndexByBlock.constEnd() || m_toolBlocksWithArguments.contains(block))
            return {};
        const QJsonObject call{{u"index"_s, *it}, {u"function"_s, QJsonObject{{u"arguments"_s, u"{}"_s}}}};
        return {chunk({{u"tool_calls"_s, QJsonArray{call}}})};
    }
    if (kind == u"message_delta") {
        m_finishReason = finishReason(event.value(u"delta"_s)[u"stop_reason"_s]);
        // message_delta's usage is cumulative; it overrides message_start's counts.
        const QJsonObject usage = event.value(u"usage"_s).toObject();
        for (auto it = usage.constBegin(); it != usage.constEnd(); ++it) {
            if (!it.value().isNull())
                m_usage.insert(it.key(), it.value());
        }
        return {chunk(QJsonObject(), m_finishReason)};
    }
    if (kind == u"message_stop") {
        m_complete = true;
        return {QJsonObject{{u"id"_s, m_id},
                            {u"object"_s, u"chat.completion.chunk"_s},
                            {u"created"_s, m_created},
                            {u"model"_s, m_model},
                            {u"choices"_s, QJsonArray()},
                            {u"usage"_s, toChatUsage(m_usage)}}};
    }
    if (kind == u"error") {
        m_error = event.value(u"error"_s).toObject();
        if (m_error.isEmpty())
            m_error = {{u"type"_s, u"api_error"_s}, {u"message"_s, u"error event without details"_s}};
    }
    return {}; // ping and event types added later
}

} // namespace Switchyard
