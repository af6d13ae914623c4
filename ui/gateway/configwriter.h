// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/config/config.h"

namespace Switchyard {

class Runtime;

/// Saves an edited configuration from the desktop: validates it, writes the runtime's
/// configuration file (QSaveFile, via ConfigIo) and applies it to the running store, in
/// that order, so the file and the running gateway never disagree about a valid edit.
/// Stateless; GUI thread (the file is small).
class ConfigWriter
{
public:
    /// False with every error (JSON paths) when nothing was written.
    static bool save(Runtime *runtime, const Config &config, Errors *errors);
};

} // namespace Switchyard
