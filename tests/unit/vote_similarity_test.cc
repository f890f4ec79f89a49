// MeasureSimilarity on hand-worked vote tables, the undefined cases the
// header documents, and properties over many random tables.
//
// Formulas (docs/METHODS.md "Vote similarity"; /work/shared/METHODS.md sec. 3),
// for a 3x3 table o[a][b] of counts, categories yes = 0, abstain = 1, no = 2,
// n = sum of all cells, d = |a - b|:
//   agree = sum_k o[k][k] / n
//   S     = 1 - 2 * sum o*d   / (n * 2)       (Signorino & Ritter, dmax = 2)
//   S2    = 1 - 2 * sum o*d^2 / (n * 4)       (squared distance, dmax^2 = 4)
//   pi    = (agree - pe) / (1 - pe), pe = sum_k ((row_k + col_k) / 2n)^2
//   kappa = 1 - sum w*o/n / sum w*(row_a/n)(col_b/n), w = (d/2)^2
#include "entente/vote_similarity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

namespace entente {
namespace {

constexpr double kTol = 1e-12;

VoteTable MakeTable(std::int64_t yy, std::int64_t ya, std::int64_t yn,  //
                    std::int64_t ay, std::int64_t aa, std::int64_t an,  //
                    std::int64_t ny, std::int64_t na, std::int64_t nn) {
  VoteTable t;
  t.counts = {{{yy, ya, yn}, {ay, aa, an}, {ny, na, nn}}};
  return t;
}

std::string Describe(const VoteTable& t) {
  std::string out = "table {";
  for (int a = 0; a < kVoteCategories; ++a) {
    out += a ? " | " : "";
    for (int b = 0; b < kVoteCategories; ++b) {
      out += (b ? " " : "") + std::to_string(t.counts[a][b]);
    }
  }
  return out + "}";
}

// Both NaN, or equal within `tol`.
void ExpectSame(double expected, double actual, double tol, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << what << ": expected missing (NaN), got " << actual;
  } else {
    EXPECT_NEAR(expected, actual, tol) << what;
  }
}

TEST(VoteTableTest, CountsAndTransposes) {
  const VoteTable t = MakeTable(5, 1, 1, 0, 1, 0, 1, 0, 1);
  EXPECT_EQ(t.n(), 10);
  const VoteTable u = t.Transposed();
  EXPECT_EQ(u.n(), 10);
  for (int a = 0; a < kVoteCategories; ++a) {
    for (int b = 0; b < kVoteCategories; ++b) {
      EXPECT_EQ(u.counts[a][b], t.counts[b][a]) << a << "," << b;
      EXPECT_EQ(u.Transposed().counts[a][b], t.counts[a][b]) << a << "," << b;
    }
  }
  EXPECT_EQ(VoteTable{}.n(), 0);
}

// A 10-vote year, worked by hand.
//
//              B yes  B abs  B no   | row (A)
//     A yes      5      1      1    |   7
//     A abs      0      1      0    |   1
//     A no       1      0      1    |   2
//     col (B)    6      2      2    |  10
//
// agree = (5 + 1 + 1) / 10 = 0.7
// sum o*d   = 1*1 (yes-abs) + 1*2 (yes-no) + 1*2 (no-yes) = 5
//   S  = 1 - 2*5 / (10*2) = 0.5
// sum o*d^2 = 1*1 + 1*4 + 1*4 = 9
//   S2 = 1 - 2*9 / (10*4) = 0.55
// pooled shares: yes 13/20 = .65, abs 3/20 = .15, no 4/20 = .20
//   pe = .4225 + .0225 + .04 = .485;  pi = (.7 - .485) / (1 - .485) = .215/.515 = 43/103
// kappa, w = 1/4 for d = 1 and 1 for d = 2; row shares (.7 .1 .2), col shares (.6 .2 .2):
//   observed = (1*.25 + 1*1 + 1*1) / 10 = .225
//   expected d=1: .7*.2 + .1*.6 + .1*.2 + .2*.2 = .26 -> * .25 = .065
//            d=2: .7*.2 + .2*.6 = .26            -> * 1   = .26;   total .325
//   kappa = 1 - .225/.325 = 1 - 9/13 = 4/13
TEST(MeasureSimilarityTest, TenVoteYearByHand) {
  const VoteSimilarity s = MeasureSimilarity(MakeTable(5, 1, 1, 0, 1, 0, 1, 0, 1));
  EXPECT_EQ(s.n, 10);
  EXPECT_NEAR(s.agree, 0.7, kTol);
  EXPECT_NEAR(s.s, 0.5, kTol);
  EXPECT_NEAR(s.s_squared, 0.55, kTol);
  EXPECT_NEAR(s.pi, 43.0 / 103.0, kTol);
  EXPECT_NEAR(s.kappa, 4.0 / 13.0, kTol);
}

// A 20-vote year with every cell used.
//
//              B yes  B abs  B no   | row
//     A yes      8      2      1    |  11
//     A abs      1      2      1    |   4
//     A no       1      1      3    |   5
//     col       10      5      5    |  20
//
// agree = 13/20 = .65
// sum o*d:   d=1 cells (y,a)2 (a,y)1 (a,n)1 (n,a)1 = 5; d=2 cells (y,n)1 (n,y)1 = 2 -> 5 + 4 = 9
//   S = 1 - 2*9/(20*2) = 1 - .45 = .55
// sum o*d^2: 5*1 + 2*4 = 13;  S2 = 1 - 2*13/(20*4) = 1 - .325 = .675
// pooled: yes 21/40, abs 9/40, no 10/40; pe = (441 + 81 + 100)/1600 = 622/1600 = .38875
//   pi = (.65 - .38875)/(1 - .38875) = .26125/.61125 = 209/489
// kappa: observed = (5*.25 + 2*1)/20 = 3.25/20 = .1625
//   row shares (.55 .2 .25), col shares (.5 .25 .25)
//   d=1: .55*.25 + .2*.5 + .2*.25 + .25*.25 = .1375 + .1 + .05 + .0625 = .35 -> *.25 = .0875
//   d=2: .55*.25 + .25*.5 = .1375 + .125 = .2625                            -> *1   = .2625
//   expected = .35;  kappa = 1 - .1625/.35 = 1 - 13/28 = 15/28
TEST(MeasureSimilarityTest, TwentyVoteYearEveryCellByHand) {
  const VoteSimilarity s = MeasureSimilarity(MakeTable(8, 2, 1, 1, 2, 1, 1, 1, 3));
  EXPECT_EQ(s.n, 20);
  EXPECT_NEAR(s.agree, 0.65, kTol);
  EXPECT_NEAR(s.s, 0.55, kTol);
  EXPECT_NEAR(s.s_squared, 0.675, kTol);
  EXPECT_NEAR(s.pi, 209.0 / 489.0, kTol);
  EXPECT_NEAR(s.kappa, 15.0 / 28.0, kTol);
}

// Ties in agreement: two 10-vote tables with 8 identical votes each. S tells
// them apart because a yes-no split is twice as far as a yes-abstain split.
//   T1: 8 yes-yes, 2 yes-abstain. S = 1 - 2*2/20 = .8,  S2 = 1 - 2*2/40 = .9
//   T2: 8 yes-yes, 2 yes-no.      S = 1 - 2*4/20 = .6,  S2 = 1 - 2*8/40 = .6
// pi: T1 pooled yes 18/20, abs 2/20: pe = .81 + .01 = .82, pi = (.8-.82)/.18 = -1/9;
//     T2 pooled yes 18/20, no 2/20: the same shares, so the same pi (pi ignores distance).
// kappa: A votes yes throughout, so the expected table equals the observed
//     one (row shares (1 0 0)): kappa = 0 in both.
TEST(MeasureSimilarityTest, TiedAgreementSeparatedByDistance) {
  const VoteSimilarity t1 = MeasureSimilarity(MakeTable(8, 2, 0, 0, 0, 0, 0, 0, 0));
  const VoteSimilarity t2 = MeasureSimilarity(MakeTable(8, 0, 2, 0, 0, 0, 0, 0, 0));
  EXPECT_NEAR(t1.agree, 0.8, kTol);
  EXPECT_NEAR(t2.agree, 0.8, kTol);
  EXPECT_NEAR(t1.s, 0.8, kTol);
  EXPECT_NEAR(t2.s, 0.6, kTol);
  EXPECT_NEAR(t1.s_squared, 0.9, kTol);
  EXPECT_NEAR(t2.s_squared, 0.6, kTol);
  EXPECT_NEAR(t1.pi, -1.0 / 9.0, kTol);
  EXPECT_NEAR(t2.pi, -1.0 / 9.0, kTol);
  EXPECT_NEAR(t1.kappa, 0.0, kTol);
  EXPECT_NEAR(t2.kappa, 0.0, kTol);
}

// Tied marginals: each state uses the three categories equally often (2 each),
// agreeing on half of the 6 votes.
//
//              B yes  B abs  B no
//     A yes      1      1      0
//     A abs      0      1      1
//     A no       1      0      1
//
// agree = 3/6 = .5; sum o*d = 1 + 1 + 2 = 4 -> S = 1 - 8/12 = 1/3;
// sum o*d^2 = 1 + 1 + 4 = 6 -> S2 = 1 - 12/24 = .5
// pooled 1/3 each: pe = 1/3, pi = (1/2 - 1/3)/(2/3) = 1/4
// kappa: all shares 1/3; expected = (4 cells d=1 * 1/4 + 2 cells d=2 * 1) / 9 = 3/9 = 1/3
//   observed = (1*.25 + 1*.25 + 1*1)/6 = 1.5/6 = .25;  kappa = 1 - .25/(1/3) = .25
TEST(MeasureSimilarityTest, TiedMarginalsByHand) {
  const VoteSimilarity s = MeasureSimilarity(MakeTable(1, 1, 0, 0, 1, 1, 1, 0, 1));
  EXPECT_EQ(s.n, 6);
  EXPECT_NEAR(s.agree, 0.5, kTol);
  EXPECT_NEAR(s.s, 1.0 / 3.0, kTol);
  EXPECT_NEAR(s.s_squared, 0.5, kTol);
  EXPECT_NEAR(s.pi, 0.25, kTol);
  EXPECT_NEAR(s.kappa, 0.25, kTol);
}

// A one-vote year where both vote yes: agreement and S are 1, but chance
// agreement is 1 as well, so pi (0/0) and kappa (0/0) are undefined.
TEST(MeasureSimilarityTest, OneVoteYearBothYesLeavesPiAndKappaMissing) {
  const VoteSimilarity s = MeasureSimilarity(MakeTable(1, 0, 0, 0, 0, 0, 0, 0, 0));
  EXPECT_EQ(s.n, 1);
  EXPECT_DOUBLE_EQ(s.agree, 1.0);
  EXPECT_DOUBLE_EQ(s.s, 1.0);
  EXPECT_DOUBLE_EQ(s.s_squared, 1.0);
  EXPECT_TRUE(std::isnan(s.pi)) << s.pi;
  EXPECT_TRUE(std::isnan(s.kappa)) << s.kappa;
}

// A one-vote year, yes against no:
//   agree 0; S = 1 - 2*2/(1*2) = -1; S2 = 1 - 2*4/(1*4) = -1;
//   pooled yes .5, no .5: pe = .5, pi = (0 - .5)/.5 = -1;
//   kappa: observed = 1 (w = 1), expected = 1 * (1 * 1) = 1 -> kappa = 0.
TEST(MeasureSimilarityTest, OneVoteYearYesAgainstNo) {
  for (const VoteTable& t :
       {MakeTable(0, 0, 1, 0, 0, 0, 0, 0, 0), MakeTable(0, 0, 0, 0, 0, 0, 1, 0, 0)}) {
    const VoteSimilarity s = MeasureSimilarity(t);
    EXPECT_EQ(s.n, 1) << Describe(t);
    EXPECT_DOUBLE_EQ(s.agree, 0.0) << Describe(t);
    EXPECT_DOUBLE_EQ(s.s, -1.0) << Describe(t);
    EXPECT_DOUBLE_EQ(s.s_squared, -1.0) << Describe(t);
    EXPECT_NEAR(s.pi, -1.0, kTol) << Describe(t);
    EXPECT_NEAR(s.kappa, 0.0, kTol) << Describe(t);
  }
}

// Opposite votes throughout on two categories (3 yes-no, 3 no-yes):
//   agree 0, S = S2 = -1, pooled .5/.5 so pi = -1;
//   kappa: observed 1, expected = 1 * (.5*.5 + .5*.5) = .5 -> kappa = 1 - 2 = -1.
TEST(MeasureSimilarityTest, OppositeVotesThroughout) {
  const VoteSimilarity s = MeasureSimilarity(MakeTable(0, 0, 3, 0, 0, 0, 3, 0, 0));
  EXPECT_DOUBLE_EQ(s.agree, 0.0);
  EXPECT_DOUBLE_EQ(s.s, -1.0);
  EXPECT_DOUBLE_EQ(s.s_squared, -1.0);
  EXPECT_NEAR(s.pi, -1.0, kTol);
  EXPECT_NEAR(s.kappa, -1.0, kTol);
}

// Identical voting that uses more than one category: every measure is 1.
TEST(MeasureSimilarityTest, IdenticalVotingAcrossCategoriesIsOne) {
  for (const VoteTable& t :
       {MakeTable(5, 0, 0, 0, 2, 0, 0, 0, 3), MakeTable(4, 0, 0, 0, 0, 0, 0, 0, 1),
        MakeTable(0, 0, 0, 0, 7, 0, 0, 0, 2), MakeTable(1, 0, 0, 0, 1, 0, 0, 0, 1)}) {
    const VoteSimilarity s = MeasureSimilarity(t);
    EXPECT_DOUBLE_EQ(s.agree, 1.0) << Describe(t);
    EXPECT_DOUBLE_EQ(s.s, 1.0) << Describe(t);
    EXPECT_DOUBLE_EQ(s.s_squared, 1.0) << Describe(t);
    EXPECT_NEAR(s.pi, 1.0, kTol) << Describe(t);
    EXPECT_NEAR(s.kappa, 1.0, kTol) << Describe(t);
  }
}

// Identical voting in one category only, over many votes: still no chance
// correction possible (the documented NaN cases), whatever the category.
TEST(MeasureSimilarityTest, IdenticalSingleCategoryLeavesPiAndKappaMissing) {
  for (int k = 0; k < kVoteCategories; ++k) {
    VoteTable t;
    t.counts[k][k] = 40;
    const VoteSimilarity s = MeasureSimilarity(t);
    EXPECT_DOUBLE_EQ(s.agree, 1.0) << Describe(t);
    EXPECT_DOUBLE_EQ(s.s, 1.0) << Describe(t);
    EXPECT_TRUE(std::isnan(s.pi)) << Describe(t);
    EXPECT_TRUE(std::isnan(s.kappa)) << Describe(t);
  }
}

// One state always votes yes, the other splits yes/abstain 2/2:
//   agree .5; S = 1 - 2*2/(4*2) = .5; S2 = 1 - 2*2/(4*4) = .75
//   pooled yes 6/8, abs 2/8: pe = .5625 + .0625 = .625, pi = (.5 - .625)/.375 = -1/3
//   kappa: A's shares (1 0 0), so expected = observed = .25 * 2/4 -> kappa = 0
TEST(MeasureSimilarityTest, OneStateWithoutVariationHasKappaZero) {
  const VoteSimilarity s = MeasureSimilarity(MakeTable(2, 2, 0, 0, 0, 0, 0, 0, 0));
  EXPECT_NEAR(s.agree, 0.5, kTol);
  EXPECT_NEAR(s.s, 0.5, kTol);
  EXPECT_NEAR(s.s_squared, 0.75, kTol);
  EXPECT_NEAR(s.pi, -1.0 / 3.0, kTol);
  EXPECT_NEAR(s.kappa, 0.0, kTol);
}

TEST(MeasureSimilarityTest, EmptyTableIsAllMissing) {
  const VoteSimilarity s = MeasureSimilarity(VoteTable{});
  EXPECT_EQ(s.n, 0);
  EXPECT_TRUE(std::isnan(s.agree));
  EXPECT_TRUE(std::isnan(s.s));
  EXPECT_TRUE(std::isnan(s.s_squared));
  EXPECT_TRUE(std::isnan(s.pi));
  EXPECT_TRUE(std::isnan(s.kappa));
}

// Random tables: a mix of dense tables, sparse ones (most cells zero) and
// tables concentrated on one category, which is where the undefined cases live.
VoteTable RandomTable(std::mt19937_64& rng) {
  VoteTable t;
  const int shape = static_cast<int>(rng() % 4);
  std::uniform_int_distribution<int> count(0, shape == 0 ? 3 : 60);
  for (auto& row : t.counts) {
    for (auto& c : row) {
      c = count(rng);
      if (shape == 1 && rng() % 3 != 0) c = 0;  // sparse
    }
  }
  if (shape == 2) {  // one big diagonal cell plus a little noise
    const int k = static_cast<int>(rng() % kVoteCategories);
    for (auto& row : t.counts) {
      for (auto& c : row) c = rng() % 8 == 0 ? 1 : 0;
    }
    t.counts[k][k] += 1000;
  }
  return t;
}

// Properties that follow from the formulas for any table with n > 0:
//  - agree in [0, 1]; S, S2 in [-1, 1]; pi, kappa <= 1;
//  - 2*agree - 1 <= S <= agree (every disagreement costs 1/n or 2/n of S);
//  - S2 >= S (a distance-1 split costs S2 half what it costs S, distance 2 the same);
//  - pi and kappa are missing exactly when all votes sit in one diagonal cell;
//  - exchanging A and B changes nothing.
TEST(MeasureSimilarityTest, PropertiesOverRandomTables) {
  std::mt19937_64 rng(20240611);
  int missing_seen = 0;
  for (int iteration = 0; iteration < 20000; ++iteration) {
    const VoteTable t = RandomTable(rng);
    const VoteSimilarity s = MeasureSimilarity(t);
    const std::string where = Describe(t);
    ASSERT_EQ(s.n, t.n()) << where;
    if (s.n == 0) {
      EXPECT_TRUE(std::isnan(s.agree) && std::isnan(s.s) && std::isnan(s.s_squared) &&
                  std::isnan(s.pi) && std::isnan(s.kappa))
          << where;
      continue;
    }
    EXPECT_GE(s.agree, 0.0) << where;
    EXPECT_LE(s.agree, 1.0) << where;
    EXPECT_GE(s.s, -1.0 - kTol) << where;
    EXPECT_LE(s.s, 1.0 + kTol) << where;
    EXPECT_GE(s.s_squared, -1.0 - kTol) << where;
    EXPECT_LE(s.s_squared, 1.0 + kTol) << where;
    EXPECT_LE(s.s, s.agree + kTol) << where;
    EXPECT_GE(s.s, 2 * s.agree - 1 - kTol) << where;
    EXPECT_GE(s.s_squared, s.s - kTol) << where;

    int nonzero = 0, diagonal_nonzero = 0;
    for (int a = 0; a < kVoteCategories; ++a) {
      for (int b = 0; b < kVoteCategories; ++b) {
        if (t.counts[a][b] == 0) continue;
        ++nonzero;
        if (a == b) ++diagonal_nonzero;
      }
    }
    const bool degenerate = nonzero == 1 && diagonal_nonzero == 1;
    EXPECT_EQ(std::isnan(s.pi), degenerate) << where << " pi " << s.pi;
    EXPECT_EQ(std::isnan(s.kappa), degenerate) << where << " kappa " << s.kappa;
    if (degenerate) ++missing_seen;
    if (!std::isnan(s.pi)) {
      EXPECT_LE(s.pi, 1.0 + kTol) << where;
    }
    if (!std::isnan(s.kappa)) {
      EXPECT_LE(s.kappa, 1.0 + kTol) << where;
    }

    const VoteSimilarity r = MeasureSimilarity(t.Transposed());
    EXPECT_EQ(r.n, s.n) << where;
    ExpectSame(s.agree, r.agree, kTol, where + " agree (transposed)");
    ExpectSame(s.s, r.s, kTol, where + " s (transposed)");
    ExpectSame(s.s_squared, r.s_squared, kTol, where + " s2 (transposed)");
    ExpectSame(s.pi, r.pi, kTol, where + " pi (transposed)");
    ExpectSame(s.kappa, r.kappa, kTol, where + " kappa (transposed)");
  }
  EXPECT_GT(missing_seen, 0) << "the generator should reach the undefined cases";
}

// Every measure is a function of shares only: multiplying every count by the
// same factor changes n and nothing else.
TEST(MeasureSimilarityTest, ScalingTheTableChangesOnlyN) {
  std::mt19937_64 rng(7);
  for (int iteration = 0; iteration < 2000; ++iteration) {
    const VoteTable t = RandomTable(rng);
    if (t.n() == 0) continue;
    const std::int64_t factor = 1 + static_cast<std::int64_t>(rng() % 50);
    VoteTable scaled = t;
    for (auto& row : scaled.counts) {
      for (auto& c : row) c *= factor;
    }
    const VoteSimilarity s = MeasureSimilarity(t);
    const VoteSimilarity k = MeasureSimilarity(scaled);
    const std::string where = Describe(t) + " x" + std::to_string(factor);
    EXPECT_EQ(k.n, s.n * factor) << where;
    ExpectSame(s.agree, k.agree, 1e-12, where + " agree");
    ExpectSame(s.s, k.s, 1e-12, where + " s");
    ExpectSame(s.s_squared, k.s_squared, 1e-12, where + " s2");
    ExpectSame(s.pi, k.pi, 1e-9, where + " pi");
    ExpectSame(s.kappa, k.kappa, 1e-9, where + " kappa");
  }
}

}  // namespace
}  // namespace entente
