// Unit tests of the UNGA ideal-point estimator and its internal parts: the
// truncated-normal terms, the random-walk algebra, the Voeten reader, and
// the fit itself on votes simulated from the model with a fixed seed.
#include "entente/ideal_points.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "measures/votes/ideal_points_smoother.h"
#include "measures/votes/ideal_points_truncnorm.h"
#include "measures/votes/ideal_points_voeten.h"

namespace entente {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------
// Truncated normal terms.

double Phi(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}
double Density(double x) {
  return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

TEST(IdealPointsTruncnormTest, RatiosMatchDirectFormulasInTheBody) {
  const std::vector<std::pair<double, double>> intervals = {
      {-kInf, 0.0}, {0.0, kInf}, {-1.0, 2.0}, {0.3, 1.1}, {-2.5, -0.5}, {-kInf, -1.7}, {1.2, kInf}};
  for (const auto& [lower, upper] : intervals) {
    const double mass = Phi(upper) - Phi(lower);
    const auto r = internal::StandardIntervalRatios(lower, upper);
    const double expected_lower = std::isinf(lower) ? 0.0 : Density(lower) / mass;
    const double expected_upper = std::isinf(upper) ? 0.0 : Density(upper) / mass;
    EXPECT_NEAR(r.lower, expected_lower, 1e-12) << "(" << lower << ", " << upper << ")";
    EXPECT_NEAR(r.upper, expected_upper, 1e-12) << "(" << lower << ", " << upper << ")";
    EXPECT_NEAR(internal::LogNormalMass(lower, upper), std::log(mass), 1e-12)
        << "(" << lower << ", " << upper << ")";
  }
}

TEST(IdealPointsTruncnormTest, FarTailsStayFiniteAndFollowTheAsymptotics) {
  // E[Z | Z > x] = x + 1/x - 2/x^3 + ... for large x.
  for (double x : {10.0, 24.9, 25.1, 40.0, 1e3}) {
    const double r = internal::InverseMillsRatio(x);
    EXPECT_NEAR(r, x + 1.0 / x - 2.0 / (x * x * x), 10.0 / std::pow(x, 5)) << x;
  }
  // The two branches of the Mills ratio meet smoothly.
  EXPECT_NEAR(internal::InverseMillsRatio(25.0 - 1e-9), internal::InverseMillsRatio(25.0), 1e-8);
  // A "no" from a state predicted to say yes by 40 sd: finite, and mirrored.
  const auto far = internal::StandardIntervalRatios(-kInf, -40.0);
  EXPECT_TRUE(std::isfinite(far.upper));
  EXPECT_NEAR(far.upper, internal::InverseMillsRatio(40.0), 1e-12);
  // log P(Z > x) = -x^2/2 - log(x sqrt(2 pi)) + log(1 - 1/x^2 + 3/x^4 - ...).
  const double x = 40.0;
  EXPECT_NEAR(internal::LogNormalMass(x, kInf),
              -0.5 * x * x - std::log(x * std::sqrt(2.0 * std::numbers::pi)) +
                  std::log1p(-1.0 / (x * x) + 3.0 / (x * x * x * x)),
              1e-8);
  // A narrow interval far out: the mass of (30, 30.01) relative to Z > 30.
  const double log_narrow = internal::LogNormalMass(30.0, 30.01);
  EXPECT_TRUE(std::isfinite(log_narrow));
  EXPECT_LT(log_narrow, internal::LogNormalMass(30.0, kInf));
  const auto narrow = internal::StandardIntervalRatios(30.0, 30.01);
  const double mean = narrow.lower - narrow.upper;  // E[Z | 30 < Z < 30.01]
  EXPECT_GT(mean, 30.0);
  EXPECT_LT(mean, 30.01);
}

// ---------------------------------------------------------------------------
// Random-walk algebra, against dense linear algebra on a small chain.

// Inverts a small dense symmetric positive definite matrix (Gauss-Jordan).
std::vector<std::vector<double>> Invert(std::vector<std::vector<double>> a) {
  const std::size_t n = a.size();
  std::vector<std::vector<double>> inv(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) inv[i][i] = 1.0;
  for (std::size_t c = 0; c < n; ++c) {
    const double pivot = a[c][c];
    for (std::size_t j = 0; j < n; ++j) {
      a[c][j] /= pivot;
      inv[c][j] /= pivot;
    }
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      const double f = a[r][c];
      for (std::size_t j = 0; j < n; ++j) {
        a[r][j] -= f * a[c][j];
        inv[r][j] -= f * inv[c][j];
      }
    }
  }
  return inv;
}

TEST(IdealPointsSmootherTest, SolveVariancesAndGainsMatchDenseInverse) {
  const std::vector<int> sessions = {3, 4, 7, 8, 9};  // a gap of 3 sessions
  const std::vector<double> information = {2.0, 0.0, 5.0, 1.5, 0.2};
  internal::RandomWalkPrior prior;
  prior.initial_variance = 2.0;
  prior.drift_variance = 0.3;
  const std::size_t n = sessions.size();
  // Dense precision: prior + diag(information).
  std::vector<std::vector<double>> precision(n, std::vector<double>(n, 0.0));
  precision[0][0] += 1.0 / prior.initial_variance;
  for (std::size_t k = 1; k < n; ++k) {
    const double link = 1.0 / (prior.drift_variance * (sessions[k] - sessions[k - 1]));
    precision[k][k] += link;
    precision[k - 1][k - 1] += link;
    precision[k][k - 1] -= link;
    precision[k - 1][k] -= link;
  }
  for (std::size_t k = 0; k < n; ++k) precision[k][k] += information[k];
  const auto inverse = Invert(precision);

  internal::ChainPrecision chain;
  chain.Factor(sessions, information, prior);
  const std::vector<double> rhs = {1.0, -2.0, 0.5, 3.0, -1.0};
  std::vector<double> solved(n), variance(n);
  chain.Solve(rhs, solved);
  chain.InverseDiagonal(variance);
  for (std::size_t k = 0; k < n; ++k) {
    double expected = 0.0;
    for (std::size_t j = 0; j < n; ++j) expected += inverse[k][j] * rhs[j];
    EXPECT_NEAR(solved[k], expected, 1e-12) << k;
    EXPECT_NEAR(variance[k], inverse[k][k], 1e-12) << k;
  }
  // Covariances from the gains: (inverse)_{m,n} = Var(n) * Gain(m) ... Gain(n-1).
  for (std::size_t last = 0; last < n; ++last) {
    double covariance = variance[last];
    for (std::size_t m = last; m-- > 0;) {
      covariance *= chain.Gain(m);
      EXPECT_NEAR(covariance, inverse[m][last], 1e-12) << m << "," << last;
    }
  }
}

TEST(IdealPointsSmootherTest, PriorGradientMatchesFiniteDifferences) {
  const std::vector<int> sessions = {1, 2, 5};
  internal::RandomWalkPrior prior;
  prior.initial_variance = 1.5;
  prior.drift_variance = 0.05;
  std::vector<double> x = {0.3, -0.1, 0.4};
  std::vector<double> gradient(3, 0.0);
  prior.AddGradient(sessions, x, gradient);
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double h = 1e-6;
    std::vector<double> up = x, down = x;
    up[k] += h;
    down[k] -= h;
    const double numeric =
        (prior.LogDensity(sessions, up) - prior.LogDensity(sessions, down)) / (2.0 * h);
    EXPECT_NEAR(gradient[k], numeric, 1e-5) << k;
  }
}

