// Kernels of the loader: CSV parsing, dates and decimals, and loading a generated dataset.

#include <benchmark/benchmark.h>

#include <string>

#include "common/date.h"
#include "common/decimal.h"
#include "io/csv_reader.h"

namespace takt {
namespace {

std::string OrdersText(int rows) {
  std::string text = "order,line,customer,item,qty,unit_price,order_date,request_date,priority,ship_to,site,partial\n";
  for (int i = 0; i < rows; ++i) {
    text += "SO-" + std::to_string(1000000 + i / 3) + "," + std::to_string(i % 3 + 1) +
            ",ENTERPRISE-00417,SRV-B200-8G-AIR,4,312500.25,2025-04-11,2025-08-15,5,DE,,N\n";
  }
  return text;
}

void BM_CsvParse(benchmark::State& state) {
  const std::string text = OrdersText(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Diagnostics diagnostics;
    auto reader = CsvReader::FromText(text, "orders.csv", diagnostics);
    reader->ReadHeader(diagnostics);
    CsvRecord record;
    int64_t fields = 0;
    while (reader->Next(record, diagnostics)) fields += static_cast<int64_t>(record.fields.size());
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_CsvParse)->Arg(100000);

void BM_ParseDate(benchmark::State& state) {
  const char* dates[] = {"2025-05-03", "2026-12-31", "2025-02-28", "2027-07-19"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ParseDate(dates[i++ & 3]));
}
BENCHMARK(BM_ParseDate);

void BM_ParseDecimal(benchmark::State& state) {
  const char* values[] = {"312500.25", "3150000", "0.5", "38000.1234"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ParseDecimal(values[i++ & 3]));
}
BENCHMARK(BM_ParseDecimal);

}  // namespace
}  // namespace takt
