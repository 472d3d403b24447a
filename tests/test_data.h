#pragma once
// Helpers for tests that load datasets: the tiny dataset in memory and small edits of its files.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/diagnostics.h"
#include "common/result.h"
#include "generate/generator.h"
#include "io/dataset_loader.h"

namespace takt::test {

inline std::filesystem::path SourceDir() { return TAKT_SOURCE_DIR; }

inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every .csv file of a folder, sorted by name.
inline DatasetFiles ReadFolder(const std::filesystem::path& dir) {
  DatasetFiles files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".csv") files.emplace_back(entry.path().filename().string(), ReadText(entry.path()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline DatasetFiles Tiny() { return ReadFolder(SourceDir() / "tests/data/tiny"); }

inline std::string& File(DatasetFiles& files, const std::string& name) {
  for (auto& [file_name, content] : files) {
    if (file_name == name) return content;
  }
  ADD_FAILURE() << "no file " << name;
  static std::string none;
  return none;
}

/// Replaces the first occurrence of `from`, which must be present.
inline void Replace(DatasetFiles& files, const std::string& name, const std::string& from, const std::string& to) {
  std::string& content = File(files, name);
  const size_t at = content.find(from);
  ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << name;
  content.replace(at, from.size(), to);
}

inline void Append(DatasetFiles& files, const std::string& name, const std::string& line) {
  File(files, name) += line + "\n";
}

inline void Remove(DatasetFiles& files, const std::string& name) {
  std::erase_if(files, [&](const auto& f) { return f.first == name; });
}

/// Whether two sets of files are equal, naming the first difference rather than printing megabytes.
inline testing::AssertionResult SameFiles(const DatasetFiles& actual, const DatasetFiles& expected) {
  if (actual.size() != expected.size()) {
    return testing::AssertionFailure() << actual.size() << " files, expected " << expected.size();
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    if (actual[i].first != expected[i].first) {
      return testing::AssertionFailure() << "file " << i << " is " << actual[i].first << ", expected "
                                         << expected[i].first;
    }
    const std::string& a = actual[i].second;
    const std::string& e = expected[i].second;
    if (a != e) {
      size_t at = 0;
      while (at < a.size() && at < e.size() && a[at] == e[at]) ++at;
      return testing::AssertionFailure() << actual[i].first << " differs from byte " << at << " (" << a.size()
                                         << " bytes, expected " << e.size() << ")";
    }
  }
  return testing::AssertionSuccess();
}

inline testing::AssertionResult SameFiles(const std::optional<DatasetFiles>& actual, const DatasetFiles& expected) {
  if (!actual) return testing::AssertionFailure() << "no files";
  return SameFiles(*actual, expected);
}

inline testing::AssertionResult SameFiles(const Result<DatasetFiles>& actual, const DatasetFiles& expected) {
  if (!actual.ok()) return testing::AssertionFailure() << "no files: " << actual.message();
  return SameFiles(*actual, expected);
}

/// The value of a call that must work; when it did not, a test failure with its message and a
/// default value.
template <typename T>
T Ok(Result<T> result) {
  EXPECT_TRUE(result.ok()) << ErrorKindName(result.kind()) << ": " << result.message();
  return result.ok() ? std::move(*result) : T{};
}

/// A test failure unless `status` is an error of `kind`.
inline testing::AssertionResult IsError(const Status& status, ErrorKind kind) {
  if (status.Is(kind)) return testing::AssertionSuccess();
  if (status.ok()) return testing::AssertionFailure() << "ok, expected " << ErrorKindName(kind);
  return testing::AssertionFailure() << ErrorKindName(status.kind()) << " (" << status.message() << "), expected "
                                     << ErrorKindName(kind);
}

/// A deterministic pseudo-random stream (splitmix64) for randomized tests.
inline uint64_t NextRandom(uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// Every problem the loader reports, formatted as printed.
inline std::vector<std::string> Problems(const DatasetFiles& files, bool* loaded = nullptr) {
  Diagnostics diagnostics(1000);
  auto model = LoadDataset(files, diagnostics);
  if (loaded != nullptr) *loaded = model != nullptr;
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.kept()) out.push_back(FormatDiagnostic(d));
  return out;
}

/// The generated demo factory of a seed, loaded (a failure is a test failure).
inline std::shared_ptr<const Model> DemoModel(uint64_t seed) {
  Diagnostics diagnostics;
  auto model = LoadDataset(Generate({Scale::kDemo, seed}).files, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return model;
}

}  // namespace takt::test