// ---------------------------------------------------------------------------
// The Voeten reader.

TEST(IdealPointsVoetenTest, MapsVoteCodesAndDropsAbsences) {
  const std::string csv =
      "\"rcid\",\"session\",\"year\",\"ccode\",\"member\",\"vote\"\n"
      "3,1,1946,2,1,1\n"
      "3,1,1946,20,1,3\n"
      "3,1,1946,365,1,2\n"
      "3,1,1946,40,1,8\n"
      "4,1,1946,2,1,9\n"
      "4,1,1946,20,1,1.0\n"
      "9,2,1947,2,1,3\n";
  auto data = internal::IdealPointDataFromVoetenCsv("mini.csv", csv);
  ASSERT_TRUE(data.ok()) << data.status().message();
  EXPECT_EQ(data->ccodes, (std::vector<int>{2, 20, 365}));  // 40 only ever absent
  EXPECT_EQ(data->item_session, (std::vector<int>{1, 1, 2}));
  ASSERT_EQ(data->votes.size(), 5u);
  EXPECT_EQ(data->votes[0].category, IdealPointData::kYes);
  EXPECT_EQ(data->votes[1].category, IdealPointData::kNo);
  EXPECT_EQ(data->votes[2].category, IdealPointData::kAbstain);
  EXPECT_EQ(data->votes[3].item, 1);
  EXPECT_EQ(data->votes[3].country, 1);

  auto second = internal::IdealPointDataFromVoetenCsv("mini.csv", csv, 2, 2);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->votes.size(), 1u);
  EXPECT_EQ(second->item_session, (std::vector<int>{2}));
}

