// The exact Gaussian posterior of one state's positions over its sessions,
// given Gaussian pseudo-observations and a random-walk prior: the x step of
// the ideal-point EM (the Kalman smoother of Martin & Quinn's dynamic model,
// written as one symmetric tridiagonal solve).
//
// Internal to entente.
#pragma once

#include <span>
#include <vector>

namespace entente::internal {

// Reusable buffers, so that a worker thread allocates once per fit.
struct SmootherScratch {
  std::vector<double> diagonal;
  std::vector<double> forward_pivot;
  std::vector<double> backward_pivot;
  std::vector<double> forward_rhs;
};

// Prior: x_0 ~ N(0, initial_variance) at the state's first session and
// x_k ~ N(x_{k-1}, drift_variance * (sessions[k] - sessions[k-1])).
// Data: `information[k]` (sum of b^2 / s^2) and `score[k]` (sum of
// b (z - a) / s^2) from the session's votes, i.e. a log-likelihood of
// score * x - information * x^2 / 2.
// Writes the posterior means and marginal variances into `mean` and
// `variance`, and returns sum_k E[(x_k - x_{k-1})^2] / (sessions[k] -
// sessions[k-1]) over k >= 1 under the posterior: what the EM update of the
// drift variance needs.
// REQUIRES: all spans of equal length K >= 1; sessions strictly increasing;
// information >= 0; both variances > 0.
double SmoothRandomWalk(std::span<const int> sessions, std::span<const double> information,
                      std::span<const double> score, double initial_variance,
                        double drift_variance, std::span<double> mean,
                        std::span<double> variance, SmootherScratch& scratch);

}  // namespace entente::internal
