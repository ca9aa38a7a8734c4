#pragma once

#include "common/finding.h"

#include <optional>
#include <vector>

namespace rs::release {

struct ResolvedApp;

// The order systools starts applications in (systools_make:sort_appls): the .rel order, except
// that an application's `applications` and then its `included_applications` are pulled in front
// of it. Reports dependency cycles (showing one) and dependencies missing from the release.
std::optional<std::vector<ResolvedApp>> startOrder(const std::vector<ResolvedApp> &apps, Findings &findings);

} // namespace rs::release
