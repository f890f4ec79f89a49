// Gathers every measure the report shows, through the same library calls the
// single-dimension commands use (votes, idealpoints, military, beliefs), so a
// number in the report is the number those commands print.
#include "present/report/report_measures.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "store/sqlite.h"

namespace entente::report {
namespace {

constexpr int kFirstSessionYear = 1946;

Status LoadVotes(ReportContext& ctx) {
  auto votes = LoadUngaVotes(*ctx.store, ctx.years);
  if (!votes.ok()) return votes.status();
  if (votes->roll_calls.empty()) {
    ctx.notes.push_back(
        "The store holds no UN roll calls for these years: run `entente init` to import the UN "
        "votes, then this report again.");
    ctx.ideal_points_missing = "no UN roll calls in the store";
    return Status::Ok();
  }
  // Regular session N opens in September of 1945 + N (the first in January
  // 1946); its roll calls run into the next year, so the calendar years of
  // its votes cannot name it without two sessions sharing a year.
  for (const auto& rc : votes->roll_calls) {
    ctx.session_year.emplace(rc.session, kFirstSessionYear - 1 + rc.session);
  }
  ctx.votes = std::move(votes).value();
  if (!ctx.options->ideal_points) {
    ctx.ideal_points_missing = "left out of this report (--no-idealpoints)";
    return Status::Ok();
  }
  auto fit = EstimateIdealPoints(IdealPointDataFromVotes(*ctx.votes));
  if (!fit.ok()) {
    ctx.ideal_points_missing = "the ideal-point fit failed: " + fit.status().message();
    return Status::Ok();
  }
  if (!fit->converged) {
    ctx.notes.push_back("The ideal-point fit stopped at its iteration cap before converging (" +
                        std::to_string(fit->iterations) + " sweeps); distances may be rough.");
  }
  ctx.fit = std::move(fit).value();
  return Status::Ok();
}

Status LoadMilitary(ReportContext& ctx) {
  auto framework =
      LoadMilitaryFramework(ctx.options->framework, ctx.options->project_data_dir + "/frameworks");
  if (!framework.ok()) return framework.status();
  ctx.framework = std::move(framework).value();
  MilitaryDataOptions options;
  options.shared_data_dir = ctx.options->shared_data_dir;
  options.evidence_dir = ctx.options->project_data_dir + "/evidence/military";
  auto data = MilitaryData::Load(*ctx.countries, options);
  if (!data.ok()) return data.status();
  ctx.military_data = std::move(data).value();
  return Status::Ok();
}

// The profile panel: the one `entente import profile` saved in the store when
// there is one (what `entente profile` shows), else built from the datasets
// for the report's years, reusing this report's ideal-point fit.
Status LoadProfile(ReportContext& ctx) {
  ProfileDataOptions options;
  options.shared_data_dir = ctx.options->shared_data_dir;
  options.evidence_dir = ctx.options->project_data_dir + "/evidence";
  options.frameworks_dir = ctx.options->project_data_dir + "/frameworks";
  options.store = ctx.store;
  options.years = ctx.years;
  options.ideal_points = ctx.fit ? &*ctx.fit : nullptr;
  auto stored = ProfileData::OpenStored(*ctx.store, *ctx.countries, options);
  if (stored.ok() && stored->stale_reason().empty()) {
    ctx.profile_data = std::move(stored).value();
    ctx.profile_source = "the panel saved in the store by `entente import profile`";
    return Status::Ok();
  }
  if (!stored.ok() && stored.status().code() != Status::Code::kNotFound) return stored.status();
  if (stored.ok()) {
    // Evidence or frameworks changed since the panel was stored: never show
    // numbers from files that no longer say so.
    ctx.notes.push_back("The stored profile panel is out of date (" + stored->stale_reason() +
                        "); this report rebuilt it from the datasets. Run `entente import "
                        "profile` to store the new one.");
  }
  auto built = ProfileData::Build(*ctx.countries, options);
  if (!built.ok()) return built.status();
  ctx.profile_data = std::move(built).value();
  ctx.profile_source = std::string("built from the datasets for this report") +
                       (ctx.fit ? " (UN ideal-point distances from this report's fit)"
                                : " (without UN ideal-point distances: --no-idealpoints)");
  return Status::Ok();
}

Result<bool> CorpusCoded(ReportContext& ctx) {
  auto stmt = ctx.store->database().Prepare(
      "SELECT COUNT(*) FROM opcode_speeches WHERE ?1 = '' OR corpus = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, std::string_view(ctx.options->beliefs_corpus));
  Status status;
  if (!stmt->Step(&status)) {
    if (!status.ok()) return status;
    return false;
  }
  return stmt->Int(0) > 0;
}

// The key LoadBeliefsSide resolves as a country (never as a speaker name).
std::string BeliefsKey(const Country& c) {
  return c.iso3.empty() ? std::to_string(c.ccode) : c.iso3;
}

void MeasureIdealPoints(const ReportContext& ctx, DyadMeasures& m) {
  if (!ctx.fit) return;
  // Each session under the codes the two states voted with in its year
  // (e.g. West Germany, 260, before 1990).
  std::set<std::pair<int, int>> pairs;
  for (const auto& [session, year] : ctx.session_year) {
    auto ca = ctx.countries->CcodeOn(*m.a, MakeDateKey(year, 12, 31));
    auto cb = ctx.countries->CcodeOn(*m.b, MakeDateKey(year, 12, 31));
    if (ca && cb) pairs.emplace(*ca, *cb);
  }
  for (const auto& [ca, cb] : pairs) {
    auto distances = IdealPointDistances(*ctx.fit, ca, cb);
    if (!distances.ok()) continue;  // one of them never voted under this code
    for (const IdealPointDistance& d : *distances) {
      auto year = ctx.session_year.find(d.session);
      if (year == ctx.session_year.end()) continue;
      auto now_a = ctx.countries->CcodeOn(*m.a, MakeDateKey(year->second, 12, 31));
      auto now_b = ctx.countries->CcodeOn(*m.b, MakeDateKey(year->second, 12, 31));
      if (now_a == ca && now_b == cb) m.ideal_distance[year->second] = d;
    }
  }
}

}  // namespace

std::string CountryLabel(const Country& c) {
  return c.name + " (" + ShortKey(c) + ")";
}

Status LoadSharedInputs(ReportContext& ctx) {
  if (Status s = LoadVotes(ctx); !s.ok()) return s;
  if (Status s = LoadMilitary(ctx); !s.ok()) return s;
  if (Status s = LoadProfile(ctx); !s.ok()) return s;
  auto coded = CorpusCoded(ctx);
  if (!coded.ok()) return coded.status();
  ctx.corpus_coded = *coded;
  if (!ctx.corpus_coded) {
    const std::string corpus =
        ctx.options->beliefs_corpus.empty() ? "ungd" : ctx.options->beliefs_corpus;
    ctx.notes.push_back(
        "The speech corpus has not been coded into this store, so the beliefs (operational code) "
        "comparison is empty. Run `entente --store " +
        ctx.store->path() + " opcode --corpus " + ctx.options->shared_data_dir + "/" +
        (corpus == "ungd" ? "ungd" : "speeches") + "` (about a minute), then this report again.");
  }
  return Status::Ok();
}

DyadMeasures MeasureDyad(ReportContext& ctx, const Country& a, const Country& b) {
  DyadMeasures m;
  m.a = &a;
  m.b = &b;
  m.label = a.name + " - " + b.name;
  m.key = ShortKey(a) + "-" + ShortKey(b);
  if (ctx.votes) {
    for (const auto& row : DyadVoteSimilarity(*ctx.votes, *ctx.countries, a, b, VoteGrouping::kYear,
                                              RollCallSubset::kAll)) {
      if (ctx.years.contains(row.period)) m.votes[row.period] = row.similarity;
    }
  }
  MeasureIdealPoints(ctx, m);
  if (ctx.military_data && ctx.framework) {
    m.military =
        ScoreMilitaryDyad(*ctx.military_data, *ctx.countries, *ctx.framework, a, b, ctx.years);
  }
  if (ctx.profile_data) {
    auto profile = ProfileDyad(*ctx.profile_data, *ctx.countries, a, b, ctx.years);
    if (profile.ok()) {
      m.profile = std::move(profile).value();
    } else {
      m.profile_missing = profile.status().message();
    }
  }
  if (!ctx.corpus_coded) {
    m.beliefs_missing = "speeches not coded into the store";
  } else {
    auto beliefs = CompareBeliefs(*ctx.store, *ctx.countries, BeliefsKey(a), BeliefsKey(b),
                                  ctx.years, ctx.options->beliefs_corpus);
    if (beliefs.ok()) {
      m.beliefs = std::move(beliefs).value();
    } else {
      m.beliefs_missing = beliefs.status().message();
    }
  }
  return m;
}

bool AllUnknown(const MilitaryYearScore& score) {
  return std::all_of(score.criteria.begin(), score.criteria.end(),
                     [](const auto& c) { return c.status == CriterionStatus::kUnknown; });
}

}  // namespace entente::report
