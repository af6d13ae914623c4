// SPDX-License-Identifier: MIT
#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "switchyard.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUsage, "switchyard.usage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "switchyard.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGateway, "switchyard.gateway", QtInfoMsg)
