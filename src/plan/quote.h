#pragma once
// A quote for capable-to-promise, from the text a user gives (command line, CSV row, JSON) to a
// QuoteRequest, and the answer described in the user's terms. Shared by `takt promise` and the API.

#include <optional>
#include <string>

#include "common/diagnostics.h"
#include "model/model.h"
#include "plan/plan.h"
#include "plan/promise_session.h"

namespace takt {

/// The most units one quote may ask for (as `takt promise --qty`).
inline constexpr int64_t kMaxQuoteQty = 1000000000;

/// A quote's fields as text, as given on the command line, in a batch row or a JSON body.
struct QuoteText {
  std::string id, item, qty, ship_to, customer, site, request, partial, price;
};

/// Resolves a quote against the model; problems are reported as errors at `where`.
std::optional<QuoteRequest> ResolveQuote(const Model& m, const QuoteText& t, const std::string& where, Diagnostics& d);

/// "no licence needed", "covered by licence EL-1 (approved)", or why it cannot ship.
std::string LicenceSituation(const Model& m, const QuoteRequest& q, const QuoteAnswer& a, LicencePolicy policy);

/// "2025-07-01:8;2025-07-15:4": the shipments of an answer.
std::string QuoteSchedule(const Model& m, const QuoteAnswer& a);

/// The fiscal quarter code of a day index, "" when none (or day < 0).
std::string QuarterCodeOf(const Model& m, int32_t day);

/// The order line a quote would be, for describing its constraint.
OrderLine QuoteLine(const Model& m, const QuoteRequest& q);

}  // namespace takt
