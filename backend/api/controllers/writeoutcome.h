// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apitypes.h"
#include "registry/registrywriter.h"

namespace hai {

// The error answer for a failed registry write: 400 for bad data, 500 for the database.
inline ApiResponse writeFailure(const RegistryWriter::Outcome &outcome)
{
    using namespace Qt::StringLiterals;
    return outcome.badInput ? ApiResponse::error(400, u"bad_request"_s, outcome.error)
                            : ApiResponse::error(500, u"storage_error"_s, outcome.error);
}

} // namespace hai