TEST(IdealPointsVoetenTest, ErrorsNameFileLineAndProblem) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"rcid,session,ccode,vote\n3,1,2,5\n", "mini.csv:2"},
      {"rcid,session,ccode,vote\n3,1,2,x\n", "not an integer"},
      {"rcid,session,ccode\n3,1,2\n", "missing column 'vote'"},
      {"rcid,session,ccode,vote\n3,1,2,1\n3,2,20,1\n", "first listed under session 1"},
      {"", "empty file"},
  };
  for (const auto& [csv, fragment] : cases) {
    auto data = internal::IdealPointDataFromVoetenCsv("mini.csv", csv);
    ASSERT_FALSE(data.ok()) << csv;
    EXPECT_EQ(data.status().code(), Status::Code::kData) << csv;
    EXPECT_NE(data.status().message().find(fragment), std::string::npos)
        << csv << " -> " << data.status().message();
  }
}

// ---------------------------------------------------------------------------
// The fit, on votes simulated from the model.

struct Simulation {
  IdealPointData data;
  std::map<std::pair<int, int>, double> truth;  // (ccode, session) -> position
};

// `states` states over sessions 1..`sessions`, each with `items` roll calls;
// state i sits near a fixed point spread over [-2, 2] and drifts slowly.
// State index 0 gets ccode 2 (the default anchor) and the highest position.
Simulation Simulate(int states, int sessions, int items, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Simulation sim;
  for (int i = 0; i < states; ++i) sim.data.ccodes.push_back(i == 0 ? 2 : 1000 + i);
  std::vector<double> position(states);
  for (int i = 0; i < states; ++i) position[i] = 2.0 - 4.0 * i / (states - 1);
  for (int t = 1; t <= sessions; ++t) {
    for (int i = 0; i < states; ++i) {
      if (t > 1) position[i] += 0.05 * normal(rng);
      sim.truth[{sim.data.ccodes[i], t}] = position[i];
    }
    for (int j = 0; j < items; ++j) {
      const int item = static_cast<int>(sim.data.item_session.size());
      sim.data.item_session.push_back(t);
      const double alpha = normal(rng);
      const double beta = (uniform(rng) < 0.5 ? -1.0 : 1.0) * (1.0 + uniform(rng));
      const double tau = 0.5 + uniform(rng);
      for (int i = 0; i < states; ++i) {
        const double utility = alpha + beta * position[i] + normal(rng);
        const int8_t category = utility < 0.0   ? IdealPointData::kNo
                                : utility < tau ? IdealPointData::kAbstain
                                                : IdealPointData::kYes;
        sim.data.votes.push_back({item, i, category});
      }
    }
  }
  return sim;
}

