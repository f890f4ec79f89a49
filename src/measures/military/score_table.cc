#include "entente/military_table.h"

namespace entente {

Table MilitaryScoreTable() {
  Table table;
  table.decimals = 3;
  table.columns = {"year"};
  for (const auto& c : MilitaryScoreColumns()) table.columns.push_back(c);
  return table;
}

void AddMilitaryScoreRow(const MilitaryFramework& framework, const MilitaryYearScore& score,
                         Table& table) {
  std::vector<Cell> row = {std::int64_t{score.year},
                           framework.id,
                           MilitaryStageName(framework, score),
                           std::int64_t{score.level},
                           std::int64_t{score.level_max},
                           Number(score.grade),
                           MilitaryCriteriaList(framework, score, CriterionStatus::kMet),
                           MilitaryCriteriaList(framework, score, CriterionStatus::kUnknown)};
  for (int i = 0; i < kMilitaryCriterionCount; ++i) {
    const int index = framework.IndexOf(static_cast<MilitaryCriterion>(i));
    if (index >= 0 && score.criteria[index].status == CriterionStatus::kMet) {
      row.emplace_back(std::int64_t{score.criteria[index].since});
    } else {
      row.emplace_back(std::monostate{});
    }
  }
  row.push_back(score.tiv_ab ? Number(*score.tiv_ab) : Cell{});
  row.push_back(score.tiv_ba ? Number(*score.tiv_ba) : Cell{});
  row.emplace_back(ArmsClassNames(score.arms_classes));
  row.push_back(score.mid_hostlev ? Cell{std::int64_t{*score.mid_hostlev}} : Cell{});
  row.push_back(score.rivalry ? Cell{score.rivalry->empty() ? std::string("none") : *score.rivalry}
                              : Cell{});
  table.rows.push_back(std::move(row));
}

}  // namespace entente
