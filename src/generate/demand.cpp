// Customers, orders and licences of the synthetic factory.
//
// Three tiers, as in the public figures: a few cloud providers placing huge multi-quarter deals (racks and
// servers by the hundred, priority 1-2, partial shipments allowed), a middle tier of AI labs, neoclouds and
// sovereign-AI buyers (tens of servers or a few racks), and a long tail of thousands of enterprises ordering
// 1-8 servers. Most orders were booked before plan_start (the backlog), some are booked later within the
// horizon; request dates spread over the coming quarters and some are already past due.

#include <algorithm>
#include <array>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "generate/rng.h"
#include "generate/synthetic_factory.h"

namespace takt::gen {
namespace {

struct CountryInfo {
  const char* code;
  uint32_t enterprise;  // weight as an enterprise's home country
  uint32_t tier2;       // weight as a tier-2 buyer's home country
  uint32_t cloud;       // weight as a US cloud provider's data-centre country
};

// clang-format off
constexpr CountryInfo kCountries[] = {
    {"US", 500, 300, 700}, {"CA", 30, 20, 30},  {"MX", 10, 5, 0},    {"BR", 12, 10, 10}, {"CL", 4, 0, 0},
    {"CO", 3, 0, 0},       {"AR", 3, 0, 0},     {"GB", 40, 40, 30},  {"IE", 8, 0, 40},   {"DE", 40, 30, 30},
    {"FR", 30, 40, 10},    {"NL", 15, 15, 30},  {"BE", 6, 0, 0},     {"SE", 10, 10, 20}, {"FI", 6, 5, 10},
    {"NO", 6, 10, 10},     {"DK", 6, 0, 10},    {"ES", 12, 10, 10},  {"IT", 12, 10, 0},  {"PT", 3, 0, 0},
    {"CH", 10, 10, 0},     {"AT", 5, 0, 0},     {"PL", 6, 0, 0},     {"CZ", 3, 0, 0},    {"GR", 2, 0, 0},
    {"TR", 5, 0, 0},       {"JP", 40, 40, 30},  {"KR", 30, 30, 10},  {"TW", 15, 10, 0},  {"SG", 15, 20, 20},
    {"AU", 15, 15, 20},    {"NZ", 3, 0, 0},     {"IN", 25, 40, 20},  {"MY", 6, 15, 10},  {"ID", 5, 10, 0},
    {"TH", 4, 0, 0},       {"PH", 3, 0, 0},     {"ZA", 4, 0, 0},
    // Country groups D:1 / D:4: data-centre GPUs and systems need a licence.
    {"AE", 10, 50, 10},    {"SA", 10, 50, 10},  {"QA", 3, 15, 0},    {"IL", 10, 15, 5},  {"KW", 2, 0, 0},
    {"EG", 2, 0, 0},       {"JO", 1, 0, 0},     {"BH", 1, 0, 0},     {"OM", 1, 0, 0},    {"PK", 1, 0, 0},
    {"VN", 4, 5, 0},       {"KZ", 1, 3, 0},     {"GE", 1, 0, 0},     {"AM", 1, 0, 0},    {"UZ", 1, 0, 0},
    {"MN", 1, 0, 0},
    // China, Hong Kong, Macau: H20 servers need a licence, everything else is prohibited.
    {"CN", 30, 40, 0},     {"HK", 10, 5, 0},    {"MO", 1, 0, 0},
    // D:5 (arms embargo): prohibited.
    {"VE", 1, 0, 0},       {"BY", 1, 0, 0},     {"MM", 1, 0, 0},     {"NI", 1, 0, 0},
};
// clang-format on
constexpr size_t kCountryCount = sizeof kCountries / sizeof kCountries[0];

constexpr std::array<const char*, kCountryCount> kCountryCodeList = [] {
  std::array<const char*, kCountryCount> codes{};
  for (size_t i = 0; i < kCountryCount; ++i) codes[i] = kCountries[i].code;
  return codes;
}();

// Country groups in the style of the US Export Administration Regulations, supplement 1 to part 740.
constexpr const char* kGroupD1[] = {"AM", "AZ", "BY", "CN", "GE", "IQ", "KG", "KH", "KP", "KZ", "LA",
                                    "LY", "MD", "MN", "MO", "RU", "TJ", "TM", "UZ", "VE", "VN", "YE"};
constexpr const char* kGroupD4[] = {"AE", "BH", "CN", "EG", "IL", "IQ", "IR", "JO", "KP", "KW",
                                    "LB", "LY", "MO", "OM", "PK", "QA", "RU", "SA", "SY", "YE"};
constexpr const char* kGroupD5[] = {"AF", "BY", "CD", "CF", "CN", "CU", "ER", "HT", "IQ", "IR", "KH", "KP",
                                    "LB", "LY", "MM", "MO", "NI", "RU", "SD", "SO", "SS", "SY", "VE", "ZW"};
constexpr const char* kGroupChina[] = {"CN", "HK", "MO"};

const GroupDef kGroups[] = {
    {"CN-HK-MO", kGroupChina},
    {"D:1", kGroupD1},
    {"D:4", kGroupD4},
    {"D:5", kGroupD5},
};

// 3A090/4A090: data-centre GPUs and the systems built from them. 3A991/4A994: the H20 and its servers, which
// need a licence for China, Hong Kong and Macau since April 2025.
constexpr ExportRuleDef kRules[] = {
    {"3A090", "D:1", false},      {"3A090", "D:4", false},      {"3A090", "D:5", true}, {"3A090", "CN-HK-MO", true},
    {"4A090", "D:1", false},      {"4A090", "D:4", false},      {"4A090", "D:5", true}, {"4A090", "CN-HK-MO", true},
    {"3A991", "CN-HK-MO", false}, {"4A994", "CN-HK-MO", false},
};

bool GroupHas(std::string_view group, std::string_view country) {
  for (const GroupDef& g : kGroups) {
    if (group != g.code) continue;
    for (const char* member : g.members) {
      if (country == member) return true;
    }
  }
  return false;
}

struct CloudSpec {
  const char* code;
  const char* country;
  uint32_t weight;  // share of the cloud tier's deals
  uint8_t priority;
};

constexpr CloudSpec kClouds[] = {
    {"NIMBUS-CLOUD", "US", 30, 1},   {"STRATUS-AI", "US", 25, 1},       {"CIRRUS-COMPUTE", "US", 18, 2},
    {"HUAYUN-CLOUD", "CN", 5, 2},    {"CUMULUS-NET", "US", 12, 2},      {"MERIDIAN-CLOUD", "GB", 8, 2},
    {"ZEPHYR-CLOUD", "US", 8, 2},    {"TIANJI-CLOUD", "CN", 5, 2},      {"NORDLYS-CLOUD", "NO", 5, 2},
    {"SIRIUS-CLOUD", "JP", 6, 2},    {"AURORA-HYPERSCALE", "US", 7, 2}, {"OASIS-CLOUD", "SA", 5, 2},
    {"VORTEX-CLOUD", "US", 6, 2},    {"HAIXING-CLOUD", "CN", 4, 2},     {"EQUATOR-CLOUD", "SG", 4, 2},
    {"ALPENGLOW-CLOUD", "DE", 5, 2},
};
constexpr int kMaxClouds = sizeof kClouds / sizeof kClouds[0];

constexpr const char* kNameWords[] = {
    "AXIOM",   "BOREAL", "CALDERA",  "DYNAMO",   "EMBER",    "FATHOM",   "GLACIER", "HALCYON", "IONIC",   "JUNO",
    "KESTREL", "LUMEN",  "MONOLITH", "NOVA",     "OBSIDIAN", "PARALLAX", "QUASAR",  "RADIANT", "SEQUOIA", "TENSOR",
    "UMBRA",   "VECTOR", "WAYPOINT", "XENON",    "YONDER",   "ZENITH",   "ARGON",   "BASALT",  "CINDER",  "DRIFT",
    "ECHO",    "FLUX",   "GRANITE",  "HELIX",    "INDIGO",   "JASPER",   "KELVIN",  "LATTICE", "MOSAIC",  "NIMBLE",
    "ORBIT",   "PRISM",  "RIDGE",    "SOLSTICE", "TUNDRA",   "VALIANT",  "WILLOW",  "ALDER",   "BRAMBLE", "CORAL",
};
constexpr const char* kTier2Words[] = {"AI",   "LABS",      "COMPUTE",      "GPU-CLOUD",
                                       "DATA", "INFERENCE", "SOVEREIGN-AI", "INTELLIGENCE"};
constexpr const char* kIndustryWords[] = {
    "BIOTECH",   "PHARMA",  "BANK",    "INSURANCE", "MOTORS",   "ROBOTICS",   "MEDIA",    "GAMES",
    "ENERGY",    "TELECOM", "RETAIL",  "LOGISTICS", "HEALTH",   "UNIVERSITY", "RESEARCH", "CHEMICALS",
    "AEROSPACE", "SEMICON", "FINTECH", "STUDIOS",   "GENOMICS", "MAPPING",    "SECURITY", "FOODS",
};

// Product family mixes (H100, H200, B200, B200-LC, NVL72, H20, L40S-INF, H100NVL-INF) per tier.
constexpr uint32_t kCloudMix[kFamilyCount] = {4, 14, 18, 16, 40, 0, 5, 3};
constexpr uint32_t kCloudChinaMix[kFamilyCount] = {0, 0, 0, 0, 0, 100, 0, 0};
constexpr uint32_t kTier2Mix[kFamilyCount] = {5, 18, 22, 14, 25, 0, 9, 7};
constexpr uint32_t kTier2ChinaMix[kFamilyCount] = {0, 10, 0, 0, 0, 90, 0, 0};
constexpr uint32_t kEnterpriseMix[kFamilyCount] = {10, 22, 22, 8, 1, 0, 22, 15};
constexpr uint32_t kEnterpriseChinaMix[kFamilyCount] = {0, 8, 0, 0, 0, 85, 7, 0};

// Discrete distributions: weights of 1, 2, 3, ... (or of the listed outcomes).
constexpr uint32_t kTier2LinesPerOrder[] = {50, 30, 15, 5};
constexpr uint32_t kEnterpriseOrders[] = {82, 14, 4};
constexpr uint32_t kEnterpriseLinesPerOrder[] = {82, 15, 3};
constexpr uint32_t kEnterpriseQty[] = {25, 25, 8, 20, 3, 5, 2, 12};  // 1..8 servers
constexpr uint32_t kEnterprisePriorities[] = {8, 15, 60, 12, 5};     // priorities 3..7
// Licence outcomes: approved, pending, denied, not applied for.
constexpr uint32_t kOutcomes[] = {62, 20, 8, 10};
constexpr uint32_t kH20Outcomes[] = {15, 55, 20, 10};

bool IsChina(std::string_view country) { return GroupHas("CN-HK-MO", country); }

class DemandBuilder {
 public:
  explicit DemandBuilder(Factory& f)
      : f_(f), rng_(f.seed, 0xDE3A2D), plan_start_(f.plan_start), horizon_end_(f.horizon_end) {
    for (const CountryInfo& c : kCountries) {
      enterprise_weights_.push_back(c.enterprise);
      tier2_weights_.push_back(c.tier2);
      cloud_weights_.push_back(c.cloud);
    }
    // Popularity of configurations: the standard one leads, the rest follow a 1/rank tail.
    for (int family = 0; family < kFamilyCount; ++family) {
      for (size_t v = 0; v < f.family_products[family].size(); ++v) {
        variant_weights_[family].push_back(static_cast<uint32_t>(12000 / (v + 1)));
      }
    }
  }

