#include "measures/votes/ideal_points_smoother.h"

#include <cstddef>

namespace entente::internal {

double RandomWalkLogPrior(std::span<const int> sessions, std::span<const double> x,
                          double initial_variance, double drift_variance) {
  double log_prior = -0.5 * x[0] * x[0] / initial_variance;
  for (std::size_t k = 1; k < x.size(); ++k) {
    const double step = x[k] - x[k - 1];
    log_prior -= 0.5 * step * step /
                 (drift_variance * static_cast<double>(sessions[k] - sessions[k - 1]));
  }
  return log_prior;
}

void SmoothRandomWalk(std::span<const int> sessions, std::span<const double> information,
                      std::span<const double> score, double initial_variance,
                      double drift_variance, std::span<double> mean, std::span<double> variance,
                      SmootherScratch& scratch) {
  const std::size_t n = sessions.size();
  scratch.diagonal.resize(n);
  scratch.forward_pivot.resize(n);
  scratch.backward_pivot.resize(n);
  scratch.forward_rhs.resize(n);
  auto& diag = scratch.diagonal;
  // link(k) = 1 / Var(x_k - x_{k-1}) for k >= 1: the coupling between
  // neighbouring sessions; the off-diagonal of the precision is -link(k).
  auto link = [&](std::size_t k) {
    return 1.0 / (drift_variance * static_cast<double>(sessions[k] - sessions[k - 1]));
  };
  for (std::size_t k = 0; k < n; ++k) {
    diag[k] = information[k] + (k == 0 ? 1.0 / initial_variance : link(k));
    if (k + 1 < n) diag[k] += link(k + 1);
  }
  // Forward elimination (LDL^T of the tridiagonal precision) and back
  // substitution for the means.
  auto& fwd = scratch.forward_pivot;
  auto& rhs = scratch.forward_rhs;
  fwd[0] = diag[0];
  rhs[0] = score[0];
  for (std::size_t k = 1; k < n; ++k) {
    const double off = link(k);  // |off-diagonal|
    fwd[k] = diag[k] - off * off / fwd[k - 1];
    rhs[k] = score[k] + off * rhs[k - 1] / fwd[k - 1];
  }
  mean[n - 1] = rhs[n - 1] / fwd[n - 1];
  for (std::size_t k = n - 1; k-- > 0;) mean[k] = (rhs[k] + link(k + 1) * mean[k + 1]) / fwd[k];
  // The diagonal of the inverse of a tridiagonal matrix from the pivots of
  // eliminating forwards and backwards: 1 / (fwd + bwd - diag).
  auto& bwd = scratch.backward_pivot;
  bwd[n - 1] = diag[n - 1];
  for (std::size_t k = n - 1; k-- > 0;) {
    const double off = link(k + 1);
    bwd[k] = diag[k] - off * off / bwd[k + 1];
  }
  for (std::size_t k = 0; k < n; ++k) variance[k] = 1.0 / (fwd[k] + bwd[k] - diag[k]);
}

}  // namespace entente::internal
