#pragma once
// What the commands that write to a store share: who writes, sizes, and a line per file written.

#include <cstdint>
#include <string>

#include "store/store.h"

namespace takt::cli {

/// Who is writing, for the version's created_by: $USER, or "unknown".
std::string CurrentUser();

/// "12.3 MB", "4.1 kB", "80 B" (decimal units).
std::string FormatBytes(int64_t bytes);

/// Prints "VERB FILE (SIZE)" to stderr before each file of a version is written. For tests,
/// TAKT_STORE_PAUSE_MS makes it wait that long after each line, so that a test can kill the writer
/// at a known file with its transaction open.
StoreProgress ProgressLines(std::string verb);

}  // namespace takt::cli