  void Run() {
    const int64_t target = f_.params.target_lines;
    const int64_t cloud_target = std::max<int64_t>(target * 4 / 100, f_.params.cloud_count);
    const int64_t tier2_target = target * 10 / 100;
    const int64_t enterprise_target = target - cloud_target - tier2_target;

    const int clouds = std::min(f_.params.cloud_count, kMaxClouds);
    for (int c = 0; c < clouds; ++c) {
      f_.customers.push_back({kClouds[c].code, Tier::kCloud, CountryIndex(kClouds[c].country)});
      cloud_customer_weights_.push_back(kClouds[c].weight);
    }
    // Every cloud provider gets a deal first, then deals go by weight.
    int64_t lines = 0;
    for (int32_t deal = 0; lines < cloud_target; ++deal) {
      const auto cloud = deal < clouds ? deal : static_cast<int32_t>(rng_.Pick(cloud_customer_weights_));
      lines += CloudDeal(cloud, deal == 0);
    }
    lines = 0;
    for (uint64_t n = 1; lines < tier2_target; ++n) lines += Tier2Customer(n);
    lines = 0;
    for (uint64_t n = 1; lines < enterprise_target; ++n) lines += EnterpriseCustomer(n);

    SizeCloudLines();

    // SO numbers follow the booking date.
    f_.order_sequence.resize(f_.orders.size());
    for (size_t i = 0; i < f_.orders.size(); ++i) f_.order_sequence[i] = static_cast<uint32_t>(i);
    std::sort(f_.order_sequence.begin(), f_.order_sequence.end(), [this](uint32_t a, uint32_t b) {
      const Day da = f_.orders[a].order_date, db = f_.orders[b].order_date;
      return da != db ? da < db : a < b;
    });
  }

