// Posterior mode of the dynamic ordered-probit ideal-point model, with each
// session's positions standardised; docs/ideal_points.md has the model and
// the reasons for each step. A sweep is:
//   A. per roll call: one safeguarded Newton step for (alpha, beta, tau)
//      given the positions (the roll calls are independent given them);
//   B. per state: the Newton step for its positions in all its sessions (a
//      tridiagonal solve), then one small dense solve that keeps every
//      session's mean and spread fixed to first order, and a line search;
//   C. each session's positions are put back to mean 0 and sd 1.
// Sweeps are accelerated by SQUAREM. A warm-up fits every session on its own
// and chains their directions before the random walk links them.
//
// Parallel work is cut into a fixed number of blocks, whatever the number of
// threads, and partial sums are added in block order: results do not
// depend on the thread count.
#include "entente/ideal_points.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <utility>

#include "measures/votes/ideal_points_layout.h"
#include "measures/votes/ideal_points_smoother.h"
#include "measures/votes/ideal_points_truncnorm.h"

namespace entente {
namespace {

using internal::ChainPrecision;
using internal::IdealPointLayout;
using internal::RandomWalkPrior;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Starting roll-call parameters: no discrimination, the linear predictor on
// the "no" threshold, an abstention band of one probit unit.
constexpr double kStartAlpha = 0.0;
constexpr double kStartBeta = 0.0;
constexpr double kStartTau = 1.0;
// Work blocks per pass (a multiple of any sensible thread count).
constexpr int kWorkBlocks = 16;
// A Newton step no larger than this in every coordinate is taken without
// checking the objective: the log posterior is concave in each block and
// smooth, and near the optimum the full step is what Newton's method
// should take. Larger steps are halved until the objective does not fall.
constexpr double kTrustedStep = 0.1;
constexpr int kMaxHalvings = 30;
// A Newton step may shrink tau at most to this share of its value.
constexpr double kMinTauShare = 0.1;
// The warm-up may take at most 1/kWarmupShareOfIterations of
// max_iterations and stops once no position moves by kWarmupTolerance: it
// only has to find each session's direction.
constexpr int kWarmupShareOfIterations = 4;
constexpr double kWarmupTolerance = 5e-2;
// SQUAREM's factor for growing (and shrinking) the bound on its step length.
constexpr double kSquaremStepGrowth = 4.0;
// A session is standardised only when it has at least this many voting
// states and roll calls; otherwise its votes cannot define a spread (session
// 19, 1964-65, had a single roll call) and its positions follow from the
// neighbouring sessions through the random walk.
constexpr int kMinStatesToStandardize = 2;
constexpr int kMinItemsToStandardize = 10;

Status CheckOptions(const IdealPointOptions& o) {
  auto bad = [](const std::string& what) { return Status::Usage("ideal points: " + what); };
  if (o.max_iterations < 1) return bad("max_iterations must be at least 1");
  if (!(o.tolerance > 0.0)) return bad("tolerance must be positive");
  if (!(o.drift_variance > 0.0)) return bad("drift_variance (omega^2) must be positive");
  if (!(o.initial_variance > 0.0)) return bad("initial_variance must be positive");
  if (!(o.item_prior_variance > 0.0)) return bad("item_prior_variance must be positive");
  if (!(o.abstain_band_guess > 0.0)) return bad("abstain_band_guess must be positive");
  if (!(o.abstain_band_shape >= 1.0)) return bad("abstain_band_shape must be at least 1");
  if (o.threads < 0) return bad("threads must be 0 (one per core) or more");
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Parallel blocks.

// Splits units [0, n) into `parts` contiguous blocks of about equal weight,
// unit u weighing weight_begin[u+1] - weight_begin[u]; block b is
// [bounds[b], bounds[b+1]).
std::vector<int> BalancedBlocks(const std::vector<int>& weight_begin, int parts) {
  const int n = static_cast<int>(weight_begin.size()) - 1;
  const double total = weight_begin[n] - weight_begin[0];
  std::vector<int> bounds = {0};
  int unit = 0;
  for (int p = 1; p < parts; ++p) {
    const double target = weight_begin[0] + total * p / parts;
    while (unit < n && weight_begin[unit] < target) ++unit;
    bounds.push_back(std::max(unit, bounds.back()));
  }
  bounds.push_back(n);
  return bounds;
}

// Runs fn(block, begin, end) for every block on `threads` threads (the
// caller's among them), each taking the next block not yet taken. Which
// thread runs a block never changes what the block computes.
template <typename Fn>
void ForEachBlock(const std::vector<int>& bounds, int threads, Fn&& fn) {
  const int blocks = static_cast<int>(bounds.size()) - 1;
  std::atomic<int> next{0};
  auto run = [&] {
    for (int b = next++; b < blocks; b = next++) fn(b, bounds[b], bounds[b + 1]);
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(run);
  run();
  for (auto& worker : workers) worker.join();
}

double SumInOrder(const std::vector<double>& partial) {
  double total = 0.0;
  for (double p : partial) total += p;
  return total;
}

// ---------------------------------------------------------------------------
// One vote.

// A vote's derivatives under the ordered probit, in the linear predictor
// eta = alpha + beta x and the band width tau. The latent utility is
// eta + e, e ~ N(0, 1): a no below 0, an abstention between 0 and tau, a
// yes above tau; so e lies in (L, U) = (-inf, -eta), (-eta, tau - eta) or
// (tau - eta, inf). With pl = phi(L) / P and pu = phi(U) / P:
// d log P / dL = -pl, d log P / dU = pu, d2/dL2 = L pl - pl^2,
// d2/dU2 = -U pu - pu^2, d2/dLdU = pl pu; eta moves both ends (d/deta =
// -d/dL - d/dU), tau moves one.
struct VoteTerms {
  double d_eta = 0.0, d_tau = 0.0;
  double h_eta_eta = 0.0, h_eta_tau = 0.0, h_tau_tau = 0.0;
};

inline VoteTerms Differentiate(int8_t category, double eta, double tau) {
  VoteTerms out;
  if (category == IdealPointData::kNo) {
    const double upper = -eta;
    const double pu = internal::StandardIntervalRatios(-kInfinity, upper).upper;
    out.d_eta = -pu;
    out.h_eta_eta = -upper * pu - pu * pu;
  } else if (category == IdealPointData::kYes) {
    const double lower = tau - eta;
    const double pl = internal::StandardIntervalRatios(lower, kInfinity).lower;
    const double h = lower * pl - pl * pl;
    out.d_eta = pl;
    out.d_tau = -pl;
    out.h_eta_eta = h;
    out.h_eta_tau = -h;
    out.h_tau_tau = h;
  } else {
    const double lower = -eta;
    const double upper = tau - eta;
    const auto r = internal::StandardIntervalRatios(lower, upper);
    out.d_eta = r.lower - r.upper;
    out.d_tau = r.upper;
    out.h_eta_eta = lower * r.lower - upper * r.upper - out.d_eta * out.d_eta;
    out.h_tau_tau = -upper * r.upper - r.upper * r.upper;
    out.h_eta_tau = upper * r.upper + r.upper * r.upper - r.lower * r.upper;
  }
  return out;
}

inline double LogProbability(int8_t category, double eta, double tau) {
  if (category == IdealPointData::kNo) return internal::LogNormalMass(-kInfinity, -eta);
  if (category == IdealPointData::kYes) return internal::LogNormalMass(tau - eta, kInfinity);
  return internal::LogNormalMass(-eta, tau - eta);
}

// ---------------------------------------------------------------------------
// Parameters and priors.

struct FitState {
  std::vector<double> x;      // per state-session: the position
  std::vector<double> alpha;  // per item: intercept
  std::vector<double> beta;   // per item: discrimination
  std::vector<double> tau;    // per item: width of the abstention band
};

// alpha, beta ~ N(0, v); tau ~ Gamma(shape, rate = shape / guess).
struct ItemPrior {
  explicit ItemPrior(const IdealPointOptions& o)
      : precision(1.0 / o.item_prior_variance),
        shape_minus_one(o.abstain_band_shape - 1.0),
        rate(o.abstain_band_shape / o.abstain_band_guess) {}
  double LogDensity(double alpha, double beta, double tau) const {
    return -0.5 * precision * (alpha * alpha + beta * beta) + shape_minus_one * std::log(tau) -
           rate * tau;
  }
  double precision, shape_minus_one, rate;
};

// Everything a pass reads besides the state.
struct Context {
  const IdealPointLayout& layout;
  const IdealPointOptions& options;
  ItemPrior item_prior;
  RandomWalkPrior walk;
  int threads;
  std::vector<int> item_blocks;
  std::vector<int> state_blocks;
  // Which sessions have enough states to be standardised.
  std::vector<char> standardized;
};

std::span<const int> Sessions(const IdealPointLayout& layout, int s) {
  const int first = layout.state_begin[s];
  return {layout.state_session_number.data() + first,
          static_cast<std::size_t>(layout.state_begin[s + 1] - first)};
}

// Sum of the log-probabilities of the votes of state-session k, had its
// position been `position`.
double StateSessionLogLikelihood(const IdealPointLayout& layout, const FitState& st, int k,
                                 double position) {
  double sum = 0.0;
  for (int j = layout.state_session_vote_begin[k]; j < layout.state_session_vote_begin[k + 1];
       ++j) {
    const int i = layout.state_session_vote_item[j];
    sum += LogProbability(layout.state_session_vote_category[j],
                          st.alpha[i] + st.beta[i] * position, st.tau[i]);
  }
  return sum;
}

// log P(votes | parameters) + log priors, up to a constant.
double LogPosterior(const Context& c, const FitState& st) {
  const IdealPointLayout& layout = c.layout;
  std::vector<double> partial(c.state_blocks.size() - 1, 0.0);
  ForEachBlock(c.state_blocks, c.threads, [&](int block, int begin, int end) {
    double sum = 0.0;
    for (int s = begin; s < end; ++s) {
      const int first = layout.state_begin[s];
      for (int k = first; k < layout.state_begin[s + 1]; ++k) {
        sum += StateSessionLogLikelihood(layout, st, k, st.x[k]);
      }
      sum += c.walk.LogDensity(
          Sessions(layout, s),
          std::span<const double>(st.x.data() + first, layout.state_begin[s + 1] - first));
    }
    partial[block] = sum;
  });
  double total = SumInOrder(partial);
  for (int i = 0; i < layout.num_items(); ++i) {
    total += c.item_prior.LogDensity(st.alpha[i], st.beta[i], st.tau[i]);
  }
  return total;
}

// ---------------------------------------------------------------------------
// Pass A: roll calls.

// Solves A d = g for a symmetric positive definite 3x3 A (upper triangle
// a00 a01 a02 a11 a12 a22) by Cholesky; false if A is not numerically so.
bool SolveSymmetric3(const double a[6], const double g[3], double d[3]) {
  if (!(a[0] > 0.0)) return false;
  const double r00 = std::sqrt(a[0]);
  const double r01 = a[1] / r00, r02 = a[2] / r00;
  const double l11 = a[3] - r01 * r01;
  if (!(l11 > 0.0)) return false;
  const double r11 = std::sqrt(l11);
  const double r12 = (a[4] - r01 * r02) / r11;
  const double l22 = a[5] - r02 * r02 - r12 * r12;
  if (!(l22 > 0.0)) return false;
  const double r22 = std::sqrt(l22);
  const double y0 = g[0] / r00;
  const double y1 = (g[1] - r01 * y0) / r11;
  const double y2 = (g[2] - r02 * y0 - r12 * y1) / r22;
  d[2] = y2 / r22;
  d[1] = (y1 - r12 * d[2]) / r11;
  d[0] = (y0 - r01 * d[1] - r02 * d[2]) / r00;
  return true;
}

double ItemLogPosterior(const Context& c, const FitState& st, int i, double alpha, double beta,
                        double tau) {
  const IdealPointLayout& layout = c.layout;
  double sum = c.item_prior.LogDensity(alpha, beta, tau);
  for (int v = layout.item_vote_begin[i]; v < layout.item_vote_begin[i + 1]; ++v) {
    sum += LogProbability(layout.vote_category[v],
                          alpha + beta * st.x[layout.vote_state_session[v]], tau);
  }
  return sum;
}

// A Newton step on each item's log posterior, which is concave in
// (alpha, beta, tau) (Pratt 1981), for items [begin, end).
void UpdateItems(const Context& c, int begin, int end, FitState& st) {
  const IdealPointLayout& layout = c.layout;
  const ItemPrior& prior = c.item_prior;
  for (int i = begin; i < end; ++i) {
    const double alpha = st.alpha[i], beta = st.beta[i], tau = st.tau[i];
    double grad[3] = {-prior.precision * alpha, -prior.precision * beta,
                      prior.shape_minus_one / tau - prior.rate};
    // Minus the Hessian, upper triangle (aa, ab, at, bb, bt, tt).
    double info[6] = {prior.precision, 0.0, 0.0,
                      prior.precision, 0.0, prior.shape_minus_one / (tau * tau)};
    for (int v = layout.item_vote_begin[i]; v < layout.item_vote_begin[i + 1]; ++v) {
      const double x = st.x[layout.vote_state_session[v]];
      const VoteTerms t = Differentiate(layout.vote_category[v], alpha + beta * x, tau);
      grad[0] += t.d_eta;
      grad[1] += t.d_eta * x;
      grad[2] += t.d_tau;
      info[0] -= t.h_eta_eta;
      info[1] -= t.h_eta_eta * x;
      info[2] -= t.h_eta_tau;
      info[3] -= t.h_eta_eta * x * x;
      info[4] -= t.h_eta_tau * x;
      info[5] -= t.h_tau_tau;
    }
    double step[3];
    if (!SolveSymmetric3(info, grad, step)) continue;  // the prior makes this impossible
    double scale = 1.0;
    while (tau + scale * step[2] < kMinTauShare * tau) scale *= 0.5;
    const double largest =
        scale * std::max({std::abs(step[0]), std::abs(step[1]), std::abs(step[2])});
    if (largest <= kTrustedStep) {
      st.alpha[i] = alpha + scale * step[0];
      st.beta[i] = beta + scale * step[1];
      st.tau[i] = tau + scale * step[2];
      continue;
    }
    const double current = ItemLogPosterior(c, st, i, alpha, beta, tau);
    for (int halving = 0; halving < kMaxHalvings; ++halving, scale *= 0.5) {
      const double a = alpha + scale * step[0];
      const double b = beta + scale * step[1];
      const double t = tau + scale * step[2];
      if (ItemLogPosterior(c, st, i, a, b, t) >= current) {
        st.alpha[i] = a;
        st.beta[i] = b;
        st.tau[i] = t;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Pass B: positions.

// Per-block buffers.
struct BlockScratch {
  ChainPrecision chain;
  std::vector<double> variance;
  std::vector<double> rhs;
  std::vector<double> trial;
  std::vector<double> constraint_matrix;  // partial A H^-1 A^T
  std::vector<double> constraint_rhs;     // partial A u
};

// Per-state-session work shared between the stages of pass B.
struct PositionWork {
  std::vector<double> information;  // observed information of the votes
  std::vector<double> gradient;     // of the log-likelihood, then of the log posterior
  std::vector<double> step;
};

// Fills information and gradient of the log-likelihood (not the prior) of
// state s's positions.
void StateDerivatives(const IdealPointLayout& layout, const FitState& st, int s,
                      PositionWork& work) {
  for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) {
    double information = 0.0, gradient = 0.0;
    for (int j = layout.state_session_vote_begin[k]; j < layout.state_session_vote_begin[k + 1];
         ++j) {
      const int i = layout.state_session_vote_item[j];
      const double b = st.beta[i];
      const VoteTerms t = Differentiate(layout.state_session_vote_category[j],
                                        st.alpha[i] + b * st.x[k], st.tau[i]);
      gradient += b * t.d_eta;
      information -= b * b * t.h_eta_eta;
    }
    work.information[k] = information;
    work.gradient[k] = gradient;
  }
}

// The log posterior of state s's positions had they been x + scale * step.
double StateLogPosterior(const Context& c, const FitState& st, const PositionWork& work, int s,
                         double scale, BlockScratch& scratch) {
  const IdealPointLayout& layout = c.layout;
  const int first = layout.state_begin[s];
  const int count = layout.state_begin[s + 1] - first;
  scratch.trial.resize(count);
  for (int n = 0; n < count; ++n) {
    scratch.trial[n] = st.x[first + n] + scale * work.step[first + n];
  }
  double sum = c.walk.LogDensity(Sessions(layout, s), scratch.trial);
  for (int n = 0; n < count; ++n) {
    sum += StateSessionLogLikelihood(layout, st, first + n, scratch.trial[n]);
  }
  return sum;
}

// Warm-up version of pass B for states [begin, end): every state-session on
// its own, with only the N(0, initial_variance) prior (sessions fitted
// independently); one Newton step each, halved as needed.
void UpdateSeparatePositions(const Context& c, int begin, int end, FitState& st,
                             PositionWork& work) {
  const IdealPointLayout& layout = c.layout;
  const double prior_precision = 1.0 / c.walk.initial_variance;
  for (int s = begin; s < end; ++s) {
    StateDerivatives(layout, st, s, work);
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) {
      const double x = st.x[k];
      const double step =
          (work.gradient[k] - prior_precision * x) / (work.information[k] + prior_precision);
      auto objective = [&](double position) {
        return StateSessionLogLikelihood(layout, st, k, position) -
               0.5 * prior_precision * position * position;
      };
      double scale = 1.0;
      if (std::abs(step) > kTrustedStep) {
        const double current = objective(x);
        bool improved = false;
        for (int halving = 0; halving < kMaxHalvings && !improved; ++halving) {
          improved = objective(x + scale * step) >= current;
          if (!improved) scale *= 0.5;
        }
        if (!improved) scale = 0.0;
      }
      st.x[k] = x + scale * step;
    }
  }
}

// Stage B1 for states [begin, end): the unconstrained Newton step
// u = H^-1 g of each state, into work.step, and the block's share of
// A H^-1 A^T and A u, where A holds two linearised constraints per
// standardised session t (rows 2t: sum of steps 0, keeping the mean; 2t+1:
// sum of x * step 0, keeping the spread).
void NewtonStepsAndConstraints(const Context& c, int begin, int end, const FitState& st,
                               PositionWork& work, BlockScratch& scratch) {
  const IdealPointLayout& layout = c.layout;
  const int rows = 2 * layout.num_sessions();
  scratch.constraint_matrix.assign(static_cast<std::size_t>(rows) * rows, 0.0);
  scratch.constraint_rhs.assign(rows, 0.0);
  for (int s = begin; s < end; ++s) {
    StateDerivatives(layout, st, s, work);
    const int first = layout.state_begin[s];
    const int count = layout.state_begin[s + 1] - first;
    const auto sessions = Sessions(layout, s);
    const std::span<const double> x(st.x.data() + first, count);
    const std::span<double> gradient(work.gradient.data() + first, count);
    const std::span<double> step(work.step.data() + first, count);
    c.walk.AddGradient(sessions, x, gradient);
    scratch.chain.Factor(sessions, std::span<const double>(work.information.data() + first, count),
                         c.walk);
    scratch.chain.Solve(gradient, step);
    scratch.variance.resize(count);
    scratch.chain.InverseDiagonal(scratch.variance);
    // (H^-1)_{m,n} for m <= n is variance[n] times the gains from m to n.
    for (int n = 0; n < count; ++n) {
      const int tn = layout.state_session_index[first + n];
      if (!c.standardized[tn]) continue;
      scratch.constraint_rhs[2 * tn] += step[n];
      scratch.constraint_rhs[2 * tn + 1] += x[n] * step[n];
      double covariance = scratch.variance[n];
      for (int m = n; m >= 0; --m) {
        if (m < n) covariance *= scratch.chain.Gain(m);
        const int tm = layout.state_session_index[first + m];
        if (!c.standardized[tm]) continue;
        const double coef_m[2] = {1.0, x[m]};
        const double coef_n[2] = {1.0, x[n]};
        for (int a = 0; a < 2; ++a) {
          for (int b = 0; b < 2; ++b) {
            const double term = coef_m[a] * covariance * coef_n[b];
            scratch.constraint_matrix[(2 * tm + a) * rows + (2 * tn + b)] += term;
            if (m != n) scratch.constraint_matrix[(2 * tn + b) * rows + (2 * tm + a)] += term;
          }
        }
      }
    }
  }
}

// Solves the symmetric positive definite system M y = r in place (r becomes
// y) by Cholesky; false if M is not numerically positive definite.
bool SolveSymmetric(std::vector<double>& m, std::vector<double>& r) {
  const int n = static_cast<int>(r.size());
  for (int j = 0; j < n; ++j) {
    double d = m[j * n + j];
    for (int k = 0; k < j; ++k) d -= m[j * n + k] * m[j * n + k];
    if (!(d > 0.0)) return false;
    const double root = std::sqrt(d);
    m[j * n + j] = root;
    for (int i = j + 1; i < n; ++i) {
      double e = m[i * n + j];
      for (int k = 0; k < j; ++k) e -= m[i * n + k] * m[j * n + k];
      m[i * n + j] = e / root;
    }
  }
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < i; ++k) r[i] -= m[i * n + k] * r[k];
    r[i] /= m[i * n + i];
  }
  for (int i = n - 1; i >= 0; --i) {
    for (int k = i + 1; k < n; ++k) r[i] -= m[k * n + i] * r[k];
    r[i] /= m[i * n + i];
  }
  return true;
}

// Stage B3 for states [begin, end): step = u - H^-1 A^T lambda.
void ApplyMultipliers(const Context& c, int begin, int end, const FitState& st,
                      const std::vector<double>& lambda, PositionWork& work,
                      BlockScratch& scratch) {
  const IdealPointLayout& layout = c.layout;
  for (int s = begin; s < end; ++s) {
    const int first = layout.state_begin[s];
    const int count = layout.state_begin[s + 1] - first;
    scratch.rhs.resize(count);
    for (int n = 0; n < count; ++n) {
      const int t = layout.state_session_index[first + n];
      scratch.rhs[n] =
          c.standardized[t] ? lambda[2 * t] + st.x[first + n] * lambda[2 * t + 1] : 0.0;
    }
    scratch.chain.Factor(Sessions(layout, s),
                         std::span<const double>(work.information.data() + first, count), c.walk);
    scratch.chain.Solve(scratch.rhs, scratch.rhs);
    for (int n = 0; n < count; ++n) work.step[first + n] -= scratch.rhs[n];
  }
}

// Pass B of the dynamic model: a Newton step for all positions, constrained
// to first order to keep every standardised session's mean and spread
// (stage B1, the multipliers, B3), then halved state by state as needed.
void UpdatePositions(const Context& c, FitState& st, PositionWork& work,
                     std::vector<BlockScratch>& scratch) {
  const IdealPointLayout& layout = c.layout;
  ForEachBlock(c.state_blocks, c.threads, [&](int block, int begin, int end) {
    NewtonStepsAndConstraints(c, begin, end, st, work, scratch[block]);
  });
  // Sum the blocks' shares in block order, then solve for the multipliers.
  const int rows = 2 * layout.num_sessions();
  std::vector<double> matrix(static_cast<std::size_t>(rows) * rows, 0.0);
  std::vector<double> lambda(rows, 0.0);
  for (const auto& b : scratch) {
    for (std::size_t e = 0; e < matrix.size(); ++e) matrix[e] += b.constraint_matrix[e];
    for (int r = 0; r < rows; ++r) lambda[r] += b.constraint_rhs[r];
  }
  for (int t = 0; t < layout.num_sessions(); ++t) {
    if (c.standardized[t]) continue;
    for (int r : {2 * t, 2 * t + 1}) matrix[r * rows + r] = 1.0;  // inert rows: lambda = 0
  }
  if (SolveSymmetric(matrix, lambda)) {
    ForEachBlock(c.state_blocks, c.threads, [&](int block, int begin, int end) {
      ApplyMultipliers(c, begin, end, st, lambda, work, scratch[block]);
    });
  }  // else keep the unconstrained step; the standardisation still follows

  // The objective is a sum over states once the roll calls are fixed, so
  // each state's step can be halved on its own; the standardisation that
  // follows restores the sessions' means and spreads exactly.
  ForEachBlock(c.state_blocks, c.threads, [&](int block, int begin, int end) {
    for (int s = begin; s < end; ++s) {
      const int first = layout.state_begin[s];
      const int last = layout.state_begin[s + 1];
      double largest = 0.0;
      for (int k = first; k < last; ++k) largest = std::max(largest, std::abs(work.step[k]));
      double scale = 1.0;
      if (largest > kTrustedStep) {
        const double current = StateLogPosterior(c, st, work, s, 0.0, scratch[block]);
        bool improved = false;
        for (int halving = 0; halving < kMaxHalvings && !improved; ++halving) {
          improved = StateLogPosterior(c, st, work, s, scale, scratch[block]) >= current;
          if (!improved) scale *= 0.5;
        }
        if (!improved) scale = 0.0;
      }
      for (int k = first; k < last; ++k) st.x[k] += scale * work.step[k];
    }
  });
}

// ---------------------------------------------------------------------------
// Standardisation. The likelihood depends on positions and roll calls only
// through alpha + beta x, so moving a session's positions to
// (x - mean) / sd while its roll calls take alpha + beta mean and beta sd
// changes nothing but the priors.

// Every session with enough states: mean 0, sd 1 (the dynamic model).
void StandardizeSessions(const Context& c, FitState& st) {
  const IdealPointLayout& layout = c.layout;
  const int num_sessions = layout.num_sessions();
  std::vector<double> count(num_sessions, 0.0), sum(num_sessions, 0.0), squares(num_sessions, 0.0);
  for (int k = 0; k < layout.num_state_sessions(); ++k) {
    const int t = layout.state_session_index[k];
    count[t] += 1.0;
    sum[t] += st.x[k];
  }
  std::vector<double> centre(num_sessions, 0.0), spread(num_sessions, 1.0);
  for (int t = 0; t < num_sessions; ++t) centre[t] = sum[t] / count[t];
  for (int k = 0; k < layout.num_state_sessions(); ++k) {
    const int t = layout.state_session_index[k];
    squares[t] += (st.x[k] - centre[t]) * (st.x[k] - centre[t]);
  }
  for (int t = 0; t < num_sessions; ++t) {
    const double sd = std::sqrt(squares[t] / count[t]);
    if (!c.standardized[t] || !(sd > 0.0)) {
      centre[t] = 0.0;
      spread[t] = 1.0;
    } else {
      spread[t] = sd;
    }
  }
  for (int k = 0; k < layout.num_state_sessions(); ++k) {
    const int t = layout.state_session_index[k];
    st.x[k] = (st.x[k] - centre[t]) / spread[t];
  }
  for (int i = 0; i < layout.num_items(); ++i) {
    const int t = layout.item_session[i];
    st.alpha[i] += st.beta[i] * centre[t];
    st.beta[i] *= spread[t];
  }
}

// After the warm-up each session's direction is arbitrary. Chain them: a
// session whose positions run against the previous session's (negative
// sum of products over the states voting in both) is flipped, x -> -x and
// beta -> -beta for its roll calls, which leaves the likelihood unchanged.
void AlignSessions(const Context& c, FitState& st) {
  const IdealPointLayout& layout = c.layout;
  const int num_sessions = layout.num_sessions();
  std::vector<double> agreement(num_sessions, 0.0);  // with the session before
  for (int s = 0; s < layout.num_states(); ++s) {
    for (int k = layout.state_begin[s] + 1; k < layout.state_begin[s + 1]; ++k) {
      const int t = layout.state_session_index[k];
      if (layout.state_session_index[k - 1] == t - 1) agreement[t] += st.x[k - 1] * st.x[k];
    }
  }
  std::vector<double> sign(num_sessions, 1.0);
  for (int t = 1; t < num_sessions; ++t) sign[t] = agreement[t] < 0.0 ? -sign[t - 1] : sign[t - 1];
  for (int k = 0; k < layout.num_state_sessions(); ++k) {
    st.x[k] *= sign[layout.state_session_index[k]];
  }
  for (int i = 0; i < layout.num_items(); ++i) st.beta[i] *= sign[layout.item_session[i]];
}

// ---------------------------------------------------------------------------
// SQUAREM (Varadhan & Roland 2008) over all parameters.

template <typename Fn>
void ForEachParameter(const FitState& a, const FitState& b, const FitState& c, Fn&& fn) {
  auto each = [&](const std::vector<double>& p, const std::vector<double>& q,
                  const std::vector<double>& r) {
    for (std::size_t i = 0; i < p.size(); ++i) fn(p[i], q[i], r[i]);
  };
  each(a.x, b.x, c.x);
  each(a.alpha, b.alpha, c.alpha);
  each(a.beta, b.beta, c.beta);
  each(a.tau, b.tau, c.tau);
}

// The step length -|r| / |v|, r = s1 - s0, v = s2 - 2 s1 + s0.
double SquaremStep(const FitState& s0, const FitState& s1, const FitState& s2) {
  double rr = 0.0, vv = 0.0;
  ForEachParameter(s0, s1, s2, [&](double p0, double p1, double p2) {
    rr += (p1 - p0) * (p1 - p0);
    vv += (p2 - 2.0 * p1 + p0) * (p2 - 2.0 * p1 + p0);
  });
  return vv > 0.0 ? -std::sqrt(rr / vv) : -1.0;
}

// s0 - 2 a r + a^2 v into `out`; false if a tau would not stay positive.
bool Extrapolate(const FitState& s0, const FitState& s1, const FitState& s2, double a,
                 FitState& out) {
  auto combine = [a](const std::vector<double>& p0, const std::vector<double>& p1,
                     const std::vector<double>& p2, std::vector<double>& q) {
    q.resize(p0.size());
    for (std::size_t i = 0; i < p0.size(); ++i) {
      q[i] = p0[i] - 2.0 * a * (p1[i] - p0[i]) + a * a * (p2[i] - 2.0 * p1[i] + p0[i]);
    }
  };
  combine(s0.x, s1.x, s2.x, out.x);
  combine(s0.alpha, s1.alpha, s2.alpha, out.alpha);
  combine(s0.beta, s1.beta, s2.beta, out.beta);
  combine(s0.tau, s1.tau, s2.tau, out.tau);
  return std::all_of(out.tau.begin(), out.tau.end(), [](double t) { return t > 0.0; });
}

// ---------------------------------------------------------------------------
// Output.

// The Laplace approximation at the mode, roll calls held fixed: the
// posterior precision of a state's positions is the prior's plus the
// observed information of its votes.
std::vector<double> PosteriorVariances(const Context& c, const FitState& st,
                                       std::vector<BlockScratch>& scratch) {
  const IdealPointLayout& layout = c.layout;
  PositionWork work;
  work.information.resize(layout.num_state_sessions());
  work.gradient.resize(layout.num_state_sessions());
  std::vector<double> variance(layout.num_state_sessions());
  ForEachBlock(c.state_blocks, c.threads, [&](int block, int begin, int end) {
    for (int s = begin; s < end; ++s) {
      StateDerivatives(layout, st, s, work);
      const int first = layout.state_begin[s];
      const std::size_t count = layout.state_begin[s + 1] - first;
      scratch[block].chain.Factor(Sessions(layout, s),
                                  std::span<const double>(work.information.data() + first, count),
                                  c.walk);
      scratch[block].chain.InverseDiagonal(std::span<double>(variance.data() + first, count));
    }
  });
  return variance;
}

double LogLikelihood(const Context& c, const FitState& st) {
  const IdealPointLayout& layout = c.layout;
  std::vector<double> partial(c.item_blocks.size() - 1, 0.0);
  ForEachBlock(c.item_blocks, c.threads, [&](int block, int begin, int end) {
    double sum = 0.0;
    for (int i = begin; i < end; ++i) {
      for (int v = layout.item_vote_begin[i]; v < layout.item_vote_begin[i + 1]; ++v) {
        sum += LogProbability(layout.vote_category[v],
                              st.alpha[i] + st.beta[i] * st.x[layout.vote_state_session[v]],
                              st.tau[i]);
      }
    }
    partial[block] = sum;
  });
  return SumInOrder(partial);
}

// The state that orients the scale: the anchor if it voted, else the state
// with the most votes (the first such in ccode order).
int OrientingState(const IdealPointLayout& layout, int anchor_ccode) {
  int best = -1, best_votes = -1;
  for (int s = 0; s < layout.num_states(); ++s) {
    if (layout.state_ccode[s] == anchor_ccode) return s;
    const int votes = layout.state_session_vote_begin[layout.state_begin[s + 1]] -
                      layout.state_session_vote_begin[layout.state_begin[s]];
    if (votes > best_votes ||
        (votes == best_votes && layout.state_ccode[s] < layout.state_ccode[best])) {
      best = s;
      best_votes = votes;
    }
  }
  return best;
}

}  // namespace

Result<IdealPointFit> EstimateIdealPoints(const IdealPointData& data,
                                          const IdealPointOptions& options) {
  if (Status s = CheckOptions(options); !s.ok()) return s;
  auto built = internal::BuildIdealPointLayout(data);
  if (!built.ok()) return built.status();
  const IdealPointLayout& layout = *built;

  int threads = options.threads;
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, kWorkBlocks);
  Context c{layout, options, ItemPrior(options), RandomWalkPrior{}, threads, {}, {}, {}};
  c.walk.initial_variance = options.initial_variance;
  c.walk.drift_variance = options.drift_variance;
  c.item_blocks = BalancedBlocks(layout.item_vote_begin, kWorkBlocks);
  std::vector<int> state_vote_begin(layout.num_states() + 1);
  for (int s = 0; s <= layout.num_states(); ++s) {
    state_vote_begin[s] = layout.state_session_vote_begin[layout.state_begin[s]];
  }
  c.state_blocks = BalancedBlocks(state_vote_begin, kWorkBlocks);
  {
    std::vector<int> states_in_session(layout.num_sessions(), 0);
    std::vector<int> items_in_session(layout.num_sessions(), 0);
    for (int t : layout.state_session_index) ++states_in_session[t];
    for (int t : layout.item_session) ++items_in_session[t];
    c.standardized.resize(layout.num_sessions());
    for (int t = 0; t < layout.num_sessions(); ++t) {
      c.standardized[t] = states_in_session[t] >= kMinStatesToStandardize &&
                          items_in_session[t] >= kMinItemsToStandardize;
    }
  }

  // Random start: one N(0, 1) draw per state, repeated over its sessions.
  FitState st;
  st.x.resize(layout.num_state_sessions());
  std::mt19937_64 rng(options.seed);
  std::normal_distribution<double> standard_normal(0.0, 1.0);
  for (int s = 0; s < layout.num_states(); ++s) {
    const double start = standard_normal(rng);
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) st.x[k] = start;
  }
  st.alpha.assign(layout.num_items(), kStartAlpha);
  st.beta.assign(layout.num_items(), kStartBeta);
  st.tau.assign(layout.num_items(), kStartTau);

