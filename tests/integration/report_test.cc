// The HTML report on the real data: the charts and values it must show,
// checked by reading the page back (not just that a file exists).
//
// The store is the real Voeten file (1946-2015) imported once per test binary
// (CopyOfVoetenStore). Expected values come from the libraries directly
// (DyadVoteSimilarity, EstimateIdealPoints, ScoreMilitaryDyad,
// ExplainMilitaryDyad, CompareBeliefs) and from the data files themselves
// (the Voeten file's sha256, an evidence row's URL).
#include "entente/report.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "core/csv_reader.h"
#include "entente/beliefs.h"
#include "entente/dyad_votes.h"
#include "entente/ideal_points.h"
#include "entente/military.h"
#include "entente/paths.h"
#include "entente/profile.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "store/sqlite.h"
#include "support/markup_probe.h"
#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace entente::integration {

std::string CopyOfVoetenStore(const std::string& dir);
const CountryRegistry& SharedCountries();

namespace {

using testing_support::CheckBalanced;
using testing_support::Element;
using testing_support::FindElements;
using testing_support::PlainText;
using testing_support::ScratchDir;

const std::string kData = ENTENTE_SHARED_DATA;

ReportOptions Options(const std::string& a, const std::string& b, YearRange years) {
  ReportOptions o;
  o.a = a;
  o.b = b;
  o.years = years;
  o.shared_data_dir = kData;
  o.project_data_dir = ProjectDataDir();
  o.generated_at = "2026-01-01 00:00 UTC";
  o.ideal_points = false;
  return o;
}

// The part of the page from the element with id `id` to its end.
std::string ById(const std::string& html, const std::string& tag, const std::string& id) {
  auto found = FindElements(html, tag, "id", id);
  if (found.size() != 1) {
    ADD_FAILURE() << "expected one <" << tag << " id=" << id << ">, found " << found.size();
    return "";
  }
  return html.substr(found[0].begin, found[0].end - found[0].begin);
}

// data-y of the points of `series` in chart `svg`, by data-x.
std::map<int, double> Points(const std::string& svg, const std::string& series) {
  std::map<int, double> out;
  for (const Element& p : FindElements(svg, "circle", "class", "point")) {
    if (p.Attr("data-series") != series) continue;
    out[std::stoi(p.Attr("data-x"))] = std::stod(p.Attr("data-y"));
  }
  return out;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = CopyOfVoetenStore(dir_.path().string());
    ASSERT_FALSE(path_.empty());
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_.emplace(std::move(store).value());
  }
  Report Build(const ReportOptions& o) {
    auto report = BuildReport(*store_, SharedCountries(), o);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report.ok() ? std::move(report).value() : Report{};
  }
  ScratchDir dir_{"entente-report"};
  std::string path_;
  std::optional<Store> store_;
};

TEST_F(ReportTest, VotesChartShowsTheValuesTheVotesLibraryComputes) {
  const YearRange years{1965, 2015};
  const Report report = Build(Options("CHN", "RUS", years));
  const std::string svg = ById(report.html, "svg", "votes-similarity");

  auto votes = LoadUngaVotes(*store_, years);
  ASSERT_TRUE(votes.ok());
  const CountryRegistry& countries = SharedCountries();
  const Country* chn = *countries.Find("CHN");
  const Country* rus = *countries.Find("RUS");
  const auto expected =
      DyadVoteSimilarity(*votes, countries, *chn, *rus, VoteGrouping::kYear, RollCallSubset::kAll);
  ASSERT_GT(expected.size(), 40u);
  const auto agree = Points(svg, "agreement");
  const auto s = Points(svg, "S (Signorino-Ritter)");
  const auto kappa = Points(svg, "kappa (Cohen, quadratic)");
  int checked = 0;
  for (const auto& row : expected) {
    ASSERT_TRUE(agree.count(row.period)) << row.period;
    EXPECT_EQ(agree.at(row.period), row.similarity.agree) << row.period;  // exact: round trip
    EXPECT_EQ(s.at(row.period), row.similarity.s) << row.period;
    if (std::isfinite(row.similarity.kappa)) {
      EXPECT_EQ(kappa.at(row.period), row.similarity.kappa) << row.period;
    } else {
      EXPECT_EQ(kappa.count(row.period), 0u) << row.period;
    }
    ++checked;
  }
  EXPECT_EQ(agree.size(), expected.size());  // no point without a value
  // The People's Republic took the UN seat in 1971: no common vote before, a gap, not a zero.
  EXPECT_EQ(agree.count(1965), 0u);
  EXPECT_EQ(agree.count(1970), 0u);
  EXPECT_TRUE(agree.count(1972));
  // The gap shows in the data too: the CSV row of 1965 has empty cells.
  const ReportChart* chart = nullptr;
  for (const auto& c : report.charts) {
    if (c.id == "votes-similarity") chart = &c;
  }
  ASSERT_NE(chart, nullptr);
  std::ostringstream csv;
  RenderTable(chart->data, OutputFormat::kCsv, csv);
  EXPECT_NE(csv.str().find("\n1965,,,,,,\n"), std::string::npos) << csv.str().substr(0, 300);
  EXPECT_GT(checked, 40);
}