 private:
  uint16_t CountryIndex(std::string_view code) const {
    for (size_t i = 0; i < kCountryCount; ++i) {
      if (code == kCountries[i].code) return static_cast<uint16_t>(i);
    }
    return 0;
  }

  int32_t PickProduct(const uint32_t* mix, size_t max_variants) {
    const auto family = rng_.Pick(std::span<const uint32_t>(mix, kFamilyCount));
    const auto& weights = variant_weights_[family];
    const size_t n = std::min(weights.size(), max_variants);
    const size_t v = rng_.Pick(std::span<const uint32_t>(weights.data(), n));
    return f_.family_products[family][v];
  }

  /// A site the line must ship from (the customer's choice), or -1 for any.
  int8_t PickSite(int32_t item, int per_mille) {
    if (!rng_.Chance(per_mille)) return -1;
    const ItemDef& product = f_.items[static_cast<size_t>(item)];
    uint32_t weights[kMaxSites] = {};
    for (int s = 0; s < f_.params.site_count; ++s) {
      if ((product.site_mask >> s) & 1u) weights[s] = FamilySiteWeight(product.family, s);
    }
    return static_cast<int8_t>(
        rng_.Pick(std::span<const uint32_t>(weights, static_cast<size_t>(f_.params.site_count))));
  }