  std::vector<BlockScratch> scratch(kWorkBlocks);
  PositionWork work;
  work.information.resize(layout.num_state_sessions());
  work.gradient.resize(layout.num_state_sessions());
  work.step.resize(layout.num_state_sessions());
  std::vector<double> before;
  IdealPointFit fit;
  // One sweep; returns the largest move of a position.
  auto sweep = [&](bool separate_sessions) {
    ++fit.iterations;
    StandardizeSessions(c, st);  // SQUAREM's jumps leave the standard scale
    before = st.x;
    ForEachBlock(c.item_blocks, c.threads,
                 [&](int, int begin, int end) { UpdateItems(c, begin, end, st); });
    if (separate_sessions) {
      ForEachBlock(c.state_blocks, c.threads, [&](int, int begin, int end) {
        UpdateSeparatePositions(c, begin, end, st, work);
      });
    } else {
      UpdatePositions(c, st, work, scratch);
    }
    StandardizeSessions(c, st);
    double change = 0.0;
    for (std::size_t k = 0; k < st.x.size(); ++k) {
      change = std::max(change, std::abs(st.x[k] - before[k]));
    }
    fit.max_change = change;
    return change;
  };

  // Warm-up: every session fitted on its own (one-dimensional scaling of a
  // single session has one clear optimum in practice), then the sessions'
  // directions chained. Started at random directly in the dynamic model,
  // or in a static model with one position per state for 70 years, eras
  // can settle with opposite signs, joined by a "wall" of sessions, or on a
  // poor compromise between the Cold War and North-South divides.
  const int warmup_cap = std::max(1, options.max_iterations / kWarmupShareOfIterations);
  for (int i = 0; i < warmup_cap && fit.iterations < options.max_iterations; ++i) {
    if (sweep(true) < std::max(options.tolerance, kWarmupTolerance)) break;
  }
  AlignSessions(c, st);

