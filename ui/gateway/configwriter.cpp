// SPDX-License-Identifier: MIT
#include "ui/gateway/configwriter.h"

#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/configvalidator.h"
#include "core/runtime/runtime.h"

namespace Switchyard {

bool ConfigWriter::save(Runtime *runtime, const Config &config, Errors *errors)
{
    Errors local;
    Errors &errs = errors ? *errors : local;
    const Errors invalid = ConfigValidator(ConfigValidator::catalogLookup()).validate(config);
    if (!invalid.isEmpty()) {
        errs.append(invalid);
        return false;
    }
    Error saveError;
    if (!ConfigIo::saveFile(config, runtime->configPath(), &saveError)) {
        errs.append(saveError);
        return false;
    }
    const Errors refused = runtime->configStore()->apply(config, runtime->configPath());
    errs.append(refused);
    return refused.isEmpty();
}

} // namespace Switchyard
