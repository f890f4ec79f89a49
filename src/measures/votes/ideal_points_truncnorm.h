// The standard normal mass of an interval and its derivatives with respect
// to the interval's ends: everything the ideal-point fit needs from the
// ordered probit likelihood (a no, an abstention or a yes says that the
// latent utility fell below, between or above the roll call's thresholds).
//
// Internal to entente. Accurate far in the tails, where the naive ratio
// phi / (Phi(b) - Phi(a)) is 0 / 0: a state voting against a roll call it is
// predicted to support by 40 standard deviations still gets finite terms.
#pragma once

namespace entente::internal {

// For a standard normal Z and the interval (lower, upper):
struct IntervalTerms {
  double log_mass = 0.0;     // log P(lower < Z < upper)
  double lower_ratio = 0.0;  // phi(lower) / P(lower < Z < upper); 0 when lower = -inf
  double upper_ratio = 0.0;  // phi(upper) / P(lower < Z < upper); 0 when upper = +inf
};
// From these, E[Z | interval] = lower_ratio - upper_ratio and
// Var[Z | interval] = 1 + lower * lower_ratio - upper * upper_ratio - E^2
// (a product with an infinite end counts as 0).
// REQUIRES: lower < upper; either may be -/+infinity.
IntervalTerms StandardIntervalTerms(double lower, double upper);

// Just log P(lower < Z < upper), a little cheaper.
// REQUIRES: lower < upper; either may be -/+infinity.
double LogNormalMass(double lower, double upper);

// The inverse Mills ratio phi(x) / (1 - Phi(x)) = E[Z | Z > x]. Finite for
// every finite x; about x for large x.
double InverseMillsRatio(double x);

}  // namespace entente::internal