  /// Material cost plus a markup of markup_lo..markup_hi per mille, in whole dollars: cost is 90-97% of price.
  Money Price(int32_t item, int markup_lo, int markup_hi) {
    const Money cost = f_.items[static_cast<size_t>(item)].unit_cost;
    const Money price = cost * (1000 + rng_.Range(markup_lo, markup_hi)) / 1000;
    return (price + kDecimalScale / 2) / kDecimalScale * kDecimalScale;
  }

  void AddLine(const Line& line) {
    f_.lines.push_back(line);
    ++f_.orders.back().line_count;
  }

  void StartOrder(int32_t customer, Day order_date) {
    f_.orders.push_back({customer, order_date, static_cast<uint32_t>(f_.lines.size()), 0});
  }

  /// A backlog booking date (before plan_start, recent dates likelier) or a later one within the horizon.
  Day OrderDate(int future_per_mille, int64_t max_age_days) {
    if (rng_.Chance(future_per_mille)) {
      return plan_start_ + static_cast<Day>(rng_.Range(0, horizon_end_ - 90 - plan_start_));
    }
    return plan_start_ - 1 - static_cast<Day>(rng_.Skewed(0, max_age_days));
  }

  Day ClampRequest(Day request, Day order_date) const {
    if (request <= horizon_end_) return request;
    return std::max(order_date, horizon_end_ - static_cast<Day>((request - horizon_end_) % 15));
  }

  uint16_t ShipTo(uint16_t home, const std::vector<uint32_t>& elsewhere, int home_per_mille) {
    if (rng_.Chance(home_per_mille)) return home;
    return static_cast<uint16_t>(rng_.Pick(elsewhere));
  }

  std::string NameCode(const char* suffix, uint64_t number, int width) {
    std::string code = kNameWords[rng_.Below(std::size(kNameWords))];
    code += '-';
    code += suffix;
    code += '-';
    AppendPadded(code, number, width);
    return code;
  }

