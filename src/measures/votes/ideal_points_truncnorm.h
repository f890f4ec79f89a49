// Moments of a standard normal variable truncated to an interval: the E step
// of the ideal-point EM (the latent utility behind a no, an abstention or a
// yes lies below, between or above the roll call's two thresholds).
//
// Internal to entente. Accurate in the far tails, where the naive ratio
// phi / (Phi(b) - Phi(a)) is 0 / 0: a state voting against a roll call it is
// predicted to support by 40 standard deviations still gets a finite
// correction.
#pragma once

namespace entente::internal {

struct TruncatedMoments {
  double mean = 0.0;
  double variance = 0.0;
};

// The inverse Mills ratio phi(x) / (1 - Phi(x)), i.e. E[Z | Z > x] for a
// standard normal Z. Finite for every finite x; about x for large x.
double InverseMillsRatio(double x);

// Mean and variance of a standard normal Z given lower < Z < upper.
// REQUIRES: lower < upper; either may be -/+infinity.
TruncatedMoments StandardTruncatedMoments(double lower, double upper);

// log P(lower < Z < upper) for a standard normal Z, finite far in the tails.
// REQUIRES: lower < upper; either may be -/+infinity.
double LogNormalMass(double lower, double upper);

}  // namespace entente::internal
