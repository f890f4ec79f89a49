// VoteMatrix (the server's fast path for one dyad) against DyadVoteSimilarity
// (the command line's path, itself checked against a reference in
// votes_reference_test.cc) on the real Voeten data: every dyad below, every
// subset, both groupings, whole and partial year ranges, must agree exactly.
#include "entente/vote_matrix.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "entente/dyad_votes.h"
#include "entente/store.h"
#include "entente/unga.h"
#include "support/scratch_dir.h"

namespace entente::integration {

// Defined in unga_import_test.cc.
const CountryRegistry& SharedCountries();
std::string CopyOfVoetenStore(const std::string& dir);

namespace {

void ExpectSame(const std::vector<DyadPeriodSimilarity>& want,
                const std::vector<DyadPeriodSimilarity>& got, const std::string& what) {
  ASSERT_EQ(want.size(), got.size()) << what;
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(what + " period " + std::to_string(want[i].period));
    EXPECT_EQ(want[i].period, got[i].period);
    EXPECT_EQ(want[i].ccode_a, got[i].ccode_a);
    EXPECT_EQ(want[i].ccode_b, got[i].ccode_b);
    const VoteSimilarity& w = want[i].similarity;
    const VoteSimilarity& g = got[i].similarity;
    EXPECT_EQ(w.n, g.n);
    // Same table, same formulas: bit-for-bit equal, NaN where undefined.
    for (auto [x, y] : {std::pair{w.agree, g.agree},
                        {w.s, g.s},
                        {w.s_squared, g.s_squared},
                        {w.pi, g.pi},
                        {w.kappa, g.kappa}}) {
      if (std::isnan(x)) {
        EXPECT_TRUE(std::isnan(y));
      } else {
        EXPECT_EQ(x, y);
      }
    }
  }
}

TEST(VoteMatrixTest, AgreesWithDyadVoteSimilarityOnVoetenData) {
  testing_support::ScratchDir dir("entente-vote-matrix");
  const std::string path = CopyOfVoetenStore(dir.path().string());
  ASSERT_FALSE(path.empty());
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const CountryRegistry& countries = SharedCountries();
  auto all = LoadUngaVotes(*store, YearRange{});
  ASSERT_TRUE(all.ok()) << all.status().message();
  const VoteMatrix matrix(*all);
  EXPECT_EQ(matrix.first_year(), 1946);
  EXPECT_EQ(matrix.last_year(), 2015);

  // Dyads with lineages (DEU: 260 then 255; YEM: 678 then 679; RUS: 365)
  // and plain ones.
  const std::vector<std::pair<std::string, std::string>> dyads = {
      {"CHN", "RUS"}, {"USA", "ISR"}, {"DEU", "FRA"}, {"YEM", "SAU"},
      {"IND", "PAK"}, {"USA", "AUS"}, {"RUS", "USA"}};
  const std::vector<YearRange> ranges = {{1946, 2015}, {1985, 1995}, {2010, 2010}};
  for (const auto& [ka, kb] : dyads) {
    auto a = countries.Find(ka);
    auto b = countries.Find(kb);
    ASSERT_TRUE(a.ok() && b.ok()) << ka << " " << kb;
    for (const YearRange& years : ranges) {
      // The command line loads only the years asked; so does the reference here.
      auto loaded = LoadUngaVotes(*store, years);
      ASSERT_TRUE(loaded.ok());
      for (int k = 0; k < kRollCallSubsetCount; ++k) {
        const auto subset = static_cast<RollCallSubset>(k);
        for (VoteGrouping grouping : {VoteGrouping::kYear, VoteGrouping::kSession}) {
          const std::string what = ka + "-" + kb + " " + std::to_string(years.first) + ":" +
                                   std::to_string(years.last) + " " + RollCallSubsetName(subset) +
                                   (grouping == VoteGrouping::kYear ? " by year" : " by session");
          ExpectSame(DyadVoteSimilarity(*loaded, countries, **a, **b, grouping, subset),
                     matrix.Dyad(countries, **a, **b, grouping, subset, years), what);
        }
      }
    }
  }
}

TEST(VoteMatrixTest, EmptyVotesGiveNoRows) {
  const CountryRegistry& countries = SharedCountries();
  const VoteMatrix matrix{UngaVotes{}};
  auto a = countries.Find("CHN");
  auto b = countries.Find("RUS");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(matrix.first_year(), 0);
  EXPECT_TRUE(
      matrix.Dyad(countries, **a, **b, VoteGrouping::kYear, RollCallSubset::kAll, YearRange{})
          .empty());
}

}  // namespace
}  // namespace entente::integration
