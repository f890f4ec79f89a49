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

double Density(double x) { return std::isinf(x) ? 0.0 : kInvSqrt2Pi * std::exp(-0.5 * x * x); }

// 0 <= lower < upper: both ends in the upper half, where 1 - Phi is small
// and must not be formed as a difference of numbers near 1. Every ratio is
// taken relative to the tail beyond `lower`.
IntervalTerms UpperSide(double lower, double upper) {
  const double r = InverseMillsRatio(lower);  // phi(lower) / Q(lower)
  IntervalTerms out;
  out.log_mass = -0.5 * lower * lower - kLogSqrt2Pi - std::log(r);  // log Q(lower)
  if (std::isinf(upper)) {
    out.lower_ratio = r;
    return out;
  }
  const double density_ratio = std::exp(-0.5 * (upper - lower) * (upper + lower));
  const double tail_ratio = density_ratio * r / InverseMillsRatio(upper);  // Q(upper)/Q(lower)
  out.log_mass += std::log1p(-tail_ratio);
  out.lower_ratio = r / (1.0 - tail_ratio);
  out.upper_ratio = out.lower_ratio * density_ratio;
  return out;
}

}  // namespace

double InverseMillsRatio(double x) {
  if (x < kContinuedFractionFrom) {
    return kInvSqrt2Pi * std::exp(-0.5 * x * x) / (0.5 * std::erfc(x * kInvSqrt2));
  }
  // Q(x) / phi(x) = 1 / (x + 1 / (x + 2 / (x + 3 / (x + ...)))), evaluated
  // from the inside out; its reciprocal is the ratio wanted.
  double t = x;
  for (int k = kContinuedFractionTerms; k >= 1; --k) t = x + k / t;
  return t;
}

IntervalTerms StandardIntervalTerms(double lower, double upper) {
  if (lower >= 0.0) return UpperSide(lower, upper);
  if (upper <= 0.0) {
    // Mirror: (lower, upper) -> (-upper, -lower) swaps the two ends.
    const IntervalTerms mirrored = UpperSide(-upper, -lower);
    IntervalTerms out;
    out.log_mass = mirrored.log_mass;
    out.lower_ratio = mirrored.upper_ratio;
    out.upper_ratio = mirrored.lower_ratio;
    return out;
  }
  // The interval contains 0, so its mass is at least Phi(upper) - 1/2 plus
  // 1/2 - Phi(lower): a difference of two erf values of opposite sign, exact.
  const double mass = 0.5 * (std::erf(upper * kInvSqrt2) - std::erf(lower * kInvSqrt2));
  IntervalTerms out;
  out.log_mass = std::log(mass);
  out.lower_ratio = Density(lower) / mass;
  out.upper_ratio = Density(upper) / mass;
  return out;
}

double LogNormalMass(double lower, double upper) {
  if (lower >= 0.0) {
    const double r = InverseMillsRatio(lower);
    const double log_tail = -0.5 * lower * lower - kLogSqrt2Pi - std::log(r);  // log Q(lower)
    if (std::isinf(upper)) return log_tail;
    const double density_ratio = std::exp(-0.5 * (upper - lower) * (upper + lower));
    return log_tail + std::log1p(-density_ratio * r / InverseMillsRatio(upper));
  }
  if (upper <= 0.0) return LogNormalMass(-upper, -lower);
  return std::log(0.5 * (std::erf(upper * kInvSqrt2) - std::erf(lower * kInvSqrt2)));
}

}  // namespace entente::internal
