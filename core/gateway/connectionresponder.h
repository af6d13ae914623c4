// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httpresponder.h"

namespace Switchyard {

class HttpConnection;

/// The HttpResponder of one request on an HttpConnection: turns send()/beginStream()/
/// write()/endStream() into HTTP/1.1 bytes (one QByteArray per call, headers built in
/// one go) and hands them to the connection, which writes them in request order.
///
/// Lives on the connection's worker thread; a child of the connection, deleted (later)
/// once its response is complete or the client is gone, so handlers hold it in a QPointer
/// across asynchronous steps. Calls after completion or after clientGone() are ignored.
/// clientGone() is emitted from the event loop, never from inside a call of the handler
/// (on HttpServer::stop(): before the handler is deleted).
class ConnectionResponder final : public HttpResponder
{
    Q_OBJECT
public:
    /// `closeAfter`: the connection closes after this response (request asked for it, or
    /// the server decided so); the response then carries "Connection: close".
    ConnectionResponder(HttpConnection *connection, int versionMinor, bool headRequest, bool closeAfter);

    void send(int status, const HttpHeaders &headers, const QByteArray &body) override;
    void beginStream(int status, const HttpHeaders &headers) override;
    void write(const QByteArray &bytes) override;
    void endStream() override;
    void abortStream() override;
    bool isClientGone() const override;

    /// For HttpConnection: the whole response has been handed over.
    bool isComplete() const { return m_state == State::Complete; }
    bool closesConnection() const { return m_closeAfter; }
    /// Output held back while an earlier response of the connection is still going out.
    QByteArray &heldOutput() { return m_held; }
    /// Emits clientGone() once, unless the response was already complete.
    void markClientGone();

    /// The canonical reason phrase, e.g. "Not Found"; "Unknown" for unlisted codes.
    static QByteArrayView reasonPhrase(int status);
    /// IMF-fixdate of now, formatted at most once per second per thread.
    static const QByteArray &httpDate();

private:
    enum class State { Idle, Streaming, Complete };
    enum class Framing { Length, Chunked, Close };

    QByteArray buildHead(int status, const HttpHeaders &headers, Framing framing, qsizetype contentLength,
                         qsizetype reserveExtra) const;
    void complete();

    HttpConnection *m_connection; ///< the parent, so it outlives this responder
    QByteArray m_held;
    State m_state = State::Idle;
    int m_versionMinor;
    bool m_headRequest;
    bool m_closeAfter;
    bool m_chunked = false;
    bool m_bodyless = false; ///< HEAD, 204, 304: headers only
    bool m_gone = false;
};

} // namespace Switchyard
