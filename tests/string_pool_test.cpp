#include "common/string_pool.h"

#include <gtest/gtest.h>

#include <string>

#include "common/flat_set.h"

namespace takt {

TEST(StringPool, InternsFindsAndKeepsIdsDense) {
  StringPool pool;
  bool added = false;
  EXPECT_EQ(pool.Intern("SO-1", &added), 0);
  EXPECT_TRUE(added);
  EXPECT_EQ(pool.Intern("SO-2", &added), 1);
  EXPECT_EQ(pool.Intern("SO-1", &added), 0);
  EXPECT_FALSE(added);
  EXPECT_EQ(pool.Find("SO-2"), 1);
  EXPECT_EQ(pool.Find("SO-3"), -1);
  EXPECT_EQ(pool.Intern(""), 2);  // the empty string is a value like any other
  EXPECT_EQ(pool[0], "SO-1");
  EXPECT_EQ(pool.size(), 3u);
}

TEST(StringPool, SurvivesGrowthWithManyCodes) {
  StringPool pool;
  for (int i = 0; i < 200000; ++i) ASSERT_EQ(pool.Intern("CUSTOMER-" + std::to_string(i)), i);
  for (int i = 0; i < 200000; i += 997) {
    EXPECT_EQ(pool.Find("CUSTOMER-" + std::to_string(i)), i);
    EXPECT_EQ(pool[static_cast<size_t>(i)], "CUSTOMER-" + std::to_string(i));
  }
  EXPECT_EQ(pool.Find("CUSTOMER-200000"), -1);
  EXPECT_EQ(pool.Views().size(), 200000u);
}

TEST(FlatSet64, InsertsOnce) {
  FlatSet64 set;
  for (uint64_t k = 0; k < 100000; ++k) ASSERT_TRUE(set.Insert(k * 7919));
  for (uint64_t k = 0; k < 100000; k += 101) EXPECT_FALSE(set.Insert(k * 7919));
  EXPECT_TRUE(set.Contains(7919));
  EXPECT_FALSE(set.Contains(7920));
  EXPECT_EQ(set.size(), 100000u);
}

}  // namespace takt
