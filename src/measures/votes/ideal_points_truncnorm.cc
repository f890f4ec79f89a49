#include "measures/votes/ideal_points_truncnorm.h"

#include <algorithm>
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

// Moments on [lower, upper] with 0 <= lower < upper: both bounds in the upper
// half, where 1 - Phi is small and must not be formed as a difference of
// numbers near 1. Every ratio is taken relative to the tail beyond `lower`.
TruncatedMoments UpperSide(double lower, double upper) {
  const double r = InverseMillsRatio(lower);  // phi(lower) / Q(lower)
  TruncatedMoments out;
  if (std::isinf(upper)) {
    out.mean = r;
    out.variance = 1.0 + lower * r - r * r;
  } else {
    const double density_ratio = std::exp(-0.5 * (upper - lower) * (upper + lower));
    const double tail_ratio = density_ratio * r / InverseMillsRatio(upper);  // Q(upper)/Q(lower)
    const double lower_term = r / (1.0 - tail_ratio);                      // phi(lower) / mass
    const double upper_term = lower_term * density_ratio;                  // phi(upper) / mass
    out.mean = lower_term - upper_term;
    out.variance = 1.0 + lower * lower_term - upper * upper_term - out.mean * out.mean;
    // Rounding in a very narrow interval can leave the bounds; a bounded
    // variable's variance is at most a quarter of its squared range.
    out.mean = std::clamp(out.mean, lower, upper);
    out.variance = std::min(out.variance, 0.25 * (upper - lower) * (upper - lower));
  }
  out.variance = std::max(out.variance, 0.0);
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

TruncatedMoments StandardTruncatedMoments(double lower, double upper) {
  if (lower >= 0.0) return UpperSide(lower, upper);
  if (upper <= 0.0) {
    TruncatedMoments mirrored = UpperSide(-upper, -lower);
    mirrored.mean = -mirrored.mean;
    return mirrored;
  }
  // The interval contains 0, so its mass is at least Phi(upper) - 1/2 plus
  // 1/2 - Phi(lower): a difference of two erf values of opposite sign, exact.
  const double mass = 0.5 * (std::erf(upper * kInvSqrt2) - std::erf(lower * kInvSqrt2));
  const double d_lower = Density(lower);
  const double d_upper = Density(upper);
  const double x_d_lower = std::isinf(lower) ? 0.0 : lower * d_lower;
  const double x_d_upper = std::isinf(upper) ? 0.0 : upper * d_upper;
  TruncatedMoments out;
  out.mean = (d_lower - d_upper) / mass;
  out.variance = std::max(1.0 + (x_d_lower - x_d_upper) / mass - out.mean * out.mean, 0.0);
  return out;
}

double LogNormalMass(double lower, double upper) {
  if (lower >= 0.0) {
    const double r = InverseMillsRatio(lower);
    const double log_tail = -0.5 * lower * lower - kLogSqrt2Pi - std::log(r);  // log Q(lower)
    if (std::isinf(upper)) return log_tail;
    const double density_ratio = std::exp(-0.5 * (upper - lower) * (upper + lower));
    const double tail_ratio = density_ratio * r / InverseMillsRatio(upper);
    return log_tail + std::log1p(-tail_ratio);
  }
  if (upper <= 0.0) return LogNormalMass(-upper, -lower);
  return std::log(0.5 * (std::erf(upper * kInvSqrt2) - std::erf(lower * kInvSqrt2)));
}

}  // namespace entente::internal
