#include "measures/votes/ideal_points_smoother.h"

namespace entente::internal {
namespace {

// 1 / Var(x_k - x_{k-1}): how strongly session k is tied to the one before.
double Link(std::span<const int> sessions, std::size_t k, double drift_variance) {
  return 1.0 / (drift_variance * static_cast<double>(sessions[k] - sessions[k - 1]));
}

}  // namespace

double RandomWalkPrior::LogDensity(std::span<const int> sessions, std::span<const double> x) const {
  double log_density = -0.5 * x[0] * x[0] / initial_variance;
  for (std::size_t k = 1; k < x.size(); ++k) {
    const double step = x[k] - x[k - 1];
    log_density -= 0.5 * step * step * Link(sessions, k, drift_variance);
  }
  return log_density;
}

void RandomWalkPrior::AddGradient(std::span<const int> sessions, std::span<const double> x,
                                  std::span<double> gradient) const {
  gradient[0] -= x[0] / initial_variance;
  for (std::size_t k = 1; k < x.size(); ++k) {
    const double pull = (x[k] - x[k - 1]) * Link(sessions, k, drift_variance);
    gradient[k] -= pull;
    gradient[k - 1] += pull;
  }
}

void ChainPrecision::Factor(std::span<const int> sessions, std::span<const double> information,
                            const RandomWalkPrior& prior) {
  const std::size_t n = sessions.size();
  diagonal_.resize(n);
  link_.assign(n, 0.0);
  forward_.resize(n);
  backward_.resize(n);
  for (std::size_t k = 1; k < n; ++k) link_[k] = Link(sessions, k, prior.drift_variance);
  for (std::size_t k = 0; k < n; ++k) {
    diagonal_[k] = information[k] + (k == 0 ? 1.0 / prior.initial_variance : link_[k]);
    if (k + 1 < n) diagonal_[k] += link_[k + 1];
  }
  // Pivots of eliminating forwards (LDL^T) and backwards (UDU^T).
  forward_[0] = diagonal_[0];
  for (std::size_t k = 1; k < n; ++k) {
    forward_[k] = diagonal_[k] - link_[k] * link_[k] / forward_[k - 1];
  }
  backward_[n - 1] = diagonal_[n - 1];
  for (std::size_t k = n - 1; k-- > 0;) {
    backward_[k] = diagonal_[k] - link_[k + 1] * link_[k + 1] / backward_[k + 1];
  }
}

void ChainPrecision::Solve(std::span<const double> rhs, std::span<double> out) const {
  const std::size_t n = diagonal_.size();
  // Forward elimination into `out`, then back substitution.
  out[0] = rhs[0];
  for (std::size_t k = 1; k < n; ++k) out[k] = rhs[k] + link_[k] * out[k - 1] / forward_[k - 1];
  out[n - 1] /= forward_[n - 1];
  for (std::size_t k = n - 1; k-- > 0;) out[k] = (out[k] + link_[k + 1] * out[k + 1]) / forward_[k];
}

void ChainPrecision::InverseDiagonal(std::span<double> out) const {
  // (inverse)_{k,k} = 1 / (forward + backward - diagonal): the two
  // eliminations meet at k.
  for (std::size_t k = 0; k < diagonal_.size(); ++k) {
    out[k] = 1.0 / (forward_[k] + backward_[k] - diagonal_[k]);
  }
}

}  // namespace entente::internal
