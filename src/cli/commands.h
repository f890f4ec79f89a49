// One function per subcommand, each defined in its own cmd_*.cc file.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace entente::cli {

void AddImportCommand(CLI::App& app, CliContext& ctx);
void AddInitCommand(CLI::App& app, CliContext& ctx);
void AddVotesCommand(CLI::App& app, CliContext& ctx);
void AddIdealPointsCommand(CLI::App& app, CliContext& ctx);
void AddCountriesCommand(CLI::App& app, CliContext& ctx);
void AddImportsCommand(CLI::App& app, CliContext& ctx);
void AddMilitaryCommand(CLI::App& app, CliContext& ctx);
void AddOpcodeCommand(CLI::App& app, CliContext& ctx);
void AddBeliefsCommand(CLI::App& app, CliContext& ctx);
void AddProfileCommand(CLI::App& app, CliContext& ctx);
void AddRankCommand(CLI::App& app, CliContext& ctx);
// `entente import profile`, added under the import command.
void AddImportProfileCommand(CLI::App& import, CliContext& ctx);
void AddReportCommand(CLI::App& app, CliContext& ctx);

void AddDataCommand(CLI::App& app, CliContext& ctx);
void AddDoctorCommand(CLI::App& app, CliContext& ctx);
// Generates its script from the whole app when it runs.
void AddCompletionCommand(CLI::App& app, CliContext& ctx);

void AddServeCommand(CLI::App& app, CliContext& ctx);

}  // namespace entente::cli