  /// One cloud deal: one or two products delivered in quarterly or monthly tranches, one line per tranche.
  /// Quantities are set later (SizeCloudLines) so that the whole book reaches the scale's target value.
  /// The anchor deal is the largest cloud provider's multi-billion GB200 rack deal, booked last quarter.
  int64_t CloudDeal(int32_t cloud, bool anchor) {
    const Customer& customer = f_.customers[static_cast<size_t>(cloud)];
    const std::string_view home = kCountries[customer.country].code;
    const bool china = IsChina(home);
    const Day order_date = anchor ? plan_start_ - static_cast<Day>(rng_.Range(20, 80)) : OrderDate(120, 240);
    StartOrder(cloud, order_date);

    uint16_t ship_to = customer.country;
    if (china) {
      ship_to = CountryIndex(rng_.Chance(850) ? "CN" : "HK");
    } else if (home == "US") {
      ship_to = static_cast<uint16_t>(rng_.Pick(cloud_weights_));
    } else {
      ship_to = ShipTo(customer.country, cloud_weights_, 700);
    }
    if (anchor) ship_to = customer.country;
    const int products = anchor || china || rng_.Chance(700) ? 1 : 2;
    const int tranches = anchor ? 6 : static_cast<int>(rng_.Range(1, 6));
    const Day step = static_cast<Day>(rng_.Chance(500) ? rng_.Range(28, 35) : rng_.Range(80, 91));
    // Deals are re-scheduled as they age, so early tranches are at most a few weeks past due.
    const Day first =
        std::max(order_date + static_cast<Day>(rng_.Range(60, 180)), plan_start_ - static_cast<Day>(rng_.Range(0, 45)));
    const int64_t base = rng_.Range(10, 100);
    const int64_t deal_weight = anchor ? 1'000'000 : base * base * 10;
    const uint8_t priority = kClouds[cloud].priority;
    const bool site_bound = rng_.Chance(100);

    int64_t added = 0;
    for (int p = 0; p < products; ++p) {
      const int32_t item =
          anchor ? f_.family_products[kNvl72].front() : PickProduct(china ? kCloudChinaMix : kCloudMix, 3);
      const int8_t site = site_bound ? PickSite(item, 1000) : -1;
      for (int k = 0; k < tranches; ++k) {
        Day request = first + step * k;
        if (request > horizon_end_ - 14) {
          if (k > 0) break;
          request = std::max(order_date, horizon_end_ - 14);
        }
        cloud_lines_.push_back(f_.lines.size());
        cloud_line_weights_.push_back(deal_weight * rng_.Range(80, 120) / 100 / (products * tranches));
        AddLine({item, 1, Price(item, 35, 60), request, ship_to, site, priority, true});
        ++added;
      }
    }
    return added;
  }

  struct NewCustomerInfo {
    int32_t customer;
    uint16_t country;
    bool china;
  };

  /// Adds a customer in a country drawn by `weights`, named from `words` and `number`.
  template <size_t N>
  NewCustomerInfo NewCustomer(const std::vector<uint32_t>& weights, const char* const (&words)[N], uint64_t number,
                              int width, Tier tier) {
    const auto country = static_cast<uint16_t>(rng_.Pick(weights));
    f_.customers.push_back({NameCode(words[rng_.Below(N)], number, width), tier, country});
    return {static_cast<int32_t>(f_.customers.size() - 1), country, IsChina(kCountries[country].code)};
  }

  /// An AI lab, neocloud or sovereign-AI buyer: a handful of orders of tens of servers or a few racks.
  int64_t Tier2Customer(uint64_t number) {
    const auto [customer, country, china] = NewCustomer(tier2_weights_, kTier2Words, number, 5, Tier::kTier2);
    const int orders = static_cast<int>(rng_.Range(2, 10));
    int64_t added = 0;
    for (int o = 0; o < orders; ++o) {
      const Day order_date = OrderDate(150, 300);
      StartOrder(customer, order_date);
      const int64_t lead = rng_.Range(56, 240);
      const uint16_t ship_to = ShipTo(country, tier2_weights_, 920);
      const auto priority = static_cast<uint8_t>(rng_.Range(2, 4));
      const bool partial = rng_.Chance(700);
      const int lines = 1 + static_cast<int>(rng_.Pick(kTier2LinesPerOrder));
      for (int l = 0; l < lines; ++l) {
        const int32_t item = PickProduct(china ? kTier2ChinaMix : kTier2Mix, 6);
        const int family = f_.items[static_cast<size_t>(item)].family;
        const int64_t qty = family == kNvl72                              ? rng_.Range(1, 6)
                            : family == kL40sInf || family == kH100NvlInf ? 8 * rng_.Range(1, 4)
                                                                          : 8 * rng_.Range(1, 6);
        const Day request = ClampRequest(order_date + static_cast<Day>(lead + rng_.Range(0, 28)), order_date);
        AddLine({item, qty, Price(item, 50, 80), request, ship_to, PickSite(item, 80), priority, partial});
        ++added;
      }
    }
    return added;
  }

