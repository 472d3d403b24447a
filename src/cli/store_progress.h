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

/// Prints "VERB FILE (SIZE)" to stderr before each file of a version is written. The environment
/// variable TAKT_STORE_PAUSE holds the writer after each line, with its transaction open, so that
/// a kill can be aimed at a known file: a number of milliseconds to wait, or "stdin" to wait for a
/// line on standard input (how the tests step a writer file by file; end of input stops waiting).
StoreProgress ProgressLines(std::string verb);

}  // namespace takt::cli
