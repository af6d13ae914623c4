// SPDX-License-Identifier: MIT
#include "tests/support/fakeupstream.h"

#include "core/gateway/httprequestparser.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Switchyard {

struct FakeUpstream::Connection {
    int number = 0;
    QTcpSocket *socket = nullptr;
    HttpRequestParser parser;
    QByteArray pending;        ///< received bytes not yet given to the parser
    bool busy = false;         ///< answering a request; later ones wait (pipelining)
    bool closing = false;      ///< we are closing it: not a client disconnect
    bool keepAlive = true;     ///< of the request being answered
    int requestIndex = -1;
    FakeReply reply;
    FakeReply::Framing framing = FakeReply::Framing::ContentLength;
};

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 529: return "Overloaded";
    default: return "Status";
    }
}

} // namespace

FakeReply FakeReply::json(int status, const QJsonObject &body)
{
    return raw(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

FakeReply FakeReply::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    FakeReply reply;
    reply.status = status;
    reply.body = body;
    reply.withHeader("Content-Type", contentType);
    return reply;
}

FakeReply FakeReply::sse(const QList<QByteArray> &dataEvents, int delayMs)
{
    QList<QByteArray> raw;
    raw.reserve(dataEvents.size());
    for (const QByteArray &data : dataEvents)
        raw.append("data: " + data + "\n\n");
    return sseRaw(raw, delayMs);
}

FakeReply FakeReply::sseRaw(const QList<QByteArray> &rawChunks, int delayMs)
{
    FakeReply reply;
    reply.withHeader("Content-Type", "text/event-stream").withHeader("Cache-Control", "no-cache");
    for (const QByteArray &bytes : rawChunks)
        reply.chunks.append({bytes, delayMs});
    return reply;
}

FakeReply FakeReply::hanging()
{
    FakeReply reply;
    reply.hang = true;
    return reply;
}

FakeReply &FakeReply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append(qMakePair(name, value));
    return *this;
}

QByteArray FakeRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray FakeRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QJsonObject FakeRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

FakeUpstream::FakeUpstream(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &FakeUpstream::onNewConnection);
    m_server->listen(QHostAddress::LocalHost, 0);
}

FakeUpstream::~FakeUpstream()
{
    close();
}

bool FakeUpstream::isListening() const
{
    return m_server->isListening();
}

quint16 FakeUpstream::port() const
{
    return m_server->serverPort();
}

QUrl FakeUpstream::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

QUrl FakeUpstream::v1Url() const
{
    QUrl url = baseUrl();
    url.setPath(u"/v1"_s);
    return url;
}

void FakeUpstream::enqueue(const FakeReply &reply)
{
    m_queue.append(reply);
}

void FakeUpstream::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void FakeUpstream::close()
{
    m_server->close();
    while (!m_connections.isEmpty())
        dropConnection(m_connections.first(), false);
}

FakeUpstream::Connection *FakeUpstream::findConnection(int number) const
{
    for (Connection *connection : m_connections) {
        if (connection->number == number)
            return connection;
    }
    return nullptr;
}

void FakeUpstream::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new Connection;
        connection->number = m_nextConnectionNumber++;
        connection->socket = socket;
        m_connections.append(connection);
        ++m_connectionCount;
        connect(socket, &QTcpSocket::readyRead, this, [this, connection] { onReadyRead(connection); });
        connect(socket, &QTcpSocket::disconnected, this, [this, connection] { onDisconnected(connection); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(connection);
    }
}

void FakeUpstream::onReadyRead(Connection *connection)
{
    connection->pending.append(connection->socket->readAll());
    processNext(connection);
}

void FakeUpstream::onDisconnected(Connection *connection)
{
    dropConnection(connection, !connection->closing);
}

FakeReply FakeUpstream::replyFor(const FakeRequest &request)
{
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    if (m_handler)
        return m_handler(request);
    const QString message = u"fake upstream: no scripted reply for %1 %2"_s.arg(QString::fromLatin1(request.method),
                                                                              QString::fromLatin1(request.target));
    return FakeReply::json(500, {{u"error"_s, QJsonObject{{u"message"_s, message}, {u"type"_s, u"server_error"_s}}}});
}

