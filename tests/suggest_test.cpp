#include "common/suggest.h"

#include <gtest/gtest.h>

#include <vector>

namespace takt {

TEST(Suggest, FindsTheClosestCode) {
  const std::vector<std::string> items = {"GPU-B200", "GPU-H200", "CPU-X86", "RACK-GB200-NVL72"};
  EXPECT_EQ(Suggest("GPU-B20", items), "GPU-B200");
  EXPECT_EQ(Suggest("gpu-h200", items), "GPU-H200");   // case-insensitive
  EXPECT_EQ(Suggest("CPU-8X6", items), "CPU-X86");     // swapped neighbours count once
  EXPECT_EQ(Suggest("MEMORY-64G", items), "");        // nothing close
  EXPECT_EQ(DidYouMean("RACK-GB200-NVL27", items), "did you mean 'RACK-GB200-NVL72'?");
}

TEST(Suggest, EditDistance) {
  EXPECT_EQ(EditDistance("licence", "license"), 1);
  EXPECT_EQ(EditDistance("abc", "abc"), 0);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("ab", "ba"), 1);
}

}  // namespace takt
