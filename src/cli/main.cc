// entente: measure strategic alignment between states.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/context.h"

int main(int argc, char** argv) {
  using entente::cli::CliContext;
  CliContext ctx;
  CLI::App app{
      "entente " ENTENTE_VERSION
      " - measures how closely two states are aligned, dimension by dimension and year by year.\n"
      "Start with `entente init` (imports the datasets under ../shared/data), then e.g.\n"
      "`entente votes CHN RUS --years 1992:2019`."};
  app.set_version_flag("--version", std::string("entente ") + ENTENTE_VERSION);
  app.add_option("--store", ctx.store_path,
                 "SQLite store to use (default: $ENTENTE_STORE, else "
                 "~/.local/share/entente/entente.sqlite)");
  app.add_option("--data", ctx.data_dir,
                 "shared data directory with countries/, unga/, cow/ ... (default: $ENTENTE_DATA, "
                 "else the bundle fetched by `entente data fetch`, else ../shared/data)");
  app.add_flag("-q,--quiet", ctx.quiet, "no progress bars");
  app.require_subcommand(1);
  app.fallthrough();

  entente::cli::AddInitCommand(app, ctx);
  entente::cli::AddImportCommand(app, ctx);
  entente::cli::AddImportsCommand(app, ctx);
  entente::cli::AddVotesCommand(app, ctx);
  entente::cli::AddIdealPointsCommand(app, ctx);
  entente::cli::AddCountriesCommand(app, ctx);
  entente::cli::AddMilitaryCommand(app, ctx);
  entente::cli::AddOpcodeCommand(app, ctx);
  entente::cli::AddBeliefsCommand(app, ctx);
  entente::cli::AddProfileCommand(app, ctx);
  entente::cli::AddRankCommand(app, ctx);
  entente::cli::AddReportCommand(app, ctx);

  entente::cli::AddDataCommand(app, ctx);
  entente::cli::AddDoctorCommand(app, ctx);
  entente::cli::AddCompletionCommand(app, ctx);

  entente::cli::AddServeCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    std::cerr << "Run `entente --help` or `entente COMMAND --help` for usage.\n";
    return 1;
  }
  if (!ctx.status.ok()) {
    entente::cli::ReportError(ctx.status);
    return ctx.status.exit_code();
  }
  return 0;
}
