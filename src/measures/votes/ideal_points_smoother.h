// The random-walk prior on one state's positions across its sessions, and
// the tridiagonal solve that the Newton step for those positions needs (the
// Kalman smoother of Martin & Quinn's dynamic model, written as one
// symmetric tridiagonal system).
//
// Internal to entente.
#pragma once

#include <span>
#include <vector>

namespace entente::internal {

// Prior: x_0 ~ N(0, initial_variance) at the state's first session and
// x_k ~ N(x_{k-1}, drift_variance * (sessions[k] - sessions[k-1])).

// log prior density of `x`, up to a constant that depends on neither x nor
// anything estimated.
// REQUIRES: sessions strictly increasing, same length as x (>= 1).
double RandomWalkLogPrior(std::span<const int> sessions, std::span<const double> x,
                          double initial_variance, double drift_variance);

// Reusable buffers, so that a worker thread allocates once per fit.
struct SmootherScratch {
  std::vector<double> diagonal;
  std::vector<double> forward_pivot;
  std::vector<double> backward_pivot;
  std::vector<double> forward_rhs;
};

// Solves (prior precision + diag(information)) * mean = score and writes the
// diagonal of the inverse of that matrix into `variance`. With Gaussian
// pseudo-observations (log-likelihood score * x - information * x^2 / 2)
// these are the posterior means and variances.
// REQUIRES: all spans of equal length K >= 1; sessions strictly increasing;
// information >= 0; both variances > 0.
void SmoothRandomWalk(std::span<const int> sessions, std::span<const double> information,
                      std::span<const double> score, double initial_variance,
                      double drift_variance, std::span<double> mean, std::span<double> variance,
                      SmootherScratch& scratch);

}  // namespace entente::internal