TEST_F(ReportTest, IdealPointDistanceEqualsTheEstimatorsDistance) {
  const YearRange years{2008, 2015};
  ReportOptions o = Options("CHN", "RUS", years);
  o.ideal_points = true;
  const Report report = Build(o);
  const std::string svg = ById(report.html, "svg", "votes-idealpoint-distance");
  const auto shown = Points(svg, "distance");

  // The same fit, run here: the estimator is deterministic for a seed.
  auto votes = LoadUngaVotes(*store_, years);
  ASSERT_TRUE(votes.ok());
  IdealPointData data;
  data.ccodes = votes->ccodes;
  for (const auto& rc : votes->roll_calls) data.item_session.push_back(rc.session);
  for (std::size_t v = 0; v < votes->vote_code.size(); ++v) {
    const int code = votes->vote_code[v];
    if (code < 1 || code > 3) continue;
    data.votes.push_back(
        {votes->vote_roll_call[v], votes->vote_country[v], static_cast<std::int8_t>(3 - code)});
  }
  auto fit = EstimateIdealPoints(data);
  ASSERT_TRUE(fit.ok());
  auto distances = IdealPointDistances(*fit, 710, 365);
  ASSERT_TRUE(distances.ok());
  ASSERT_GE(distances->size(), 7u);
  for (const auto& d : *distances) {
    const int year = 1945 + d.session;    // session 63 opened in September 2008
    if (!years.contains(year)) continue;  // session 62 opened in 2007, voted in 2008 too
    ASSERT_TRUE(shown.count(year)) << "session " << d.session;
    EXPECT_EQ(shown.at(year), d.distance) << "session " << d.session;
  }
  EXPECT_EQ(shown.size(), 8u);  // sessions 63-70
}

