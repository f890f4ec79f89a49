// Internal to the report: what several sections do the same way with a
// chart's data.
#pragma once

#include <string>

#include "entente/svg_chart.h"
#include "entente/table.h"
#include "present/report/report_context.h"

namespace entente::report {

// The values table of a line chart whose series all run over the report's
// years (YearAxis): year, then one column per series, named as in the legend.
Table SeriesValues(const ReportContext& ctx, const svg::LineChart& chart);

// Adds `year` in `state` to a timeline row, years in order: the last span
// grows when it has the same state and ends the year before; otherwise a new
// span starts, with `note`.
void AddTimelineYear(svg::TimelineRow& row, int year, const std::string& state,
                     const std::string& note);

}  // namespace entente::report
