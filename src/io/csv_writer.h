#pragma once
// CSV output (RFC 4180, LF line ends, UTF-8 without BOM) built in memory, then written atomically.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <future>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/decimal.h"

namespace takt {

/// Where text goes: a string in memory, or a file written through a temporary name in the same
/// folder and renamed when finished, so that a reader never sees half a file and a failed write
/// leaves the previous file in place. File-backed sinks are flushed as they grow, so a gigabyte of
/// plan never sits in memory.
class TextSink {
 public:
  TextSink() = default;
  explicit TextSink(std::filesystem::path path);
  TextSink(const TextSink&) = delete;
  TextSink& operator=(const TextSink&) = delete;
  ~TextSink();

  std::string& buffer() { return buffer_; }
  /// For a file: writes what is buffered when it passes a few megabytes.
  void MaybeFlush() {
    if (file_ != nullptr && buffer_.size() >= kFlushBytes) Flush();
  }
  /// Writes the rest, closes and renames the file into place. Returns an error message or "".
  std::string Finish();
  /// The text of an in-memory sink.
  std::string& text() { return buffer_; }

 private:
  static constexpr size_t kFlushBytes = size_t{8} << 20;
  void Flush();
  void WaitForWrite();

  std::filesystem::path path_, temp_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  /// Double buffering: the previous buffer is written by a background task while the caller
  /// formats the next one, so formatting and disk writes overlap.
  std::string writing_;
  std::future<bool> write_done_;
  std::string error_;
};

/// Appends CSV rows to a string, or to a sink it flushes as rows end. Fields are quoted only when
/// they must be.
class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : out_(out) {}
  explicit CsvWriter(TextSink& sink) : out_(sink.buffer()), sink_(&sink) {}

  CsvWriter& Text(std::string_view value);
  CsvWriter& Int(int64_t value);
  CsvWriter& Date(Day value);  ///< empty for kNoDay
  CsvWriter& Decimal(Fixed4 value);
  /// `prefix` then `number` zero-padded to `width` digits: Id("WO-", 42, 7) is WO-0000042.
  CsvWriter& Id(std::string_view prefix, int64_t number, int width);
  CsvWriter& Empty();
  void EndRow();

 private:
  void Separate();
  std::string& out_;
  TextSink* sink_ = nullptr;
  bool row_started_ = false;
  /// Formatted dates by day, direct-mapped: plans repeat the same few hundred days millions of times.
  struct CachedDate {
    Day day = kNoDay;
    char text[10];
  };
  std::vector<CachedDate> dates_;
};

/// Writes `content` to `path` through a temporary file in the same folder and a rename, so a reader
/// never sees a half-written file and an existing file survives a failed write. Returns an error
/// message, or "" on success.
std::string WriteFileAtomic(const std::filesystem::path& path, std::string_view content);

}  // namespace takt
