// Trend slopes and their bootstrap intervals. A dyad profile asks for seven
// of them at 2,000 replicates each, so the replicate loop is the query's
// hot path: x and y are centred once, each replicate draws its indices and
// accumulates the four sums it needs in one pass (no copies), and the two
// percentiles come from nth_element rather than a full sort.
#include "profile/trend.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace entente {
namespace profile_internal {
namespace {

constexpr double kConfidence = 0.95;
constexpr std::size_t kMinPoints = 3;
constexpr std::size_t kMinReplicates = 10;

// splitmix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014; the generator Vigna recommends for seeding
// xoshiro). Chosen over mt19937_64 because a draw is a few adds,
// multiplies and shifts on one 64-bit word (mt19937_64 regenerates a
// 312-word table), it passes BigCrush, and a bootstrap of 2,000 x ~35 draws
// is far below any period or quality concern. Unlike
// std::uniform_int_distribution, whose algorithm each standard library
// chooses, the index draw below is fully specified here, so a seed gives the
// same interval on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t operator()() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

// A uniform index in [0, n): Lemire's multiply-shift ("Fast random integer
// generation in an interval", ACM TOMACS 2019), with his rejection step so
// the draw is exactly uniform; the rejection happens with probability
// n / 2^64, i.e. practically never, and costs one compare otherwise.
// GCC and Clang's 128-bit integer gives the 64x64->128 product in one
// instruction; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef unsigned __int128 Uint128;

std::uint64_t Bounded(SplitMix64& rng, std::uint64_t n) {
  Uint128 m = static_cast<Uint128>(rng()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<Uint128>(rng()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

// The q-quantile (linear interpolation between order statistics, as R's
// type 7) of `v`, whose elements before `from` are all <= the rest; it
// reorders v[from..] and returns the position of the lower order statistic
// so a second, higher quantile can start its search after it.
double Quantile(std::vector<double>& v, std::size_t from, double q, std::size_t* lo_out) {
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(from),
                   v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
  // After nth_element everything past lo is >= v[lo]: the next order
  // statistic is their minimum.
  const double low = v[lo];
  const double high =
      lo + 1 < v.size()
          ? *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(lo) + 1, v.end())
          : low;
  *lo_out = lo;
  return low + (pos - static_cast<double>(lo)) * (high - low);
}

// The four sums a replicate's slope needs, over centred points.
struct Sums {
  double x = 0, y = 0, xx = 0, xy = 0;
  static Sums Of(double cx, double cy) { return {cx, cy, cx * cx, cx * cy}; }
  void Add(const Sums& o) {
    x += o.x;
    y += o.y;
    xx += o.xx;
    xy += o.xy;
  }
};

// The means of x and y (same length, not empty).
std::pair<double, double> Means(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  const auto n = static_cast<double>(x.size());
  return {mx / n, my / n};
}

}  // namespace

std::optional<double> OlsSlope(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < kMinPoints) return std::nullopt;
  const auto [mx, my] = Means(x, y);
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
  }
  if (sxx <= 0) return std::nullopt;
  return sxy / sxx;
}

ProfileTrend BootstrapTrend(std::string series, const std::vector<double>& x,
                            const std::vector<double>& y, int replicates, std::uint64_t seed) {
  ProfileTrend t;
  t.series = std::move(series);
  t.years_used = static_cast<int>(x.size());
  t.slope = OlsSlope(x, y);
  if (!t.slope || replicates < static_cast<int>(kMinReplicates)) return t;
  const std::size_t n = x.size();
  // Centre both series on their full-sample means once: a replicate's sums
  // then stay small, so the one-pass formula sxy - sx*sy/n loses no
  // precision to cancellation.
  const auto [mx, my] = Means(x, y);
  std::vector<Sums> point(n);
  for (std::size_t i = 0; i < n; ++i) point[i] = Sums::Of(x[i] - mx, y[i] - my);
  SplitMix64 rng(seed);
  std::vector<double> slopes;
  slopes.reserve(static_cast<std::size_t>(replicates));
  const double inv_n = 1.0 / static_cast<double>(n);
  for (int r = 0; r < replicates; ++r) {
    // A replicate whose years are all the same has no slope. Comparing the
    // years themselves (not the centred sums) makes that test exact.
    const std::size_t first = Bounded(rng, n);
    const double first_year = x[first];
    // Two accumulators, alternate draws: each add waits only on its own
    // chain, which halves the loop's floating-point latency bound.
    Sums even = point[first], odd;
    bool varied = false;
    std::size_t i = 1;
    for (; i + 1 < n; i += 2) {
      const std::size_t k0 = Bounded(rng, n);
      const std::size_t k1 = Bounded(rng, n);
      varied |= x[k0] != first_year;
      varied |= x[k1] != first_year;
      odd.Add(point[k0]);
      even.Add(point[k1]);
    }
    if (i < n) {
      const std::size_t k = Bounded(rng, n);
      varied |= x[k] != first_year;
      odd.Add(point[k]);
    }
    even.Add(odd);
    const double sx = even.x, sy = even.y, sxx = even.xx, sxy = even.xy;
    const double dxx = sxx - sx * sx * inv_n;
    if (!varied || dxx <= 0) continue;
    slopes.push_back((sxy - sx * sy * inv_n) / dxx);
  }
  if (slopes.size() < kMinReplicates) return t;
  const double tail = (1 - kConfidence) / 2;
  std::size_t lo = 0;
  t.ci_low = Quantile(slopes, 0, tail, &lo);
  // The upper quantile's order statistics lie past lo, where nth_element
  // left only values >= slopes[lo]: search there only.
  t.ci_high = Quantile(slopes, lo + 1, 1 - tail, &lo);
  return t;
}

}  // namespace profile_internal
}  // namespace entente