void FakeUpstream::processNext(Connection *connection)
{
    if (connection->busy || connection->closing)
        return;
    const qsizetype used = connection->parser.feed(connection->pending);
    connection->pending.remove(0, used);
    if (connection->parser.status() == HttpRequestParser::Status::Failed) {
        connection->socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        closeConnection(connection);
        return;
    }
    if (connection->parser.status() != HttpRequestParser::Status::Complete)
        return;

    HttpRequest parsed = connection->parser.takeRequest();
    FakeRequest request;
    request.method = parsed.method;
    request.target = parsed.target;
    request.headers = parsed.headers;
    request.body = parsed.body;
    request.receivedMs = m_clock.elapsed();
    request.connection = connection->number;
    m_requests.append(request);

    connection->busy = true;
    connection->keepAlive = parsed.keepAlive;
    connection->requestIndex = int(m_requests.size() - 1);
    connection->reply = replyFor(request);
    Q_EMIT requestReceived(connection->requestIndex);
    if (connection->reply.hang)
        return; // answered never; the client may give up and close
    const int number = connection->number;
    QTimer::singleShot(qMax(0, connection->reply.delayBeforeHeadersMs), this, [this, number] { sendHeaders(number); });
}

void FakeUpstream::sendHeaders(int connectionNumber)
{
    Connection *connection = findConnection(connectionNumber);
    if (!connection || connection->closing)
        return;
    const FakeReply &reply = connection->reply;
    FakeReply::Framing framing = reply.framing;
    if (framing == FakeReply::Framing::Auto)
        framing = reply.chunks.isEmpty() ? FakeReply::Framing::ContentLength : FakeReply::Framing::Chunked;
    connection->framing = framing;
    if (reply.closeConnection || framing == FakeReply::Framing::Close)
        connection->keepAlive = false;

    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (framing == FakeReply::Framing::ContentLength) {
        qsizetype length = reply.body.size();
        for (const FakeChunk &chunk : reply.chunks)
            length += chunk.bytes.size();
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    } else if (framing == FakeReply::Framing::Chunked) {
        head += "Transfer-Encoding: chunked\r\n";
    }
    if (!connection->keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    connection->socket->write(head);
    if (!reply.body.isEmpty()) {
        if (framing == FakeReply::Framing::Chunked)
            connection->socket->write(QByteArray::number(reply.body.size(), 16) + "\r\n" + reply.body + "\r\n");
        else
            connection->socket->write(reply.body);
    }
    if (reply.resetAfterChunk == 0) {
        closeConnection(connection);
        return;
    }
    if (reply.chunks.isEmpty())
        finishReply(connection);
    else
        scheduleChunk(connection, 0);
}

void FakeUpstream::scheduleChunk(Connection *connection, qsizetype index)
{
    const int number = connection->number;
    QTimer::singleShot(qMax(0, connection->reply.chunks.at(index).delayMs), this,
                       [this, number, index] { sendChunk(number, index); });
}

void FakeUpstream::sendChunk(int connectionNumber, qsizetype index)
{
    Connection *connection = findConnection(connectionNumber);
    if (!connection || connection->closing)
        return;
    const QByteArray &bytes = connection->reply.chunks.at(index).bytes;
    if (connection->framing == FakeReply::Framing::Chunked) {
        if (!bytes.isEmpty()) // an empty HTTP chunk would end the body
            connection->socket->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    } else {
        connection->socket->write(bytes);
    }
    if (connection->reply.resetAfterChunk == index + 1) {
        closeConnection(connection);
        return;
    }
    if (index + 1 < connection->reply.chunks.size())
        scheduleChunk(connection, index + 1);
    else
        finishReply(connection);
}

void FakeUpstream::finishReply(Connection *connection)
{
    if (connection->framing == FakeReply::Framing::Chunked)
        connection->socket->write("0\r\n\r\n");
    const int index = connection->requestIndex;
    const bool keepAlive = connection->keepAlive;
    if (!keepAlive) {
        closeConnection(connection);
    } else {
        connection->busy = false;
        connection->reply = FakeReply();
    }
    Q_EMIT replyFinished(index);
    if (keepAlive) {
        if (Connection *again = findConnection(connection->number))
            processNext(again);
    }
}

void FakeUpstream::closeConnection(Connection *connection)
{
    // disconnectFromHost() writes what is buffered first, then sends a FIN.
    connection->closing = true;
    connection->socket->disconnectFromHost();
}

void FakeUpstream::dropConnection(Connection *connection, bool byClient)
{
    if (!m_connections.removeOne(connection))
        return;
    QTcpSocket *socket = connection->socket;
    disconnect(socket, nullptr, this, nullptr);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    socket->deleteLater();
    const int number = connection->number;
    delete connection;
    if (byClient) {
        ++m_clientDisconnects;
        Q_EMIT clientDisconnected(number);
    }
}

} // namespace Switchyard
