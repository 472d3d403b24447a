#include "io/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace takt {
namespace {

struct Parsed {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::vector<std::string> problems;
  bool opened = false;
};

Parsed Parse(std::string text) {
  Parsed p;
  Diagnostics diagnostics;
  auto reader = CsvReader::FromText(std::move(text), "t.csv", diagnostics);
  p.opened = reader.has_value();
  if (reader && reader->ReadHeader(diagnostics)) {
    p.header = reader->header();
    CsvRecord record;
    while (reader->Next(record, diagnostics)) {
      p.rows.emplace_back(record.fields.begin(), record.fields.end());
      p.lines.push_back(record.line);
    }
  }
  for (const Diagnostic& d : diagnostics.kept()) p.problems.push_back(FormatDiagnostic(d));
  return p;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, QuotesCommasNewlinesAndEscapedQuotes) {
  Parsed p = Parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nplain,,last\n");
  EXPECT_EQ(p.header, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(p.rows, (Rows{{"x, y", "say \"hi\"", "two\nlines"}, {"plain", "", "last"}}));
  EXPECT_EQ(p.lines, (std::vector<int>{2, 4}));
  EXPECT_TRUE(p.problems.empty());
}

TEST(CsvReader, CrLfBomBlankLinesAndNoFinalNewline) {
  Parsed p = Parse("\xEF\xBB\xBF id , name\r\n1,a\r\n\r\n2,b");
  EXPECT_EQ(p.header, (std::vector<std::string>{"id", "name"}));  // trimmed, BOM dropped
  EXPECT_EQ(p.rows, (Rows{{"1", "a"}, {"2", "b"}}));
  EXPECT_EQ(p.lines, (std::vector<int>{2, 4}));
}

TEST(CsvReader, AcceptsUtf8Text) {
  Parsed p = Parse("site,name\nMEX,Monterrey Nuevo Le\xC3\xB3n\n");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0][1], "Monterrey Nuevo Le\xC3\xB3n");
}

TEST(CsvReader, ReportsEmptyFile) {
  for (const char* text : {"", "\xEF\xBB\xBF", "\n\r\n"}) {
    Parsed p = Parse(text);
    ASSERT_EQ(p.problems.size(), 1u) << text;
    EXPECT_EQ(p.problems[0],
              "t.csv error empty-file: the file is empty: it needs at least a header row\n"
              "    hint: see docs/format.md for the columns of this file");
  }
}

TEST(CsvReader, ReportsInvalidUtf8WithItsLine) {
  Parsed p = Parse("a,b\n1,2\n3,\xFF\n");
  EXPECT_FALSE(p.opened);
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0],
            "t.csv:3 error bad-encoding: byte 0xFF at byte 3 of the line is not valid UTF-8\n"
            "    hint: save the file as UTF-8 text (in a spreadsheet: 'CSV UTF-8')");
}

TEST(CsvReader, ReportsNulBytes) {
  Parsed p = Parse(std::string("a,b\n1,\0\n", 8));
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0].substr(0, 70), "t.csv:2 error bad-encoding: NUL byte at byte 3 of the line; this is no");
}

TEST(CsvReader, ReportsUnterminatedQuoteOfATruncatedFile) {
  Parsed p = Parse("a,b\n1,2\n3,\"cut off here");
  EXPECT_EQ(p.rows, (Rows{{"1", "2"}}));
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0],
            "t.csv:3 error unterminated-quote: a quoted field opened on this line is never closed (is the file "
            "truncated?)\n    hint: close the field with a double quote; a quote inside a field is written twice (\"\")");
}

TEST(CsvReader, ReportsFieldCountAndGoesOn) {
  Parsed p = Parse("a,b\n1,2,3\n4\n5,6\n");
  EXPECT_EQ(p.rows, (Rows{{"5", "6"}}));
  ASSERT_EQ(p.problems.size(), 2u);
  EXPECT_EQ(p.problems[0],
            "t.csv:2 error field-count: the record has 3 fields, the header has 2\n"
            "    hint: check for an unquoted comma in a value, or a missing field");
  EXPECT_EQ(p.problems[1].substr(0, 61), "t.csv:3 error field-count: the record has 1 field, the header");
}

TEST(CsvReader, ReportsTextAfterClosingQuote) {
  Parsed p = Parse("a,b\n\"x\"y,2\n7,8\n");
  EXPECT_EQ(p.rows, (Rows{{"7", "8"}}));
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0],
            "t.csv:2 error bad-quote: text follows the closing quote of a field\n"
            "    hint: a quote inside a quoted field is written twice (\"\")");
}

TEST(CsvReader, ReportsHugeFields) {
  Parsed p = Parse("a,b\n1," + std::string(kMaxFieldBytes + 1, 'x') + "\n2,3\n");
  EXPECT_EQ(p.rows, (Rows{{"2", "3"}}));
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0], "t.csv:2 error field-too-long: field 2 is 65537 bytes long; at most 65536 are accepted");
}

TEST(CsvReader, ReportsDuplicateColumns) {
  Parsed p = Parse("a,b,a\n1,2,3\n");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0], "t.csv:1 [a] error duplicate-column: column 'a' appears twice in the header");
}

}  // namespace
}  // namespace takt
