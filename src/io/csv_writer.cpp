#include "io/csv_writer.h"

#include <charconv>
#include <cstdio>
#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace takt {

void CsvWriter::Separate() {
  if (row_started_) out_ += ',';
  row_started_ = true;
}

CsvWriter& CsvWriter::Text(std::string_view value) {
  Separate();
  bool needs_quotes = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (size_t i = 0; i < value.size() && !needs_quotes; ++i) {
    const char c = value[i];
    needs_quotes = c == ',' || c == '"' || c == '\r' || c == '\n';
  }
  if (!needs_quotes) {
    out_ += value;
    return *this;
  }
  out_ += '"';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

CsvWriter& CsvWriter::Int(int64_t value) {
  Separate();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
  return *this;
}

CsvWriter& CsvWriter::Date(Day value) {
  Separate();
  if (value == kNoDay) return *this;
  if (dates_.empty()) dates_.resize(1024);
  CachedDate& cached = dates_[static_cast<uint32_t>(value) & 1023u];
  if (cached.day != value) {
    cached.day = value;
    FormatDateTo(value, cached.text);
  }
  out_.append(cached.text, 10);
  return *this;
}

CsvWriter& CsvWriter::Decimal(Fixed4 value) {
  Separate();
  if (value % kDecimalScale == 0) {
    // Whole amounts are the common case (prices, quantities x prices): no fraction to format.
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value / kDecimalScale);
    out_.append(buffer, end);
  } else {
    out_ += FormatDecimal(value);
  }
  return *this;
}

CsvWriter& CsvWriter::Id(std::string_view prefix, int64_t number, int width) {
  Separate();
  out_ += prefix;
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
  for (auto digits = end - buffer; digits < width; ++digits) out_ += '0';
  out_.append(buffer, end);
  return *this;
}

CsvWriter& CsvWriter::Empty() {
  Separate();
  return *this;
}

void CsvWriter::EndRow() {
  out_ += '\n';
  row_started_ = false;
  if (sink_ != nullptr) sink_->MaybeFlush();
}

TextSink::TextSink(std::filesystem::path path) : path_(std::move(path)) {
  temp_ = path_;
  temp_ += ".tmp-takt";
  file_ = std::fopen(temp_.c_str(), "wb");
  if (file_ == nullptr) error_ = fmt::format("cannot create '{}': {}", temp_.string(), std::strerror(errno));
  buffer_.reserve(kFlushBytes + (size_t{1} << 20));
}

TextSink::~TextSink() {
  WaitForWrite();
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
  }
}

void TextSink::WaitForWrite() {
  if (!write_done_.valid()) return;
  if (!write_done_.get() && error_.empty()) error_ = fmt::format("cannot write '{}' (disk full?)", path_.string());
}

void TextSink::Flush() {
  WaitForWrite();
  if (file_ == nullptr || !error_.empty()) {
    buffer_.clear();
    return;
  }
  writing_.swap(buffer_);
  buffer_.clear();
  write_done_ = std::async(std::launch::async, [this] {
    return std::fwrite(writing_.data(), 1, writing_.size(), file_) == writing_.size();
  });
}

std::string TextSink::Finish() {
  if (path_.empty()) return "";
  if (!error_.empty()) return error_;
  Flush();
  WaitForWrite();
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  std::error_code ec;
  if (!closed || !error_.empty()) {
    std::filesystem::remove(temp_, ec);
    return error_.empty() ? fmt::format("cannot write '{}' (disk full?)", path_.string()) : error_;
  }
  std::filesystem::rename(temp_, path_, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
    return fmt::format("cannot replace '{}': {}", path_.string(), ec.message());
  }
  return "";
}

std::string WriteFileAtomic(const std::filesystem::path& path, std::string_view content) {
  TextSink sink(path);
  sink.buffer().append(content);
  return sink.Finish();
}

}  // namespace takt
