// The random-walk prior on one state's positions across its sessions, and
// the symmetric tridiagonal algebra of the Newton step for those positions
// (the Kalman smoother of Martin & Quinn's dynamic model, written as one
// linear system).
//
// Internal to entente.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace entente::internal {

// Prior: x_0 ~ N(0, initial_variance) at the state's first session and
// x_k ~ N(x_{k-1}, drift_variance * (sessions[k] - sessions[k-1])).
// Every function here REQUIRES sessions strictly increasing, spans of the
// same length K >= 1 and both variances > 0.
struct RandomWalkPrior {
  double initial_variance = 1.0;
  double drift_variance = 0.01;

  // log density of x, up to a constant that depends on nothing estimated.
  double LogDensity(std::span<const int> sessions, std::span<const double> x) const;
  // Adds the gradient of LogDensity at x to `gradient`.
  void AddGradient(std::span<const int> sessions, std::span<const double> x,
                   std::span<double> gradient) const;
};

// The posterior precision of one state's positions: the prior's (a
// tridiagonal matrix) plus a diagonal of information from its votes,
// factored once and then used for solves, variances and covariances.
class ChainPrecision {
 public:
  // REQUIRES: information >= 0.
  void Factor(std::span<const int> sessions, std::span<const double> information,
              const RandomWalkPrior& prior);
  std::size_t size() const { return diagonal_.size(); }
  // Solves precision * out = rhs (out may alias rhs).
  void Solve(std::span<const double> rhs, std::span<double> out) const;
  // The diagonal of the inverse: posterior variances.
  void InverseDiagonal(std::span<double> out) const;
  // For k < l, (inverse)_{k,l} = (inverse)_{l,l} * Gain(k) * ... * Gain(l-1):
  // the positions form a Gaussian Markov chain.
  double Gain(std::size_t k) const { return link_[k + 1] / forward_[k]; }

 private:
  std::vector<double> diagonal_;
  std::vector<double> link_;  // link_[k] = -(precision)_{k-1,k}, k >= 1
  std::vector<double> forward_;
  std::vector<double> backward_;
};

}  // namespace entente::internal
