// The standard normal mass of an interval and the density-to-mass ratios at
// its ends: everything the ideal-point fit needs from the ordered probit
// likelihood (a no, an abstention or a yes says that the latent utility fell
// below, between or above the roll call's two thresholds).
//
// Internal to entente. Accurate far in the tails, where the naive ratio
// phi / (Phi(b) - Phi(a)) is 0 / 0: a state voting against a roll call it is
// predicted to support by 40 standard deviations still gets finite terms.
#pragma once

namespace entente::internal {

// For a standard normal Z and the interval (lower, upper), with
// P = P(lower < Z < upper):
struct IntervalRatios {
  double lower = 0.0;  // phi(lower) / P; 0 when lower = -inf
  double upper = 0.0;  // phi(upper) / P; 0 when upper = +inf
};
// d log P / d lower = -ratios.lower and d log P / d upper = ratios.upper;
// E[Z | interval] = ratios.lower - ratios.upper and
// Var[Z | interval] = 1 + lower * ratios.lower - upper * ratios.upper - E^2
// (a product with an infinite end counts as 0).
// REQUIRES: lower < upper; either may be -/+infinity.
IntervalRatios StandardIntervalRatios(double lower, double upper);

// log P(lower < Z < upper).
// REQUIRES: lower < upper; either may be -/+infinity.
double LogNormalMass(double lower, double upper);

// The inverse Mills ratio phi(x) / (1 - Phi(x)) = E[Z | Z > x]. Finite for
// every finite x; about x for large x.
double InverseMillsRatio(double x);

}  // namespace entente::internal