TEST_F(ReportTest, MilitaryTimelineListsEveryCriterionWithItsEvidenceAndSources) {
  const YearRange years{1991, 2025};
  const Report report = Build(Options("CHN", "RUS", years));
  const CountryRegistry& countries = SharedCountries();
  auto framework = LoadMilitaryFramework("korolev", ProjectDataDir() + "/frameworks");
  ASSERT_TRUE(framework.ok());
  MilitaryDataOptions mo;
  mo.shared_data_dir = kData;
  mo.evidence_dir = ProjectDataDir() + "/evidence/military";
  auto data = MilitaryData::Load(countries, mo);
  ASSERT_TRUE(data.ok());
  const auto scores = ScoreMilitaryDyad(*data, countries, *framework, **countries.Find("CHN"),
                                        **countries.Find("RUS"), years);

  // The timeline: one row per criterion, each year's state as scored.
  const std::string timeline = ById(report.html, "svg", "military-criteria");
  for (std::size_t c = 0; c < framework->criteria.size(); ++c) {
    const std::string id(MilitaryCriterionId(framework->criteria[c].id));
    auto rows = FindElements(timeline, "g", "data-row", id);
    ASSERT_EQ(rows.size(), 1u) << id;
    const std::string row = timeline.substr(rows[0].begin, rows[0].end - rows[0].begin);
    for (const MilitaryYearScore& s : scores) {
      const CriterionStatus status = s.criteria[c].status;
      const std::string want = status == CriterionStatus::kMet      ? "met"
                               : status == CriterionStatus::kNotMet ? "not_met"
                                                                    : "unknown";
      int covering = 0;
      for (const Element& span : FindElements(row, "rect", "class", "span")) {
        if (std::stoi(span.Attr("data-from")) <= s.year &&
            s.year <= std::stoi(span.Attr("data-to"))) {
          ++covering;
          EXPECT_EQ(span.Attr("data-state"), want) << id << " " << s.year;
        }
      }
      EXPECT_EQ(covering, 1) << id << " " << s.year;
    }
  }

  // The level chart: the scored levels, year by year.
  const auto levels = Points(ById(report.html, "svg", "military-level"),
                             "level (unknown criteria counted as not met)");
  for (const MilitaryYearScore& s : scores) {
    const bool all_unknown = std::all_of(s.criteria.begin(), s.criteria.end(), [](const auto& c) {
      return c.status == CriterionStatus::kUnknown;
    });
    if (all_unknown) {
      EXPECT_EQ(levels.count(s.year), 0u) << s.year << ": no source, so a gap";
      continue;
    }
    ASSERT_TRUE(levels.count(s.year)) << s.year;
    EXPECT_EQ(levels.at(s.year), s.level) << s.year;
  }

  // The evidence: every cited item ExplainMilitaryDyad gives is listed with its URL...
  const std::string evidence = ById(report.html, "div", "military-evidence");
  auto shown_rows = FindElements(evidence, "tr", "class", "evidence-row");
  std::set<std::string> shown_urls;
  for (const Element& r : shown_rows) shown_urls.insert(r.Attr("data-url"));
  int cited = 0;
  for (const auto& row : ExplainMilitaryDyad(*data, countries, *framework, **countries.Find("CHN"),
                                             **countries.Find("RUS"), years)) {
    if (row.url.empty()) continue;
    EXPECT_TRUE(shown_urls.count(row.url)) << row.criterion << ": " << row.url;
    ++cited;
  }
  EXPECT_GT(cited, 5);
  // ... as a link, e.g. the first joint exercise in the team's evidence file.
  std::ifstream file(ProjectDataDir() + "/evidence/military/chn_rus.csv");
  std::string line, url;
  while (std::getline(file, line)) {
    if (line.find("Peace Mission 2005") != std::string::npos)
      url = line.substr(line.rfind(',') + 1);
  }
  ASSERT_FALSE(url.empty()) << "the evidence file no longer lists Peace Mission 2005";
  EXPECT_NE(evidence.find("<a href=\"" + url + "\">"), std::string::npos) << url;
  // Each criterion has its own block, met ones open.
  for (const auto& c : framework->criteria) {
    EXPECT_EQ(
        FindElements(evidence, "details", "data-criterion", std::string(MilitaryCriterionId(c.id)))
            .size(),
        1u);
  }
}

TEST_F(ReportTest, ProvenanceListsTheVoetenFilesChecksum) {
  const Report report = Build(Options("CHN", "RUS", {2000, 2015}));
  auto bytes = internal::ReadWholeFile(kData + "/unga/voeten_votes_1946_2015.csv");
  ASSERT_TRUE(bytes.ok());
  const std::string sha = internal::Sha256Hex(*bytes);
  const std::string imports = ById(report.html, "div", "provenance-imports");
  EXPECT_NE(PlainText(imports).find(sha), std::string::npos);
  EXPECT_NE(imports.find("voeten_votes_1946_2015.csv"), std::string::npos);
  // Files read at query time carry their checksums too (the ATOP file here).
  auto atop = internal::ReadWholeFile(kData + "/atop/atop5_dyad_year.csv");
  ASSERT_TRUE(atop.ok());
  EXPECT_NE(ById(report.html, "div", "provenance-files").find(internal::Sha256Hex(*atop)),
            std::string::npos);
  EXPECT_NE(PlainText(ById(report.html, "strong", "entente-version")), "");
}

TEST_F(ReportTest, SelfContainedAndWellFormed) {
  const Report report = Build(Options("CHN", "RUS", {2000, 2015}));
  const std::string& html = report.html;
  EXPECT_EQ(CheckBalanced(html), "");
  // Nothing to fetch: no scripts, stylesheets, images, frames or fonts.
  for (const char* tag : {"<script", "<link", "<img", "<iframe", "<object", "<embed"}) {
    EXPECT_EQ(html.find(tag), std::string::npos) << tag;
  }
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  // Every chart is in the page as inline SVG, and every one has data.
  for (const ReportChart& chart : report.charts) {
    if (chart.id == "comparison-table") continue;
    EXPECT_EQ(FindElements(html, "svg", "id", chart.id).size(), 1u) << chart.id;
    EXPECT_FALSE(chart.data.rows.empty()) << chart.id;
  }
}

