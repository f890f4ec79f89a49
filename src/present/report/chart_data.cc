#include "present/report/chart_data.h"

#include "present/report/sections.h"

namespace entente::report {

Table SeriesValues(const ReportContext& ctx, const svg::LineChart& chart) {
  Table data;
  data.columns = {"year"};
  for (const auto& s : chart.series) data.columns.push_back(s.name);
  for (std::size_t i = 0; i < ctx.year_list.size(); ++i) {
    std::vector<Cell> row = {std::int64_t{ctx.year_list[i]}};
    for (const auto& s : chart.series) row.push_back(NumberCell(s.y[i]));
    data.rows.push_back(std::move(row));
  }
  return data;
}

void AddTimelineYear(svg::TimelineRow& row, int year, const std::string& state,
                     const std::string& note) {
  if (!row.spans.empty() && row.spans.back().state == state && row.spans.back().to == year - 1) {
    row.spans.back().to = year;
  } else {
    row.spans.push_back({year, year, state, note});
  }
}

}  // namespace entente::report
