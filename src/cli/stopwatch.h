#pragma once

#include <chrono>

namespace takt::cli {

/// Measures the wall time of a command's phases for its closing line.
class Stopwatch {
 public:
  /// Seconds since construction or the last Lap, and starts the next lap.
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - start_).count();
    start_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace takt::cli
