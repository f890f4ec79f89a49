// Internal to the report: one builder per section of the page, each in its
// own file (report_votes.cc, report_military.cc, ...). Each reads the
// measured dyads in ctx and adds its charts to ctx.charts through Figure().
#pragma once

#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "present/report/report_context.h"

namespace entente::report {

Section SummarySection(ReportContext& ctx);
Section VotesSection(ReportContext& ctx);
Section MilitarySection(ReportContext& ctx);
Section BeliefsSection(ReportContext& ctx);
Section ProfileSection(ReportContext& ctx);
Section ComparisonSection(ReportContext& ctx);
Section MethodsSection(ReportContext& ctx);
Section ProvenanceSection(ReportContext& ctx);

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// The report's years as chart x values.
inline std::vector<double> YearAxis(const ReportContext& ctx) {
  return std::vector<double>(ctx.year_list.begin(), ctx.year_list.end());
}

// One value per report year from a by-year map; NaN for the years it lacks.
template <typename T, typename Get>
std::vector<double> ByYear(const ReportContext& ctx, const std::map<int, T>& values, Get get) {
  std::vector<double> out;
  out.reserve(ctx.year_list.size());
  for (int year : ctx.year_list) {
    auto it = values.find(year);
    out.push_back(it == values.end() ? kMissing : static_cast<double>(get(it->second)));
  }
  return out;
}

// A table cell from a double, NaN as missing.
inline Cell NumberCell(double v) {
  return std::isfinite(v) ? Cell{v} : Cell{};
}

}  // namespace entente::report