  /// An enterprise: one to three small orders of 1-8 servers (rarely a rack), shipped whole.
  int64_t EnterpriseCustomer(uint64_t number) {
    const auto [customer, country, china] =
        NewCustomer(enterprise_weights_, kIndustryWords, number, 6, Tier::kEnterprise);
    const int orders = 1 + static_cast<int>(rng_.Pick(kEnterpriseOrders));
    int64_t added = 0;
    for (int o = 0; o < orders; ++o) {
      const Day order_date = OrderDate(180, 240);
      StartOrder(customer, order_date);
      const int64_t lead = rng_.Range(42, 200);
      const uint16_t ship_to = ShipTo(country, enterprise_weights_, 950);
      const auto priority = static_cast<uint8_t>(3 + rng_.Pick(kEnterprisePriorities));
      const bool partial = rng_.Chance(80);
      const int lines = 1 + static_cast<int>(rng_.Pick(kEnterpriseLinesPerOrder));
      for (int l = 0; l < lines; ++l) {
        const int32_t item = PickProduct(china ? kEnterpriseChinaMix : kEnterpriseMix, 1000);
        const int64_t qty = f_.items[static_cast<size_t>(item)].family == kNvl72
                                ? (rng_.Chance(850) ? 1 : 2)
                                : 1 + static_cast<int64_t>(rng_.Pick(kEnterpriseQty));
        const Day request = ClampRequest(order_date + static_cast<Day>(lead + rng_.Range(0, 21)), order_date);
        AddLine({item, qty, Price(item, 65, 105), request, ship_to, PickSite(item, 50), priority, partial});
        ++added;
      }
    }
    return added;
  }

  /// Gives the cloud lines the value the other tiers leave to the scale's target, split by deal weight.
  void SizeCloudLines() {
    Money others = 0;
    std::vector<bool> is_cloud(f_.lines.size(), false);
    for (size_t line : cloud_lines_) is_cloud[line] = true;
    for (size_t i = 0; i < f_.lines.size(); ++i) {
      if (!is_cloud[i]) others += f_.lines[i].qty * f_.lines[i].unit_price;
    }
    const Money remaining = std::max<Money>(0, f_.params.target_value - others);
    int64_t total_weight = 0;
    for (int64_t w : cloud_line_weights_) total_weight += w;
    if (total_weight <= 0) return;
    for (size_t k = 0; k < cloud_lines_.size(); ++k) {
      Line& line = f_.lines[cloud_lines_[k]];
      const int64_t w = cloud_line_weights_[k];
      // remaining * w / total without overflow: split remaining into quotient and remainder by total.
      const Money share = remaining / total_weight * w + remaining % total_weight * w / total_weight;
      line.qty = std::max<int64_t>(1, (share + line.unit_price / 2) / line.unit_price);
    }
  }