TEST_F(ReportTest, UncodedCorpusIsSaidWithTheCommandToRun) {
  const Report report = Build(Options("CHN", "RUS", {2000, 2015}));
  const std::string beliefs = ById(report.html, "section", "beliefs");
  EXPECT_NE(beliefs.find("has not been coded"), std::string::npos);
  EXPECT_NE(beliefs.find("opcode --corpus"), std::string::npos);
  EXPECT_TRUE(FindElements(beliefs, "svg").empty());
}

// Beliefs, from hand-made attribution counts written into the store the way
// `entente opcode --corpus` writes them: the bars show CompareBeliefs' values.
TEST_F(ReportTest, BeliefsBarsShowTheBeliefsLibrarysValues) {
  {
    auto db = internal::Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO imports (kind, file, sha256, rows_read, rows_accepted, "
                         "rows_rejected, imported_at, note) VALUES ('opcode-test', 'hand-made', "
                         "'test-fixture', 2, 2, 0, '2026-01-01T00:00:00Z', '')")
                    .ok());
    const std::string insert =
        "INSERT INTO opcode_speeches (corpus, doc, iso3, ccode, year, speaker, words, sentences, "
        "verbs, s_m3, s_m2, s_m1, s_0, s_p1, s_p2, s_p3, o_m3, o_m2, o_m1, o_0, o_p1, o_p2, o_p3, "
        "s_0_deeds, o_0_deeds, reliable, not_english, import_id) VALUES ";
    ASSERT_TRUE(db->Exec(insert +
                         "('ungd', 'a', 'CHN', 710, 2010, 'x', 3000, 100, 60, 1, 2, 3, 4, 10, 8, "
                         "2, 2, 3, 5, 6, 4, 2, 1, 1, 1, 1, 0, (SELECT max(id) FROM imports))")
                    .ok());
    ASSERT_TRUE(db->Exec(insert +
                         "('ungd', 'b', 'RUS', 365, 2012, 'y', 2500, 90, 50, 3, 3, 2, 5, 6, 4, "
                         "1, 4, 4, 4, 3, 2, 2, 1, 0, 0, 1, 0, (SELECT max(id) FROM imports))")
                    .ok());
  }
  const YearRange years{2005, 2015};
  const Report report = Build(Options("CHN", "RUS", years));
  auto expected = CompareBeliefs(*store_, SharedCountries(), "CHN", "RUS", years, "ungd");
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  const std::string svg = ById(report.html, "svg", "beliefs-master");
  auto p1 = FindElements(svg, "g", "data-group", "P-1");
  ASSERT_EQ(p1.size(), 1u);
  auto bars =
      FindElements(svg.substr(p1[0].begin, p1[0].end - p1[0].begin), "rect", "class", "bar");
  ASSERT_EQ(bars.size(), 2u);
  EXPECT_EQ(std::stod(bars[0].Attr("data-value")), expected->a.indices.p1);
  EXPECT_EQ(std::stod(bars[1].Attr("data-value")), expected->b.indices.p1);
  // By year: CHN has a point in 2010 only, RUS in 2012 only; the other years are gaps.
  const std::string by_year = ById(report.html, "svg", "beliefs-i1-by-year");
  const auto chn = Points(by_year, expected->a.label);
  ASSERT_EQ(chn.size(), 1u);
  EXPECT_EQ(chn.begin()->first, 2010);
  const std::string verdict = PlainText(ById(report.html, "p", "beliefs-verdict"));
  EXPECT_NE(verdict.find(expected->congruent ? "are congruent" : "not congruent"),
            std::string::npos)
      << verdict;
}

