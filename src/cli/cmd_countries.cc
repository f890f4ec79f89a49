// entente countries [KEY...]: look up country keys.
#include "cli/commands.h"

namespace entente::cli {
namespace {

struct CountriesOptions {
  std::vector<std::string> keys;
  std::string format;
};

Status RunCountries(CliContext& ctx, const CountriesOptions& o) {
  auto countries = ctx.Countries();
  if (!countries.ok()) return countries.status();
  auto format = ctx.Format(o.format);
  if (!format.ok()) return format.status();
  Table table;
  table.columns = {"ccode", "cowc", "iso3", "iso2", "name", "lineage"};
  auto add = [&](const Country& c) {
    std::string lineage;
    for (const auto& period : c.lineage) {
      if (!lineage.empty()) lineage += "; ";
      lineage += std::to_string(period.ccode) + " " + std::to_string(period.start) + "-" +
                 std::to_string(period.end);
    }
    table.rows.push_back({std::int64_t{c.ccode}, c.cowc, c.iso3, c.iso2, c.name, lineage});
  };
  if (o.keys.empty()) {
    for (const Country& c : (*countries)->all()) add(c);
  } else {
    for (const auto& key : o.keys) {
      auto c = (*countries)->Find(key);
      if (!c.ok()) return c.status();
      add(**c);
    }
  }
  RenderTable(table, *format, std::cout);
  return Status::Ok();
}

}  // namespace

void AddCountriesCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<CountriesOptions>();
  auto* cmd = app.add_subcommand(
      "countries",
      "Look up countries by ISO3, ISO2, COW code or letters, name or alias; with no key, list "
      "all.");
  cmd->footer(
      "Examples:\n"
      "  entente countries PRC USSR 260\n"
      "  entente countries \"South Korea\" ROK kor\n"
      "  entente countries --format csv");
  cmd->add_option("KEY", o->keys, "country keys");
  cmd->add_option("--format", o->format, "table, csv or json");
  cmd->callback([&ctx, o] { ctx.status = RunCountries(ctx, *o); });
}

}  // namespace entente::cli