double Correlation(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  double ma = 0.0, mb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  double ab = 0.0, aa = 0.0, bb = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return ab / std::sqrt(aa * bb);
}

class IdealPointsFitTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = new Simulation(Simulate(30, 5, 40, 7));
    auto fit = EstimateIdealPoints(sim_->data);
    ASSERT_TRUE(fit.ok()) << fit.status().message();
    fit_ = new IdealPointFit(std::move(fit).value());
  }
  static void TearDownTestSuite() {
    delete sim_;
    delete fit_;
  }
  static Simulation* sim_;
  static IdealPointFit* fit_;
};
Simulation* IdealPointsFitTest::sim_ = nullptr;
IdealPointFit* IdealPointsFitTest::fit_ = nullptr;

TEST_F(IdealPointsFitTest, RecoversTheSimulatedOrderingInEverySession) {
  EXPECT_TRUE(fit_->converged);
  EXPECT_EQ(fit_->items, 200);
  EXPECT_EQ(fit_->votes, 30 * 5 * 40);
  ASSERT_EQ(fit_->estimates.size(), 30u * 5u);
  for (int t = 1; t <= 5; ++t) {
    std::vector<double> estimate, truth;
    for (const auto& e : fit_->estimates) {
      if (e.session != t) continue;
      estimate.push_back(e.idealpoint);
      truth.push_back(sim_->truth.at({e.ccode, e.session}));
      EXPECT_EQ(e.votes, 40);
      EXPECT_GT(e.se, 0.0);
      EXPECT_LT(e.se, 0.5);
    }
    EXPECT_GT(Correlation(estimate, truth), 0.95) << "session " << t;
  }
}

TEST_F(IdealPointsFitTest, EachSessionIsStandardisedAndOrientedByTheAnchor) {
  EXPECT_EQ(fit_->anchor_ccode, 2);
  for (int t = 1; t <= 5; ++t) {
    double sum = 0.0, squares = 0.0, n = 0.0;
    for (const auto& e : fit_->estimates) {
      if (e.session != t) continue;
      sum += e.idealpoint;
      squares += e.idealpoint * e.idealpoint;
      n += 1.0;
    }
    EXPECT_NEAR(sum / n, 0.0, 1e-9) << "session " << t;
    EXPECT_NEAR(squares / n, 1.0, 1e-9) << "session " << t;
  }
  // State 0 (ccode 2) is truly at the top: it must come out on top.
  for (const auto& e : fit_->estimates) {
    if (e.ccode == 2) {
      EXPECT_GT(e.idealpoint, 1.0) << "session " << e.session;
    }
  }
}

TEST_F(IdealPointsFitTest, ANegativeAnchorFlipsTheScale) {
  IdealPointOptions options;
  options.anchor_ccode = 1000 + 29;  // truly at the bottom
  auto flipped = EstimateIdealPoints(sim_->data, options);
  ASSERT_TRUE(flipped.ok());
  EXPECT_EQ(flipped->anchor_ccode, 1029);
  ASSERT_EQ(flipped->estimates.size(), fit_->estimates.size());
  for (std::size_t k = 0; k < fit_->estimates.size(); ++k) {
    EXPECT_NEAR(flipped->estimates[k].idealpoint, -fit_->estimates[k].idealpoint, 1e-3);
  }
  // An anchor that never voted: the state with the most votes decides (all
  // tie here, so the lowest code: 2).
  options.anchor_ccode = 999999;
  auto fallback = EstimateIdealPoints(sim_->data, options);
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->anchor_ccode, 2);
}

