// generate -> load -> write -> load -> write: the model survives a trip through its files.

#include <gtest/gtest.h>

#include "generate/generator.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "test_data.h"

namespace takt {
namespace {

std::shared_ptr<const Model> LoadClean(const DatasetFiles& files) {
  Diagnostics diagnostics;
  auto model = LoadDataset(files, diagnostics);
  for (const Diagnostic& d : diagnostics.kept()) ADD_FAILURE() << FormatDiagnostic(d);
  return model;
}

void ExpectSameModel(const Model& a, const Model& b) {
  EXPECT_EQ(a.items().size(), b.items().size());
  EXPECT_EQ(a.bom().size(), b.bom().size());
  EXPECT_EQ(a.routings().size(), b.routings().size());
  EXPECT_EQ(a.all_steps().size(), b.all_steps().size());
  EXPECT_EQ(a.supply().size(), b.supply().size());
  EXPECT_EQ(a.lines().size(), b.lines().size());
  EXPECT_EQ(a.licences().size(), b.licences().size());
  EXPECT_EQ(a.backlog_value(), b.backlog_value());
  EXPECT_EQ(a.plan_start(), b.plan_start());
  for (size_t r = 0; r < a.resources().size(); ++r) {
    const auto ca = a.capacity_by_day(ResourceId(r));
    const auto cb = b.capacity_by_day(ResourceId(r));
    ASSERT_TRUE(std::equal(ca.begin(), ca.end(), cb.begin(), cb.end())) << a.resource(ResourceId(r)).code;
  }
}

TEST(DatasetRoundTrip, TinyDataset) {
  auto first = LoadClean(test::Tiny());
  ASSERT_NE(first, nullptr);
  const DatasetFiles written = WriteDatasetFiles(*first);
  auto second = LoadClean(written);
  ASSERT_NE(second, nullptr);
  ExpectSameModel(*first, *second);
  EXPECT_EQ(WriteDatasetFiles(*second), written);
}

TEST(DatasetRoundTrip, GeneratedDemoThroughAFolder) {
  const GeneratedDataset generated = Generate({Scale::kDemo, 11});
  auto first = LoadClean(generated.files);
  ASSERT_NE(first, nullptr);
  const DatasetFiles written = WriteDatasetFiles(*first);
  const auto dir = std::filesystem::temp_directory_path() / "takt-roundtrip-test";
  std::filesystem::remove_all(dir);
  ASSERT_EQ(WriteDatasetFolder(written, dir), "");
  Diagnostics diagnostics;
  auto second = LoadDataset(dir, diagnostics);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(diagnostics.error_count() + diagnostics.warning_count(), 0);
  ExpectSameModel(*first, *second);
  EXPECT_EQ(WriteDatasetFiles(*second), written);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace takt
