#pragma once
// Option records (common/options.h) on the command line: one call adds a record's flag with its
// help, its default and a check of its words, and stores the parsed value, not the word.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "common/options.h"
#include "plan/plan.h"

namespace takt::cli {

/// Adds `option` to `command`: `target` starts at the record's default and takes the value of the
/// word given. A word that is not one of the record's fails parsing with CLI11's message
/// ("--policy: bogus not in {priority,revenue}") and exit code 1.
template <typename E>
CLI::Option* AddEnumOption(CLI::App* command, const EnumOption<E>& option, E& target) {
  target = option.default_value();
  std::vector<std::string> words;
  for (std::string_view name : option.Names()) words.emplace_back(name);
  CLI::Option* added = command->add_option_function<std::string>(
      std::string(option.flag()),
      [&option, &target](const std::string& word) {
        // The check below ran first: the word is one of the record's.
        if (auto value = option.Parse(word)) target = *value;
      },
      std::string(option.help()));
  added->check(CLI::IsMember(words));
  added->default_str(std::string(option.Name(option.default_value())));
  return added;
}

/// Adds --policy and --licence-policy (plan/plan_options.h) for a command that plans the backlog.
void AddPlanOptions(CLI::App* command, PlanOptions& options);

}  // namespace takt::cli