TEST_F(ReportTest, ProfileChartsShowTheProfileLibrarysIndices) {
  const YearRange years{1995, 2014};
  const Report report = Build(Options("CHN", "RUS", years));
  ProfileDataOptions po;
  po.shared_data_dir = kData;
  po.evidence_dir = ProjectDataDir() + "/evidence";
  po.frameworks_dir = ProjectDataDir() + "/frameworks";
  po.store = &*store_;
  po.years = years;
  auto data = ProfileData::Build(SharedCountries(), po);
  ASSERT_TRUE(data.ok()) << data.status().message();
  const CountryRegistry& countries = SharedCountries();
  auto profile =
      ProfileDyad(*data, countries, **countries.Find("CHN"), **countries.Find("RUS"), years);
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  ASSERT_EQ(profile->rows.size(), 20u);

  const std::string svg = ById(report.html, "svg", "profile-dimensions");
  for (int d = 0; d < kAlignmentDimensionCount; ++d) {
    const std::string name(ProfileDimensionId(static_cast<ProfileDimension>(d)));
    const auto shown = Points(svg, name);
    for (const ProfileYear& y : profile->rows) {
      if (y.index[d]) {
        ASSERT_TRUE(shown.count(y.year)) << name << " " << y.year;
        EXPECT_EQ(shown.at(y.year), *y.index[d]) << name << " " << y.year;
      } else {
        EXPECT_EQ(shown.count(y.year), 0u) << name << " " << y.year << ": missing is a gap";
      }
    }
  }
  const auto composite = Points(svg, "composite");
  int with_composite = 0;
  for (const ProfileYear& y : profile->rows) {
    if (!y.composite) continue;
    ++with_composite;
    EXPECT_EQ(composite.at(y.year), *y.composite) << y.year;
  }
  EXPECT_GT(with_composite, 10);
  // The classification timeline: each year's class as the library decided it.
  const std::string timeline = ById(report.html, "svg", "profile-classification");
  for (const ProfileYear& y : profile->rows) {
    int covering = 0;
    for (const Element& span : FindElements(timeline, "rect", "class", "span")) {
      if (std::stoi(span.Attr("data-from")) <= y.year &&
          y.year <= std::stoi(span.Attr("data-to"))) {
        ++covering;
        EXPECT_EQ(span.Attr("data-state"), std::string(AlignmentClassId(y.alignment))) << y.year;
      }
    }
    EXPECT_EQ(covering, 1) << y.year;
  }
}

// A profile panel stored by `entente import profile` is used while its
// evidence is unchanged; once an evidence file changes the report rebuilds
// the panel and says so, never showing numbers the files no longer support.
TEST_F(ReportTest, UsesTheStoredProfilePanelUnlessItIsStale) {
  const YearRange years{2005, 2014};
  ProfileDataOptions po;
  po.shared_data_dir = kData;
  po.evidence_dir = ProjectDataDir() + "/evidence";
  po.frameworks_dir = ProjectDataDir() + "/frameworks";
  po.store = &*store_;
  po.years = years;
  auto data = ProfileData::Build(SharedCountries(), po);
  ASSERT_TRUE(data.ok()) << data.status().message();
  ASSERT_TRUE(SaveProfilePanel(*store_, *data).ok());

  Report fresh = Build(Options("CHN", "RUS", years));
  EXPECT_NE(fresh.html.find("the panel saved in the store"), std::string::npos);
  for (const auto& note : fresh.notes) EXPECT_EQ(note.find("out of date"), std::string::npos);

  // The same project data with one leader meeting fewer.
  namespace fs = std::filesystem;
  const fs::path copy = dir_.path() / "project-data";
  fs::copy(ProjectDataDir(), copy, fs::copy_options::recursive);
  const fs::path meetings = copy / "evidence/personal/leader_meetings.csv";
  std::ifstream in(meetings);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  in.close();
  ASSERT_GT(lines.size(), 2u);
  lines.pop_back();
  std::ofstream out(meetings, std::ios::trunc);
  for (const auto& line : lines) out << line << "\n";
  out.close();

  ReportOptions o = Options("CHN", "RUS", years);
  o.project_data_dir = copy.string();
  Report stale = Build(o);
  EXPECT_NE(stale.html.find("built from the datasets"), std::string::npos);
  bool noted = false;
  for (const auto& note : stale.notes)
    noted = noted || note.find("out of date") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST_F(ReportTest, ComparisonHasOneRowPerDyadAndDataOutOneCsvPerChart) {
  ReportOptions o = Options("CHN", "RUS", {1990, 2015});
  auto compare = ParseDyadList("USA-AUS, USA-IND", SharedCountries());
  ASSERT_TRUE(compare.ok()) << compare.status().message();
  o.compare = *compare;
  const Report report = Build(o);
  const std::string table = ById(report.html, "div", "comparison-table");
  const std::string text = PlainText(table);
  for (const char* dyad : {"CHN-RUS", "USA-AUS", "USA-IND"}) {
    EXPECT_NE(text.find(dyad), std::string::npos) << dyad;
  }
  EXPECT_EQ(FindElements(table, "tr").size(), 4u);  // header + three dyads
  const auto agreement = ById(report.html, "svg", "compare-agreement");
  EXPECT_EQ(Points(agreement, "USA-AUS").size(), 26u);  // both voted every year 1990-2015

  ScratchDir out{"entente-report-data"};
  ASSERT_TRUE(WriteReportData(report, out.path().string()).ok());
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out.path())) {
    ++files;
    EXPECT_EQ(entry.path().extension(), ".csv");
  }
  EXPECT_EQ(files, report.charts.size());
  std::ifstream votes(out / "votes-similarity.csv");
  std::string header;
  std::getline(votes, header);
  EXPECT_EQ(header, "year,n,agree,s,s2,pi,kappa");
}