  // The dynamic model, sweeps accelerated by SQUAREM: two sweeps, a jump
  // along the extrapolated path, one sweep from there; the jump is kept if
  // the log posterior does not fall below the second sweep's. The bound on
  // the jump grows while jumps succeed and shrinks when one fails.
  double max_step = 1.0;
  FitState s0, s1, s2, jumped;
  bool done = false;
  while (!done && fit.iterations < options.max_iterations) {
    s0 = st;  // standardised: every sweep ends so, and flips keep it so
    if ((done = sweep(false) < options.tolerance) || fit.iterations >= options.max_iterations) {
      break;
    }
    s1 = st;
    if ((done = sweep(false) < options.tolerance) || fit.iterations >= options.max_iterations) {
      break;
    }
    s2 = st;
    const double a = std::max(SquaremStep(s0, s1, s2), -max_step);
    if (a > -1.0 || !Extrapolate(s0, s1, s2, a, jumped)) continue;  // plain sweeps
    const double reference = LogPosterior(c, s2);
    st = jumped;
    done = sweep(false) < options.tolerance;
    const double reached = LogPosterior(c, st);
    if (std::isfinite(reached) && reached >= reference) {
      if (a <= -max_step) max_step *= kSquaremStepGrowth;
    } else {
      st = s2;
      done = false;
      max_step = std::max(1.0, max_step / kSquaremStepGrowth);
    }
  }
  fit.converged = done;
  fit.log_likelihood = LogLikelihood(c, st);
  const std::vector<double> variance = PosteriorVariances(c, st, scratch);

