#pragma once
// Options as records. An option's key, command-line flag, help, default and allowed values are
// declared once, in its record; the command line (cli/option_records.h), the API's JSON and the
// tests that keep the docs right all read the record, so a new value is added in one place.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace takt {

/// What every option says of itself.
struct OptionSpec {
  std::string_view key;   ///< its name in files and the API: plan notes, summary.json, a scenario's [settings], JSON
  std::string_view flag;  ///< its name on the command line, with the dashes
  std::string_view help;  ///< one sentence, for --help
};

/// One value of an enumerated option: the enum and the word users write for it.
template <typename E>
struct OptionChoice {
  E value;
  std::string_view name;
};

/// `words` joined with `separator`: {"priority", "revenue"} and "|" give "priority|revenue".
std::string JoinWords(std::span<const std::string_view> words, std::string_view separator);

/// An option that takes one of a fixed set of words, each naming a value of the enum E. The words
/// are exact (case-sensitive), as documented. The choices are borrowed: records are constants with
/// static storage.
template <typename E>
class EnumOption {
 public:
  constexpr EnumOption(OptionSpec spec, E default_value, std::span<const OptionChoice<E>> choices)
      : spec_(spec), default_value_(default_value), choices_(choices) {}

  const OptionSpec& spec() const { return spec_; }
  std::string_view key() const { return spec_.key; }
  std::string_view flag() const { return spec_.flag; }
  std::string_view help() const { return spec_.help; }
  E default_value() const { return default_value_; }
  std::span<const OptionChoice<E>> choices() const { return choices_; }

  /// The value `word` names; nullopt for any other word.
  std::optional<E> Parse(std::string_view word) const {
    for (const OptionChoice<E>& c : choices_) {
      if (c.name == word) return c.value;
    }
    return std::nullopt;
  }

  /// The word for `value` ("" for a value that has no choice, which is a bug in the record).
  std::string_view Name(E value) const {
    for (const OptionChoice<E>& c : choices_) {
      if (c.value == value) return c.name;
    }
    return {};
  }

  /// The allowed words, in the record's order.
  std::vector<std::string_view> Names() const {
    std::vector<std::string_view> names;
    names.reserve(choices_.size());
    for (const OptionChoice<E>& c : choices_) names.push_back(c.name);
    return names;
  }

  /// The allowed words joined: Choices("|") is "priority|revenue".
  std::string Choices(std::string_view separator) const { return JoinWords(Names(), separator); }

 private:
  OptionSpec spec_;
  E default_value_;
  std::span<const OptionChoice<E>> choices_;
};

}  // namespace takt
