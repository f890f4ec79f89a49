#include "measures/votes/ideal_points_truncnorm.h"

#include <cmath>

namespace entente::internal {
namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;
constexpr double kLogSqrt2Pi = 0.91893853320467274178;
// Above this, erfc(x / sqrt 2) heads for underflow (it is denormal near
// x = 37.5) and phi / erfc degrades; Laplace's continued fraction for the
// Mills ratio is then accurate to rounding with a couple of dozen terms.
constexpr double kContinuedFractionFrom = 25.0;
constexpr int kContinuedFractionTerms = 24;

double Density(double x) {
  return kInvSqrt2Pi * std::exp(-0.5 * x * x);
}

// Q(upper) / Q(lower) for 0 <= lower < upper < inf, from the Mills ratio at
// `lower` and the density ratio, without forming either tiny tail.
double TailRatio(double lower, double upper, double mills_lower, double& density_ratio) {
  density_ratio = std::exp(-0.5 * (upper - lower) * (upper + lower));
  return density_ratio * mills_lower / InverseMillsRatio(upper);
}

// Ratios for 0 <= lower < upper: both ends in the upper half, where 1 - Phi
// is small and must not be formed as a difference of numbers near 1.
IntervalRatios UpperSide(double lower, double upper) {
  IntervalRatios out;
  const double r = InverseMillsRatio(lower);  // phi(lower) / Q(lower)
  if (std::isinf(upper)) {
    out.lower = r;
    return out;
  }
  double density_ratio = 0.0;
  const double tail_ratio = TailRatio(lower, upper, r, density_ratio);
  out.lower = r / (1.0 - tail_ratio);
  out.upper = out.lower * density_ratio;
  return out;
}

}  // namespace

double InverseMillsRatio(double x) {
  if (x < kContinuedFractionFrom) return Density(x) / (0.5 * std::erfc(x * kInvSqrt2));
  // Q(x) / phi(x) = 1 / (x + 1 / (x + 2 / (x + 3 / (x + ...)))), evaluated
  // from the inside out; its reciprocal is the ratio wanted.
  double t = x;
  for (int k = kContinuedFractionTerms; k >= 1; --k) t = x + k / t;
  return t;
}

IntervalRatios StandardIntervalRatios(double lower, double upper) {
  IntervalRatios out;
  if (std::isinf(upper) && lower < 0.0) {
    // (lower, inf) with lower < 0: the mass is at least 1/2 and erfc of a
    // negative argument is exact.
    out.lower = std::isinf(lower) ? 0.0 : Density(lower) / (0.5 * std::erfc(lower * kInvSqrt2));
    return out;
  }
  if (std::isinf(lower) && upper > 0.0) {
    out.upper = Density(upper) / (0.5 * std::erfc(-upper * kInvSqrt2));
    return out;
  }
  if (lower >= 0.0) return UpperSide(lower, upper);
  if (upper <= 0.0) {
    // Mirror: (lower, upper) -> (-upper, -lower) swaps the two ends.
    const IntervalRatios mirrored = UpperSide(-upper, -lower);
    out.lower = mirrored.upper;
    out.upper = mirrored.lower;
    return out;
  }
  // Both ends finite around 0: the mass is a difference of two erf values
  // of opposite sign, exact.
  const double mass = 0.5 * (std::erf(upper * kInvSqrt2) - std::erf(lower * kInvSqrt2));
  out.lower = Density(lower) / mass;
  out.upper = Density(upper) / mass;
  return out;
}

double LogNormalMass(double lower, double upper) {
  if (lower >= 0.0) {
    const double r = InverseMillsRatio(lower);
    const double log_tail = -0.5 * lower * lower - kLogSqrt2Pi - std::log(r);  // log Q(lower)
    if (std::isinf(upper)) return log_tail;
    double density_ratio = 0.0;
    return log_tail + std::log1p(-TailRatio(lower, upper, r, density_ratio));
  }
  if (upper <= 0.0) return LogNormalMass(-upper, -lower);
  if (std::isinf(upper)) return std::log(0.5 * std::erfc(lower * kInvSqrt2));
  if (std::isinf(lower)) return std::log(0.5 * std::erfc(-upper * kInvSqrt2));
  return std::log(0.5 * (std::erf(upper * kInvSqrt2) - std::erf(lower * kInvSqrt2)));
}

}  // namespace entente::internal
