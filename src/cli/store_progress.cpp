#include "cli/store_progress.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <thread>

namespace takt::cli {

std::string CurrentUser() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "unknown";
}

std::string FormatBytes(int64_t bytes) {
  // Decimal units, as `takt generate` reports sizes.
  const double b = static_cast<double>(bytes);
  if (bytes < 1000) return fmt::format("{} B", bytes);
  if (bytes < 1000000) return fmt::format("{:.1f} kB", b / 1e3);
  if (bytes < 1000000000) return fmt::format("{:.1f} MB", b / 1e6);
  return fmt::format("{:.2f} GB", b / 1e9);
}

StoreProgress ProgressLines(std::string verb) {
  const char* pause = std::getenv("TAKT_STORE_PAUSE");
  const bool wait_for_input = pause != nullptr && std::string_view(pause) == "stdin";
  int pause_ms = 0;
  if (pause != nullptr && !wait_for_input) std::from_chars(pause, pause + std::strlen(pause), pause_ms);
  return [verb = std::move(verb), wait_for_input, pause_ms](const std::string& file_name, size_t bytes) {
    fmt::print(stderr, "{} {} ({})\n", verb, file_name, FormatBytes(static_cast<int64_t>(bytes)));
    std::fflush(stderr);
    if (wait_for_input) {
      int c = 0;
      while ((c = std::getchar()) != EOF && c != '\n') {
      }
    } else if (pause_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    }
  };
}

}  // namespace takt::cli