TEST_F(IdealPointsFitTest, DifferentSeedsAndThreadCountsAgree) {
  IdealPointOptions options;
  options.seed = 12345;
  options.threads = 1;
  auto other = EstimateIdealPoints(sim_->data, options);
  ASSERT_TRUE(other.ok());
  std::vector<double> a, b;
  for (std::size_t k = 0; k < fit_->estimates.size(); ++k) {
    a.push_back(fit_->estimates[k].idealpoint);
    b.push_back(other->estimates[k].idealpoint);
  }
  EXPECT_GT(Correlation(a, b), 0.999);

  // Same seed, one thread or three: identical to the last bit.
  options.seed = 1;
  auto one = EstimateIdealPoints(sim_->data, options);
  options.threads = 3;
  auto three = EstimateIdealPoints(sim_->data, options);
  ASSERT_TRUE(one.ok() && three.ok());
  ASSERT_EQ(one->estimates.size(), three->estimates.size());
  for (std::size_t k = 0; k < one->estimates.size(); ++k) {
    EXPECT_EQ(one->estimates[k].idealpoint, three->estimates[k].idealpoint) << k;
    EXPECT_EQ(one->estimates[k].se, three->estimates[k].se) << k;
  }
  EXPECT_EQ(one->iterations, three->iterations);
}

TEST(IdealPointsFewVotesTest, SparseStatesGetWideErrorsAndAbsentSessionsNoEstimate) {
  Simulation sim = Simulate(30, 5, 40, 11);
  // A new state (ccode 555): one yes in session 2, nothing in session 3,
  // one no in session 4.
  const int newcomer = static_cast<int>(sim.data.ccodes.size());
  sim.data.ccodes.push_back(555);
  sim.data.votes.push_back({40, newcomer, IdealPointData::kYes});  // an item of session 2
  sim.data.votes.push_back({120, newcomer, IdealPointData::kNo});  // an item of session 4
  auto fit = EstimateIdealPoints(sim.data);
  ASSERT_TRUE(fit.ok()) << fit.status().message();
  double typical_se = 0.0;
  std::map<int, IdealPointEstimate> newcomer_estimates;
  for (const auto& e : fit->estimates) {
    if (e.ccode == 555) newcomer_estimates[e.session] = e;
    if (e.ccode == 2 && e.session == 2) typical_se = e.se;
  }
  ASSERT_EQ(newcomer_estimates.size(), 2u);  // sessions 2 and 4 only: never a made-up 0
  EXPECT_EQ(newcomer_estimates.count(3), 0u);
  for (const auto& [session, e] : newcomer_estimates) {
    EXPECT_EQ(e.votes, 1);
    EXPECT_TRUE(std::isfinite(e.idealpoint));
    EXPECT_GT(e.se, 3.0 * typical_se) << "session " << session;
  }
}

TEST(IdealPointsDistanceTest, HandWorkedDistances) {
  IdealPointFit fit;
  fit.estimates = {{2, 50, 1.5, 0.3, 10},   {365, 50, -0.5, 0.4, 10}, {2, 51, 1.0, 0.1, 10},
                   {710, 51, 0.0, 0.2, 10}, {2, 52, 2.0, 0.3, 10},    {365, 52, 2.5, 0.4, 10}};
  auto d = IdealPointDistances(fit, 2, 365);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->size(), 2u);  // session 51: Russia has no estimate
  EXPECT_EQ((*d)[0].session, 50);
  EXPECT_DOUBLE_EQ((*d)[0].distance, 2.0);
  EXPECT_DOUBLE_EQ((*d)[0].se, 0.5);  // sqrt(0.3^2 + 0.4^2)
  EXPECT_EQ((*d)[1].session, 52);
  EXPECT_DOUBLE_EQ((*d)[1].distance, 0.5);
  // Symmetric.
  auto back = IdealPointDistances(fit, 365, 2);
  ASSERT_TRUE(back.ok());
  EXPECT_DOUBLE_EQ((*back)[0].distance, 2.0);
  // No shared session: empty, not an error.
  auto none = IdealPointDistances(fit, 365, 710);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  // A state with itself: 0 with certainty.
  auto self = IdealPointDistances(fit, 2, 2);
  ASSERT_TRUE(self.ok());
  EXPECT_EQ(self->size(), 3u);
  EXPECT_DOUBLE_EQ((*self)[0].se, 0.0);
  // Unknown state.
  auto unknown = IdealPointDistances(fit, 2, 999);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), Status::Code::kNotFound);
  EXPECT_NE(unknown.status().message().find("999"), std::string::npos);
}

