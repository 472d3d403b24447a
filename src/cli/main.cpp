// takt: a planning engine for AI-server factories.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>

#include "cli/check_command.h"
#include "cli/commands.h"
#include "cli/option_records.h"
#include "cli/serve_command.h"
#include "cli/store_commands.h"

int main(int argc, char** argv) {
  using namespace takt::cli;
  CLI::App app{"takt: plans the build and shipment of an AI-server factory's backlog"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "takt 0.1");

  ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand("validate", "Load a dataset folder, report every problem, summarise it");
  AddDatasetSource(validate_cmd, validate.source);
  validate_cmd->add_option("--max-per-kind", validate.max_per_kind, "Problems shown per kind before counting the rest")
      ->default_val(10)
      ->check(CLI::Range(1, 1000000));
  validate_cmd->add_flag("--quiet,-q", validate.quiet, "Print problems and totals only");

  GenerateCommandOptions generate;
  CLI::App* generate_cmd = app.add_subcommand("generate", "Write a realistic AI-server factory dataset");
  generate_cmd->add_option("--scale", generate.scale, "demo (a few thousand lines), large (~100k), xl (~1M)")
      ->default_val("demo")
      ->check(CLI::IsMember({"demo", "large", "xl"}));
  generate_cmd->add_option("--seed", generate.seed, "Random seed; the same seed gives identical files")->default_val(1);
  generate_cmd->add_option("--out", generate.out, "Folder to write")->required();

  PlanCommandOptions plan;
  CLI::App* plan_cmd = app.add_subcommand("plan", "Plan the backlog: ship dates, reasons, revenue by quarter");
  AddDatasetSource(plan_cmd, plan.source);
  plan_cmd->add_option("--out", plan.out, "Folder to write the plan files to (optional with --db: the store keeps it)");
  plan_cmd->add_option("--name", plan.name, "With --db: name of the stored plan (default: the dataset's)");
  plan_cmd->add_option("--user", plan.user, "With --db: who made the plan (default: $USER)");
  plan_cmd->add_option("--note", plan.note, "With --db: a note kept with the plan");
  AddPlanOptions(plan_cmd, plan.planning);
  plan_cmd->add_flag("--quiet,-q", plan.quiet, "Print only the closing line");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Verify a plan against its dataset: every planning rule, every file");
  AddDatasetSource(check_cmd, check.source);
  check_cmd->add_option("plan_dir", check.plan_dir, "Plan folder (takt plan --out); with --db, the only folder given");
  check_cmd->add_option("--plan-version", check.plan_version,
                        "With --db: plan version to check, number or name (default: the dataset's newest plan)");
  check_cmd->add_option("--max-per-kind", check.max_per_kind, "Violations shown per kind before counting the rest")
      ->default_val(10)
      ->check(CLI::Range(1, 1000000));

  PromiseOptions promise;
  CLI::App* promise_cmd = app.add_subcommand(
      "promise", "When can a new order ship? Capable-to-promise against the planned backlog");
  AddDatasetSource(promise_cmd, promise.source);
  promise_cmd->add_option("--item", promise.item, "Item ordered");
  promise_cmd->add_option("--qty", promise.qty, "Units")->check(CLI::Range(int64_t{1}, int64_t{1000000000}));
  promise_cmd->add_option("--ship-to", promise.ship_to, "Destination country (ISO 3166 alpha-2)");
  promise_cmd->add_option("--customer", promise.customer, "Customer (for its licences)");
  promise_cmd->add_option("--site", promise.site, "Ship from this site only");
  promise_cmd->add_option("--request", promise.request, "Requested date, YYYY-MM-DD (default: plan_start)");
  promise_cmd->add_option("--price", promise.price, "Unit price, for the revenue quarter");
  promise_cmd->add_flag("--partial", promise.partial, "The order may ship in several shipments");
  promise_cmd->add_option("--batch", promise.batch,
                          "CSV of quotes: quote,item,qty,ship_to,customer,site,request_date,partial,unit_price");
  promise_cmd->add_flag("--cumulative", promise.cumulative, "Batch: each quote commits what it takes");
  promise_cmd->add_option("--out", promise.out, "Batch: write the answers here (CSV)");
  AddPlanOptions(promise_cmd, promise.planning);

  CompareOptions compare;
  CLI::App* compare_cmd =
      app.add_subcommand("compare", "Compare two plans: quarters, lines that moved, constraints that came or went");
  compare_cmd->add_option("base", compare.base, "Plan folder (the base)")->required();
  compare_cmd->add_option("scenario", compare.scenario, "Plan folder (the scenario)")->required();
  compare_cmd->add_option("--out", compare.out, "Folder for comparison_quarters/lines/constraints.csv");
  compare_cmd->add_option("--lines", compare.lines, "Changed lines shown")->default_val(20);

  WhatIfOptions whatif;
  CLI::App* whatif_cmd = app.add_subcommand("whatif", "Plan the base and each scenario and compare them");
  AddDatasetSource(whatif_cmd, whatif.source);
  whatif_cmd->add_option("--scenario", whatif.scenarios, "Scenario file (TOML, docs/scenarios.md); repeatable")
      ->required();
  whatif_cmd->add_option("--out", whatif.out, "Folder for base/ and one folder per scenario")->required();
  AddPlanOptions(whatif_cmd, whatif.planning);
  whatif_cmd->add_option("--lines", whatif.lines, "Changed lines shown per scenario")->default_val(15);
  whatif_cmd->add_flag("--save", whatif.save, "With --db: keep the scenarios in the store (takt serve lists them)");
  whatif_cmd->add_option("--user", whatif.user, "With --save: who saves them (default: $USER)");

  ImportOptions import;
  CLI::App* import_cmd = AddImportCommand(app, import);
  VersionsOptions versions;
  CLI::App* versions_cmd = AddVersionsCommand(app, versions);
  ExportOptions export_options;
  CLI::App* export_cmd = AddExportCommand(app, export_options);

  ServeCommandOptions serve;
  CLI::App* serve_cmd = AddServeCommand(app, serve);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitFailed;
  }
  try {
    if (*validate_cmd) return RunValidate(validate);
    if (*generate_cmd) return RunGenerate(generate);
    if (*plan_cmd) return RunPlan(plan);
    if (*check_cmd) return RunCheck(check);
    if (*compare_cmd) return RunCompare(compare);
    if (*whatif_cmd) return RunWhatIf(whatif);
    if (*serve_cmd) return RunServe(serve);
    if (*import_cmd) return RunImport(import);
    if (*versions_cmd) return RunVersions(versions);
    if (*export_cmd) return RunExport(export_options);
    if (*promise_cmd) {
      if (promise.batch.empty() && (promise.item.empty() || promise.ship_to.empty())) {
        fmt::print(stderr, "takt promise: give --item and --ship-to, or --batch FILE\n");
        return kExitFailed;
      }
      return RunPromise(promise);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "takt: {}\n", e.what());
    return kExitFailed;
  }
  return kExitFailed;
}