  Factory& f_;
  Rng rng_;
  Day plan_start_;
  Day horizon_end_;
  std::vector<uint32_t> enterprise_weights_, tier2_weights_, cloud_weights_, cloud_customer_weights_;
  std::vector<uint32_t> variant_weights_[kFamilyCount];
  std::vector<size_t> cloud_lines_;
  std::vector<int64_t> cloud_line_weights_;
};

}  // namespace

std::span<const char* const> CountryCodes() { return kCountryCodeList; }
std::span<const GroupDef> CountryGroups() { return kGroups; }
std::span<const ExportRuleDef> ExportRules() { return kRules; }

ExportNeed ExportNeedFor(const char* export_class, const char* country) {
  ExportNeed need = ExportNeed::kNone;
  for (const ExportRuleDef& rule : kRules) {
    if (std::string_view(rule.export_class) != export_class) continue;
    const std::string_view destination = rule.destination;
    if (destination != country && !GroupHas(destination, country)) continue;
    if (rule.prohibited) return ExportNeed::kProhibited;
    need = ExportNeed::kLicence;
  }
  return need;
}

void BuildDemand(Factory& f) { DemandBuilder(f).Run(); }

void BuildLicences(Factory& f) {
  // One licence case per (customer, export class, destination) that some line needs. Cloud providers hold
  // group licences (D4, CN-HK-MO); everyone else licences per country.
  struct Case {
    int32_t customer;
    std::string_view export_class;
    std::string destination;
    bool prohibited;
  };
  std::vector<Case> cases;
  for (const Order& order : f.orders) {
    const Customer& customer = f.customers[static_cast<size_t>(order.customer)];
    for (uint32_t l = order.first_line; l < order.first_line + order.line_count; ++l) {
      const Line& line = f.lines[l];
      const char* export_class = f.items[static_cast<size_t>(line.item)].export_class;
      const char* country = kCountryCodeList[line.ship_to];
      const ExportNeed need = ExportNeedFor(export_class, country);
      if (need == ExportNeed::kNone) continue;
      std::string destination = country;
      if (customer.tier == Tier::kCloud && need == ExportNeed::kLicence) {
        if (GroupHas("CN-HK-MO", country)) {
          destination = "CN-HK-MO";
        } else if (GroupHas("D:4", country)) {
          destination = "D:4";
        }
      }
      cases.push_back({order.customer, export_class, std::move(destination), need == ExportNeed::kProhibited});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return std::tie(a.customer, a.export_class, a.destination) < std::tie(b.customer, b.export_class, b.destination);
  });
  cases.erase(std::unique(cases.begin(), cases.end(),
                          [](const Case& a, const Case& b) {
                            return a.customer == b.customer && a.export_class == b.export_class &&
                                   a.destination == b.destination;
                          }),
              cases.end());

  Rng rng(f.seed, 0x11CE);
  const Day p = f.plan_start;
  const Day e = f.horizon_end;
  const auto days = [&rng](int64_t lo, int64_t hi) { return static_cast<Day>(rng.Range(lo, hi)); };
  for (const Case& c : cases) {
    const char* export_class = c.export_class == "4A994" ? "4A994" : "4A090";
    auto add = [&](LicenceStatus status, Day date, Day valid_until) {
      f.licences.push_back({c.customer, export_class, c.destination, status, date, valid_until});
    };
    if (c.prohibited) {
      // Some buyers apply anyway; such applications are denied.
      if (rng.Chance(300)) add(LicenceStatus::kDenied, rng.Chance(500) ? p - days(5, 200) : kNoDay, kNoDay);
      continue;
    }
    const bool h20 = c.export_class == "4A994";
    // H20 licensing began in April 2025: few approvals, many applications still pending, some denied.
    const size_t outcome =
        rng.Pick(h20 ? std::span<const uint32_t>(kH20Outcomes) : std::span<const uint32_t>(kOutcomes));
    switch (outcome) {
      case 0: {  // approved; some expire within the horizon or have already expired and are being renewed
        const Day date = h20 ? p - days(1, 18) : p - days(10, 400);
        Day valid_until = kNoDay;
        if (!rng.Chance(350)) {
          valid_until = date + days(365, 730);
          if (valid_until > e) valid_until = kNoDay;
        }
        add(LicenceStatus::kApproved, date, valid_until);
        if (valid_until != kNoDay && valid_until < p + 60) add(LicenceStatus::kPending, p + days(20, 120), kNoDay);
        break;
      }
      case 1:  // pending: the date is the expected decision, 30 to 180 days out
        add(LicenceStatus::kPending, p + days(30, 180), kNoDay);
        break;
      case 2:  // denied; some re-apply
        add(LicenceStatus::kDenied, rng.Chance(700) ? p - days(5, 240) : kNoDay, kNoDay);
        if (rng.Chance(350)) add(LicenceStatus::kPending, p + days(60, 180), kNoDay);
        break;
      default:  // no licence applied for yet
        break;
    }
  }
}

}  // namespace takt::gen