TEST(IdealPointsInputTest, BadDataIsADataError) {
  IdealPointData good;
  good.ccodes = {2, 20};
  good.item_session = {1};
  good.votes = {{0, 0, IdealPointData::kYes}, {0, 1, IdealPointData::kNo}};
  ASSERT_TRUE(EstimateIdealPoints(good).ok());

  struct Case {
    std::string name;
    IdealPointData data;
    std::string fragment;
  };
  std::vector<Case> cases;
  cases.push_back({"empty", IdealPointData{}, "no yes/abstain/no votes"});
  {
    IdealPointData d = good;
    d.votes = {};
    cases.push_back({"no votes", d, "no yes/abstain/no votes"});
  }
  {
    IdealPointData d = good;
    d.votes.push_back({1, 0, IdealPointData::kYes});
    cases.push_back({"item out of range", d, "refers to item 1"});
  }
  {
    IdealPointData d = good;
    d.votes.push_back({0, 2, IdealPointData::kYes});
    cases.push_back({"country out of range", d, "country 2"});
  }
  {
    IdealPointData d = good;
    d.votes[0].category = 3;
    cases.push_back({"bad category", d, "category 3"});
  }
  {
    IdealPointData d = good;
    d.votes.push_back({0, 1, IdealPointData::kAbstain});
    cases.push_back({"two votes", d, "country 20 has two votes on item 0"});
  }
  {
    IdealPointData d = good;
    d.ccodes = {2, 2};
    cases.push_back({"repeated ccode", d, "country code 2 appears twice"});
  }
  for (const auto& c : cases) {
    auto fit = EstimateIdealPoints(c.data);
    ASSERT_FALSE(fit.ok()) << c.name;
    EXPECT_EQ(fit.status().code(), Status::Code::kData) << c.name;
    EXPECT_NE(fit.status().message().find(c.fragment), std::string::npos)
        << c.name << ": " << fit.status().message();
  }
}

TEST(IdealPointsInputTest, BadOptionsAreAUsageError) {
  IdealPointData data;
  data.ccodes = {2, 20};
  data.item_session = {1};
  data.votes = {{0, 0, IdealPointData::kYes}, {0, 1, IdealPointData::kNo}};
  std::vector<std::pair<std::string, IdealPointOptions>> cases;
  auto with = [&](std::string name, auto change) {
    IdealPointOptions o;
    change(o);
    cases.emplace_back(std::move(name), o);
  };
  with("max_iterations", [](IdealPointOptions& o) { o.max_iterations = 0; });
  with("tolerance", [](IdealPointOptions& o) { o.tolerance = 0.0; });
  with("drift_variance", [](IdealPointOptions& o) { o.drift_variance = -1.0; });
  with("initial_variance", [](IdealPointOptions& o) { o.initial_variance = 0.0; });
  with("item_prior_variance", [](IdealPointOptions& o) { o.item_prior_variance = 0.0; });
  with("abstain_band_guess", [](IdealPointOptions& o) { o.abstain_band_guess = 0.0; });
  with("abstain_band_shape", [](IdealPointOptions& o) { o.abstain_band_shape = 0.5; });
  with("threads", [](IdealPointOptions& o) { o.threads = -1; });
  for (const auto& [name, options] : cases) {
    auto fit = EstimateIdealPoints(data, options);
    ASSERT_FALSE(fit.ok()) << name;
    EXPECT_EQ(fit.status().code(), Status::Code::kUsage) << name;
    EXPECT_NE(fit.status().message().find(name), std::string::npos)
        << name << ": " << fit.status().message();
  }
}

}  // namespace
}  // namespace entente
