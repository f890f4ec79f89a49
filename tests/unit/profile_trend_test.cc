// The profile trend: OLS slope on a hand-worked series, and the pairs
// bootstrap interval's properties (contains the slope, reproducible from
// the seed, and close to the analytic OLS interval on a long noisy series).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "profile/trend.h"

namespace entente::profile_internal {
namespace {

TEST(ProfileTrend, SlopeHandWorked) {
  // Years 2000-2004, values 1 3 2 5 4: deviations x -2 -1 0 1 2, y -2 0 -1 2 1
  // give sxy = 4 + 0 + 0 + 2 + 2 = 8, sxx = 10, slope 0.8.
  const std::vector<double> x{2000, 2001, 2002, 2003, 2004};
  const std::vector<double> y{1, 3, 2, 5, 4};
  ASSERT_TRUE(OlsSlope(x, y).has_value());
  EXPECT_NEAR(*OlsSlope(x, y), 0.8, 1e-12);
  const ProfileTrend t = BootstrapTrend("composite", x, y, 2000, 7);
  EXPECT_EQ(t.series, "composite");
  EXPECT_EQ(t.years_used, 5);
  ASSERT_TRUE(t.slope.has_value());
  EXPECT_NEAR(*t.slope, 0.8, 1e-12);
}

TEST(ProfileTrend, NoSlopeWithoutSpread) {
  EXPECT_FALSE(OlsSlope({2000, 2001}, {1, 2}).has_value());
  EXPECT_FALSE(OlsSlope({2000, 2000, 2000}, {1, 2, 3}).has_value());
  const ProfileTrend t = BootstrapTrend("x", {2000, 2000, 2000}, {1, 2, 3}, 2000, 1);
  EXPECT_FALSE(t.slope.has_value());
  EXPECT_FALSE(t.ci_low.has_value());
  // Too few replicates: a slope but no interval.
  const ProfileTrend few = BootstrapTrend("x", {2000, 2001, 2002}, {1, 2, 4}, 9, 1);
  EXPECT_TRUE(few.slope.has_value());
  EXPECT_FALSE(few.ci_low.has_value());
}

// y = 0.5 * year + noise, the noise from a fixed 64-bit LCG and Box-Muller so the
// test does not depend on a library's distribution.
void NoisySeries(std::size_t n, std::vector<double>* x, std::vector<double>* y) {
  std::uint64_t s = 12345;
  auto uniform = [&s] {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (static_cast<double>(s >> 11) + 0.5) / 9007199254740992.0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    // Box-Muller: a standard normal, scaled to sd 10.
    const double z = std::sqrt(-2 * std::log(uniform())) * std::cos(6.283185307179586 * uniform());
    x->push_back(1900.0 + static_cast<double>(i));
    y->push_back(0.5 * static_cast<double>(i) + 10 * z);
  }
}

TEST(ProfileTrend, IntervalContainsSlopeAndIsReproducible) {
  std::vector<double> x, y;
  NoisySeries(35, &x, &y);
  const ProfileTrend a = BootstrapTrend("d", x, y, 2000, 20131);
  const ProfileTrend b = BootstrapTrend("d", x, y, 2000, 20131);
  const ProfileTrend c = BootstrapTrend("d", x, y, 2000, 20132);
  ASSERT_TRUE(a.slope && a.ci_low && a.ci_high);
  EXPECT_LT(*a.ci_low, *a.slope);
  EXPECT_GT(*a.ci_high, *a.slope);
  EXPECT_EQ(*a.ci_low, *b.ci_low);
  EXPECT_EQ(*a.ci_high, *b.ci_high);
  // Another seed draws other replicates.
  ASSERT_TRUE(c.ci_low && c.ci_high);
  EXPECT_NE(*a.ci_low, *c.ci_low);
}

TEST(ProfileTrend, AgreesWithAnalyticOlsInterval) {
  // With 400 homoskedastic normal points the pairs bootstrap's percentile
  // interval estimates the same sampling spread as the classical OLS
  // interval slope +- t(0.975, n-2) * se; the endpoints should agree within
  // a quarter of the half-width (Monte Carlo error at 2,000 replicates is a
  // few per cent of it).
  std::vector<double> x, y;
  NoisySeries(400, &x, &y);
  const ProfileTrend t = BootstrapTrend("d", x, y, 2000, 20131);
  ASSERT_TRUE(t.slope && t.ci_low && t.ci_high);
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  double sxx = 0;
  for (double v : x) sxx += (v - mx) * (v - mx);
  const double intercept = my - *t.slope * mx;
  double ssr = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double e = y[i] - intercept - *t.slope * x[i];
    ssr += e * e;
  }
  const double se = std::sqrt(ssr / (n - 2) / sxx);
  const double half = 1.966 * se;  // t(0.975, 398)
  EXPECT_NEAR(*t.slope, 0.5, 4 * se);
  EXPECT_NEAR(*t.ci_low, *t.slope - half, 0.25 * half);
  EXPECT_NEAR(*t.ci_high, *t.slope + half, 0.25 * half);
}

}  // namespace
}  // namespace entente::profile_internal
