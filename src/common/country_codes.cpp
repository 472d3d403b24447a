#include "common/country_codes.h"

#include <array>


namespace takt {

namespace {
// Officially assigned ISO 3166-1 alpha-2 codes, sorted.
constexpr std::string_view kCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV "
    "BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES "
    "ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE "
    "IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY "
    "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU "
    "NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM "
    "SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE "
    "VG VI VN VU WF WS XK YE YT ZA ZM ZW";
}  // namespace

bool IsIsoCountryCode(std::string_view code) {
  // A 26 x 26 table of the assigned codes, built once.
  static const auto kAssigned = [] {
    std::array<bool, 26 * 26> table{};
    for (size_t i = 0; i + 1 < kCodes.size(); i += 3) table[static_cast<size_t>((kCodes[i] - 'A') * 26 + kCodes[i + 1] - 'A')] = true;
    return table;
  }();
  if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') return false;
  return kAssigned[static_cast<size_t>((code[0] - 'A') * 26 + code[1] - 'A')];
}

}  // namespace takt
