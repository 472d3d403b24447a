#include "io/csv_reader.h"

#include <fmt/format.h>

#include <cstdio>
#include <unordered_set>

namespace takt {

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not well-formed (overlongs,
// surrogates and code points past U+10FFFF rejected).
size_t Utf8SequenceLength(const unsigned char* s, size_t i, size_t n) {
  const unsigned char c = s[i];
  if (c < 0x80) return c == 0 ? 0 : 1;
  auto continuation = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (c == 0xE0 && s[i + 1] < 0xA0) return 0;
    if (c == 0xED && s[i + 1] > 0x9F) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (c == 0xF0 && s[i + 1] < 0x90) return 0;
    if (c == 0xF4 && s[i + 1] > 0x8F) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

std::optional<CsvReader> CsvReader::Open(const std::filesystem::path& path, std::string file_name,
                                         Diagnostics& diagnostics) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    diagnostics.Error("unreadable-file", file_name, 0, "", fmt::format("cannot open '{}'", path.string()));
    return std::nullopt;
  }
  std::string content;
  char buffer[1 << 16];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) content.append(buffer, got);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    diagnostics.Error("unreadable-file", file_name, 0, "", fmt::format("cannot read '{}'", path.string()));
    return std::nullopt;
  }
  return FromText(std::move(content), std::move(file_name), diagnostics);
}

std::optional<CsvReader> CsvReader::FromText(std::string content, std::string file_name, Diagnostics& diagnostics) {
  CsvReader reader(std::move(content), std::move(file_name));
  if (!reader.Validate(diagnostics)) return std::nullopt;
  return reader;
}

bool CsvReader::Validate(Diagnostics& diagnostics) {
  if (content_.size() >= 3 && content_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  const auto* s = reinterpret_cast<const unsigned char*>(content_.data());
  const size_t n = content_.size();
  int line = 1;
  size_t line_start = pos_;
  for (size_t i = pos_; i < n;) {
    if (s[i] == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (s[i] >= 0x20 && s[i] < 0x80) {
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceLength(s, i, n);
    if (len == 0) {
      diagnostics.Error("bad-encoding", file_name_, line, "",
                        s[i] == 0 ? fmt::format("NUL byte at byte {} of the line; this is not a text file",
                                                i - line_start + 1)
                                  : fmt::format("byte 0x{:02X} at byte {} of the line is not valid UTF-8", s[i],
                                                i - line_start + 1),
                        "save the file as UTF-8 text (in a spreadsheet: 'CSV UTF-8')");
      return false;
    }
    i += len;
  }
  return true;
}

bool CsvReader::ReadHeader(Diagnostics& diagnostics) {
  CsvRecord record;
  Parse result;
  do {
    result = ParseRecord(record, diagnostics);
  } while (result == Parse::kBad);
  if (result == Parse::kEnd) {
    diagnostics.Error("empty-file", file_name_, 0, "", "the file is empty: it needs at least a header row",
                      "see docs/format.md for the columns of this file");
    return false;
  }
  std::unordered_set<std::string> seen;
  bool ok = true;
  for (std::string_view name : record.fields) {
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    header_.emplace_back(name);
    if (!seen.insert(header_.back()).second) {
      diagnostics.Error("duplicate-column", file_name_, record.line, header_.back(),
                        fmt::format("column '{}' appears twice in the header", header_.back()));
      ok = false;
    }
  }
  return ok;
}

bool CsvReader::Next(CsvRecord& record, Diagnostics& diagnostics) {
  for (;;) {
    switch (ParseRecord(record, diagnostics)) {
      case Parse::kEnd:
        return false;
      case Parse::kBad:
        continue;
      case Parse::kRecord:
        if (record.fields.size() != header_.size()) {
          diagnostics.Error("field-count", file_name_, record.line, "",
                            fmt::format("the record has {} field{}, the header has {}", record.fields.size(),
                                        record.fields.size() == 1 ? "" : "s", header_.size()),
                            "check for an unquoted comma in a value, or a missing field");
          continue;
        }
        return true;
    }
  }
}

void CsvReader::SkipToLineEnd() {
  const size_t newline = content_.find('\n', pos_);
  if (newline == std::string::npos) {
    pos_ = content_.size();
  } else {
    pos_ = newline + 1;
    ++line_;
  }
}

CsvReader::Parse CsvReader::ParseRecord(CsvRecord& record, Diagnostics& diagnostics) {
  char* s = content_.data();
  const size_t n = content_.size();
  // Blank lines between records are ignored.
  while (pos_ < n && (s[pos_] == '\n' || s[pos_] == '\r')) {
    if (s[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n) return Parse::kEnd;
  record.line = line_;
  record.fields.clear();
  for (;;) {
    size_t start = pos_;
    size_t end;
    if (pos_ < n && s[pos_] == '"') {
      // Quoted field: unescape "" in place; the field shrinks, so writing trails reading.
      const int opening_line = line_;
      size_t read = pos_ + 1;
      size_t write = read;
      start = read;
      for (;;) {
        if (read >= n) {
          diagnostics.Error("unterminated-quote", file_name_, opening_line, "",
                            "a quoted field opened on this line is never closed (is the file truncated?)",
                            "close the field with a double quote; a quote inside a field is written twice (\"\")");
          pos_ = n;
          return Parse::kBad;
        }
        const char c = s[read];
        if (c == '"') {
          if (read + 1 < n && s[read + 1] == '"') {
            s[write++] = '"';
            read += 2;
            continue;
          }
          ++read;
          break;
        }
        if (c == '\n') ++line_;
        s[write++] = c;
        ++read;
      }
      end = write;
      pos_ = read;
      if (pos_ < n && s[pos_] != ',' && s[pos_] != '\n' && s[pos_] != '\r') {
        diagnostics.Error("bad-quote", file_name_, line_, "",
                          "text follows the closing quote of a field",
                          "a quote inside a quoted field is written twice (\"\")");
        SkipToLineEnd();
        return Parse::kBad;
      }
    } else {
      while (pos_ < n && s[pos_] != ',' && s[pos_] != '\n' && s[pos_] != '\r') ++pos_;
      end = pos_;
    }
    if (end - start > kMaxFieldBytes) {
      diagnostics.Error("field-too-long", file_name_, record.line, "",
                        fmt::format("field {} is {} bytes long; at most {} are accepted", record.fields.size() + 1,
                                    end - start, kMaxFieldBytes));
      SkipToLineEnd();
      return Parse::kBad;
    }
    record.fields.emplace_back(s + start, end - start);
    if (pos_ >= n) return Parse::kRecord;
    if (s[pos_] == ',') {
      ++pos_;
      continue;
    }
    // Line end: LF, CRLF or a lone CR.
    if (s[pos_] == '\r') ++pos_;
    if (pos_ < n && s[pos_] == '\n') ++pos_;
    ++line_;
    return Parse::kRecord;
  }
}

}  // namespace takt