TEST(ReportDyadListTest, ParsesKeysWithDashesAndRejectsBadDyads) {
  const CountryRegistry& countries = SharedCountries();
  auto parsed = ParseDyadList("Guinea-Bissau-USA,CHN-RUS", countries);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].first, "Guinea-Bissau");
  EXPECT_EQ((*parsed)[0].second, "USA");
  for (const char* bad : {"USA", "USA-", "USA-XXQ", "USA-AUS,,CHN-RUS", ""}) {
    auto r = ParseDyadList(bad, countries);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kUsage) << bad;
    }
  }
}

// Property: any list of real keys joined as A-B,C-D parses back to the same
// pairs (names with spaces and dashes included); random text never crashes
// and, when accepted, yields only pairs of known countries.
TEST(ReportDyadListTest, RoundTripsRandomDyadsAndSurvivesRandomText) {
  const CountryRegistry& countries = SharedCountries();
  std::vector<std::string> keys;
  for (const Country& c : countries.all()) {
    if (c.ccode == 0) continue;
    keys.push_back(c.iso3.empty() ? std::to_string(c.ccode) : c.iso3);
    if (c.name.find('-') != std::string::npos) keys.push_back(c.name);  // "Guinea-Bissau"
  }
  std::mt19937 rng(20261123);
  auto pick = [&] {
    return keys[std::uniform_int_distribution<std::size_t>(0, keys.size() - 1)(rng)];
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::pair<std::string, std::string>> want;
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) {
      want.emplace_back(pick(), pick());
      text += (i ? "," : "") + want.back().first + "-" + want.back().second;
    }
    auto got = ParseDyadList(text, countries);
    if (!got.ok() && text.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
      // A name with a dash can split two ways ("Guinea" is a country too):
      // that must be reported as ambiguous, never guessed.
      EXPECT_NE(got.status().message().find("ambiguous"), std::string::npos) << text;
      continue;
    }
    ASSERT_TRUE(got.ok()) << text << ": " << got.status().message();
    ASSERT_EQ(got->size(), want.size()) << text;
    for (std::size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(*countries.Find((*got)[i].first), *countries.Find(want[i].first)) << text;
      EXPECT_EQ(*countries.Find((*got)[i].second), *countries.Find(want[i].second)) << text;
    }
  }
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZab -,0123456789";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 24);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    auto got = ParseDyadList(text, countries);
    if (!got.ok()) {
      EXPECT_EQ(got.status().code(), Status::Code::kUsage) << text;
      continue;
    }
    for (const auto& [a, b] : *got) {
      EXPECT_TRUE(countries.Find(a).ok()) << text;
      EXPECT_TRUE(countries.Find(b).ok()) << text;
    }
  }
}

using CliRun = testing_support::CommandRun;
constexpr auto Entente = testing_support::RunEntente;

TEST_F(ReportTest, CommandWritesTheFilePrintsItsPathAndRejectsBadInput) {
  const std::string out = (dir_.path() / "r.html").string();
  const std::string data = (dir_.path() / "data").string();
  CliRun run =
      Entente("--store " + path_ + " report CHN RUS --years 2005:2015 --no-idealpoints --out " +
              out + " --data-out " + data);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("report written: " + out), std::string::npos) << run.out;
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
  EXPECT_TRUE(std::filesystem::exists(data + "/military-level.csv"));

  run = Entente("--store " + path_ + " report CHN XXQ --out " + out + ".2");
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_FALSE(std::filesystem::exists(out + ".2"));
  run = Entente("--store " + path_ + " report CHN RUS --compare USA --out " + out + ".3");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("'USA' is not a dyad"), std::string::npos) << run.out;
  run = Entente("--store " + path_ + " report CHN CHN --out " + out + ".4");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  run = Entente("--store " + path_ + " report CHN RUS --years 2020:2010");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  run = Entente("report --help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("Examples:"), std::string::npos);
}

}  // namespace
}  // namespace entente::integration