  // Orientation: the likelihood is unchanged when every x and beta change sign.
  const int anchor = OrientingState(layout, options.anchor_ccode);
  fit.anchor_ccode = layout.state_ccode[anchor];
  double anchor_sum = 0.0;
  for (int k = layout.state_begin[anchor]; k < layout.state_begin[anchor + 1]; ++k) {
    anchor_sum += st.x[k];
  }
  const double sign = anchor_sum < 0.0 ? -1.0 : 1.0;

  fit.estimates.reserve(layout.num_state_sessions());
  for (int s = 0; s < layout.num_states(); ++s) {
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) {
      IdealPointEstimate e;
      e.ccode = layout.state_ccode[s];
      e.session = layout.state_session_number[k];
      e.idealpoint = sign * st.x[k];
      e.se = std::sqrt(variance[k]);
      e.votes = layout.state_session_vote_begin[k + 1] - layout.state_session_vote_begin[k];
      fit.estimates.push_back(e);
    }
  }
  std::sort(fit.estimates.begin(), fit.estimates.end(), [](const auto& a, const auto& b) {
    return std::pair(a.session, a.ccode) < std::pair(b.session, b.ccode);
  });
  fit.items = layout.num_items();
  fit.votes = layout.num_votes();
  return fit;
}

Result<std::vector<IdealPointDistance>> IdealPointDistances(const IdealPointFit& fit, int ccode_a,
                                                            int ccode_b) {
  std::vector<const IdealPointEstimate*> a, b;  // both in session order
  for (const auto& e : fit.estimates) {
    if (e.ccode == ccode_a) a.push_back(&e);
    if (e.ccode == ccode_b) b.push_back(&e);
  }
  for (auto [code, list] : {std::pair(ccode_a, &a), std::pair(ccode_b, &b)}) {
    if (list->empty()) {
      return Status::NotFound("ideal points: country " + std::to_string(code) +
                              " has no estimate in any session (did it vote?)");
    }
  }
  std::vector<IdealPointDistance> out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i]->session < b[j]->session) {
      ++i;
    } else if (b[j]->session < a[i]->session) {
      ++j;
    } else {
      IdealPointDistance d;
      d.session = a[i]->session;
      d.distance = std::abs(a[i]->idealpoint - b[j]->idealpoint);
      // A state is at distance 0 from itself with certainty.
      d.se = ccode_a == ccode_b ? 0.0 : std::hypot(a[i]->se, b[j]->se);
      out.push_back(d);
      ++i;
      ++j;
    }
  }
  return out;
}

}  // namespace entente
