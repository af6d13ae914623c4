// SPDX-License-Identifier: MIT
#include "core/upstream/upstreamclient.h"

#include <QNetworkAccessManager>

namespace Switchyard {

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

UpstreamClient::~UpstreamClient() = default;

} // namespace Switchyard
