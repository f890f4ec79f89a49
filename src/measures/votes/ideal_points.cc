// Joint posterior mode of the dynamic ordinal ideal-point model by block
// Newton ascent; the model and the reasons are in docs/ideal_points.md.
// Each iteration is two passes and a normalisation:
//   A. per roll call (parameter group): one safeguarded Newton step for its
//      (alpha, beta, tau) given the positions;
//   B. per state: one safeguarded Newton step for its positions in all its
//      sessions at once given the roll calls (a tridiagonal solve);
//   C. the positions are put back on a scale with mean 0 and sd 1.
// Both passes are embarrassingly parallel over disjoint blocks, so every sum
// is taken in the same order whatever the number of threads.
#include "entente/ideal_points.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <utility>

#include "measures/votes/ideal_points_smoother.h"
#include "measures/votes/ideal_points_truncnorm.h"

namespace entente {
namespace {

using internal::SmootherScratch;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Starting roll-call parameters: no discrimination, utilities centred on
// the "no" threshold, an abstention band of one probit unit.
constexpr double kStartAlpha = 0.0;
constexpr double kStartBeta = 0.0;
constexpr double kStartTau = 1.0;
// Step halvings tried before a block keeps its old values for this round.
constexpr int kMaxHalvings = 30;
// A Newton step may shrink tau at most to this share of its value.
constexpr double kMinTauShare = 0.1;
// The warm-up (see EstimateIdealPoints): the share of max_iterations it may
// take at most (1 / this), and how much looser than `tolerance` its
// stopping rule is.
constexpr int kWarmupShareOfIterations = 4;
constexpr double kWarmupToleranceFactor = 10.0;

// The votes and the two groupings the passes iterate over, built once.
struct Layout {
  // Votes sorted by parameter group: group g owns [group_begin[g], group_begin[g+1]).
  std::vector<int> group_begin;
  std::vector<int32_t> vote_state_session;
  std::vector<int8_t> vote_category;
  std::vector<int32_t> vote_group;
  // State-sessions sorted by state, then session: state s owns
  // [state_begin[s], state_begin[s+1]).
  std::vector<int> state_begin;
  std::vector<int> state_ccode;
  std::vector<int> state_session;  // indexed by state-session
  // Votes of each state-session (indices into the sorted votes).
  std::vector<int> state_session_vote_begin;
  std::vector<int32_t> state_session_votes;
};

Status CheckOptions(const IdealPointOptions& o) {
  auto bad = [](const std::string& what) {
    return Status::Usage("ideal points: " + what);
  };
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

Status CheckData(const IdealPointData& data) {
  const auto num_items = static_cast<int64_t>(data.item_session.size());
  const auto num_countries = static_cast<int64_t>(data.ccodes.size());
  if (data.votes.empty()) {
    return Status::Data("ideal points: no yes/abstain/no votes to scale (absences do not count)");
  }
  if (!data.item_bridge.empty() && static_cast<int64_t>(data.item_bridge.size()) != num_items) {
    return Status::Data("ideal points: item_bridge has " + std::to_string(data.item_bridge.size()) +
                        " entries for " + std::to_string(num_items) +
                        " items (leave it empty or give one per item)");
  }
  std::vector<int> sorted_codes = data.ccodes;
  std::sort(sorted_codes.begin(), sorted_codes.end());
  auto dup = std::adjacent_find(sorted_codes.begin(), sorted_codes.end());
  if (dup != sorted_codes.end()) {
    return Status::Data("ideal points: country code " + std::to_string(*dup) +
                        " appears twice in ccodes");
  }
  for (std::size_t v = 0; v < data.votes.size(); ++v) {
    const auto& vote = data.votes[v];
    if (vote.item < 0 || vote.item >= num_items || vote.country < 0 ||
        vote.country >= num_countries) {
      return Status::Data("ideal points: vote " + std::to_string(v) + " refers to item " +
                          std::to_string(vote.item) + " and country " +
                          std::to_string(vote.country) + ", but there are " +
                          std::to_string(num_items) + " items and " +
                          std::to_string(num_countries) + " countries");
    }
    if (vote.category != IdealPointData::kNo && vote.category != IdealPointData::kAbstain &&
        vote.category != IdealPointData::kYes) {
      return Status::Data("ideal points: vote " + std::to_string(v) + " has category " +
                          std::to_string(vote.category) +
                          " (use 0 no, 1 abstain, 2 yes; drop absences)");
    }
  }
  return Status::Ok();
}

// Counting sort: the permutation listing indices grouped by key (stable), and
// the start of each key's block.
void GroupBy(const std::vector<int>& key, int num_keys, std::vector<int>& begin,
             std::vector<int32_t>& order) {
  begin.assign(static_cast<std::size_t>(num_keys) + 1, 0);
  for (int k : key) ++begin[static_cast<std::size_t>(k) + 1];
  for (int k = 0; k < num_keys; ++k) begin[k + 1] += begin[k];
  std::vector<int> next(begin.begin(), begin.end() - 1);
  order.resize(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) order[next[key[i]]++] = static_cast<int32_t>(i);
}

Result<Layout> BuildLayout(const IdealPointData& data) {
  const int num_items = static_cast<int>(data.item_session.size());
  const int num_votes = static_cast<int>(data.votes.size());

  // A country may vote at most once on a roll call.
  {
    std::vector<int> item_of(num_votes);
    for (int v = 0; v < num_votes; ++v) item_of[v] = data.votes[v].item;
    std::vector<int> begin;
    std::vector<int32_t> order;
    GroupBy(item_of, num_items, begin, order);
    std::vector<int> last_item(data.ccodes.size(), -1);
    for (int item = 0; item < num_items; ++item) {
      for (int i = begin[item]; i < begin[item + 1]; ++i) {
        const int country = data.votes[order[i]].country;
        if (last_item[country] == item) {
          return Status::Data("ideal points: country " + std::to_string(data.ccodes[country]) +
                              " has two votes on item " + std::to_string(item));
        }
        last_item[country] = item;
      }
    }
  }

  // Parameter groups: one per bridge group, one per unbridged item, and
  // only for roll calls that received votes.
  std::vector<int> item_group(num_items, -1);
  int num_groups = 0;
  {
    std::vector<char> has_votes(num_items, 0);
    for (const auto& vote : data.votes) has_votes[vote.item] = 1;
    std::vector<std::pair<int, int>> bridged;  // (bridge group, item)
    for (int item = 0; item < num_items; ++item) {
      if (!has_votes[item]) continue;
      if (!data.item_bridge.empty() && data.item_bridge[item] >= 0) {
        bridged.emplace_back(data.item_bridge[item], item);
      } else {
        item_group[item] = num_groups++;
      }
    }
    std::sort(bridged.begin(), bridged.end());
    for (std::size_t i = 0; i < bridged.size(); ++i) {
      if (i == 0 || bridged[i].first != bridged[i - 1].first) ++num_groups;
      item_group[bridged[i].second] = num_groups - 1;
    }
  }

  // State-sessions in (country, session) order, so that each state's
  // sessions form one ascending run.
  std::vector<std::pair<int, int>> keys(num_votes);
  for (int v = 0; v < num_votes; ++v) {
    keys[v] = {data.votes[v].country, data.item_session[data.votes[v].item]};
  }
  std::vector<std::pair<int, int>> unique_keys = keys;
  std::sort(unique_keys.begin(), unique_keys.end());
  unique_keys.erase(std::unique(unique_keys.begin(), unique_keys.end()), unique_keys.end());
  const int num_state_sessions = static_cast<int>(unique_keys.size());

  Layout layout;
  std::vector<int> vote_group_unsorted(num_votes);
  for (int v = 0; v < num_votes; ++v) vote_group_unsorted[v] = item_group[data.votes[v].item];
  std::vector<int32_t> order;
  GroupBy(vote_group_unsorted, num_groups, layout.group_begin, order);
  layout.vote_state_session.resize(num_votes);
  layout.vote_category.resize(num_votes);
  layout.vote_group.resize(num_votes);
  std::vector<int> sorted_state_session(num_votes);
  for (int i = 0; i < num_votes; ++i) {
    const int v = order[i];
    auto it = std::lower_bound(unique_keys.begin(), unique_keys.end(), keys[v]);
    const int ss = static_cast<int>(it - unique_keys.begin());
    layout.vote_state_session[i] = ss;
    sorted_state_session[i] = ss;
    layout.vote_category[i] = data.votes[v].category;
    layout.vote_group[i] = vote_group_unsorted[v];
  }
  GroupBy(sorted_state_session, num_state_sessions, layout.state_session_vote_begin,
          layout.state_session_votes);

  layout.state_session.resize(num_state_sessions);
  for (int k = 0; k < num_state_sessions; ++k) {
    layout.state_session[k] = unique_keys[k].second;
    if (k == 0 || unique_keys[k].first != unique_keys[k - 1].first) {
      layout.state_begin.push_back(k);
      layout.state_ccode.push_back(data.ccodes[unique_keys[k].first]);
    }
  }
  layout.state_begin.push_back(num_state_sessions);
  return layout;
}

// Splits [0, n) into `parts` contiguous blocks of about equal weight, where
// block i of the result is [bounds[i], bounds[i+1]) and the weight of unit u
// is weight_begin[u+1] - weight_begin[u].
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

// Runs fn(block, begin, end) for every block, blocks 1.. on their own threads.
template <typename Fn>
void ForEachBlock(const std::vector<int>& bounds, Fn&& fn) {
  const int blocks = static_cast<int>(bounds.size()) - 1;
  std::vector<std::thread> workers;
  workers.reserve(blocks > 0 ? blocks - 1 : 0);
  for (int b = 1; b < blocks; ++b) {
    workers.emplace_back([&fn, &bounds, b] { fn(b, bounds[b], bounds[b + 1]); });
  }
  if (blocks > 0) fn(0, bounds[0], bounds[1]);
  for (auto& worker : workers) worker.join();
}

// One vote's log-probability under the ordered probit, and its first and
// second derivatives in the linear predictor eta = alpha + beta x and the
// band width tau. The latent utility is eta + e, e ~ N(0, 1): a no when it
// is below 0, an abstention between 0 and tau, a yes above tau; so e lies in
// (L, U) = (-inf, -eta), (-eta, tau - eta) or (tau - eta, inf). With
// pl = phi(L) / P and pu = phi(U) / P, d log P / dL = -pl, d log P / dU = pu,
// and the second derivatives follow; eta moves both ends, tau one of them.
struct VoteTerms {
  double log_p = 0.0;
  double d_eta = 0.0, d_tau = 0.0;
  double h_eta_eta = 0.0, h_eta_tau = 0.0, h_tau_tau = 0.0;
};

inline VoteTerms Differentiate(int8_t category, double eta, double tau) {
  VoteTerms out;
  if (category == IdealPointData::kNo) {
    const double upper = -eta;
    const auto t = internal::StandardIntervalTerms(-kInfinity, upper);
    const double pu = t.upper_ratio;
    out.log_p = t.log_mass;
    out.d_eta = -pu;
    out.h_eta_eta = -upper * pu - pu * pu;
  } else if (category == IdealPointData::kYes) {
    const double lower = tau - eta;
    const auto t = internal::StandardIntervalTerms(lower, kInfinity);
    const double pl = t.lower_ratio;
    const double h = lower * pl - pl * pl;  // d^2 log P / dL^2
    out.log_p = t.log_mass;
    out.d_eta = pl;
    out.d_tau = -pl;
    out.h_eta_eta = h;
    out.h_eta_tau = -h;
    out.h_tau_tau = h;
  } else {
    const double lower = -eta;
    const double upper = tau - eta;
    const auto t = internal::StandardIntervalTerms(lower, upper);
    const double pl = t.lower_ratio;
    const double pu = t.upper_ratio;
    out.log_p = t.log_mass;
    out.d_eta = pl - pu;
    out.d_tau = pu;
    out.h_eta_eta = lower * pl - upper * pu - (pl - pu) * (pl - pu);
    out.h_tau_tau = -upper * pu - pu * pu;
    out.h_eta_tau = upper * pu + pu * pu - pl * pu;
  }
  return out;
}

inline double LogProbability(int8_t category, double eta, double tau) {
  if (category == IdealPointData::kNo) return internal::LogNormalMass(-kInfinity, -eta);
  if (category == IdealPointData::kYes) return internal::LogNormalMass(tau - eta, kInfinity);
  return internal::LogNormalMass(-eta, tau - eta);
}

// Mutable state of one fit.
struct FitState {
  std::vector<double> x;      // per state-session: the position
  std::vector<double> alpha;  // per group: intercept
  std::vector<double> beta;   // per group: discrimination
  std::vector<double> tau;    // per group: width of the abstention band
  bool static_positions = false;  // warm-up: one position per state for all sessions
};

// The item prior: alpha, beta ~ N(0, v) and tau ~ Gamma(shape, shape / guess).
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

// Solves the 3x3 system A d = g for symmetric positive definite A (upper
// triangle a00 a01 a02 a11 a12 a22) by Cholesky. False if A is not
// numerically positive definite.
bool SolveSymmetric3(const double a[6], const double g[3], double d[3]) {
  const double l00 = a[0];
  if (!(l00 > 0.0)) return false;
  const double r00 = std::sqrt(l00);
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

// Pass A on groups [begin, end): a Newton step on each group's log
// posterior (concave in alpha, beta, tau: Pratt 1981), halved until it
// does not go down.
void UpdateItems(const Layout& layout, const ItemPrior& prior, int begin, int end,
                 FitState& st) {
  for (int g = begin; g < end; ++g) {
    const double alpha = st.alpha[g], beta = st.beta[g], tau = st.tau[g];
    double objective = prior.LogDensity(alpha, beta, tau);
    double grad[3] = {-prior.precision * alpha, -prior.precision * beta,
                      prior.shape_minus_one / tau - prior.rate};
    // Negative Hessian, upper triangle: (aa, ab, at, bb, bt, tt).
    double info[6] = {prior.precision, 0.0, 0.0, prior.precision, 0.0,
                      prior.shape_minus_one / (tau * tau)};
    for (int v = layout.group_begin[g]; v < layout.group_begin[g + 1]; ++v) {
      const double x = st.x[layout.vote_state_session[v]];
      const VoteTerms t = Differentiate(layout.vote_category[v], alpha + beta * x, tau);
      objective += t.log_p;
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
    if (!SolveSymmetric3(info, grad, step)) continue;  // cannot happen with the prior; be safe
    double scale = 1.0;
    while (tau + scale * step[2] < kMinTauShare * tau) scale *= 0.5;
    for (int halving = 0; halving < kMaxHalvings; ++halving, scale *= 0.5) {
      const double a = alpha + scale * step[0];
      const double b = beta + scale * step[1];
      const double c = tau + scale * step[2];
      double trial = prior.LogDensity(a, b, c);
      for (int v = layout.group_begin[g]; v < layout.group_begin[g + 1]; ++v) {
        trial += LogProbability(layout.vote_category[v], a + b * st.x[layout.vote_state_session[v]],
                                c);
      }
      if (trial >= objective) {
        st.alpha[g] = a;
        st.beta[g] = b;
        st.tau[g] = c;
        break;
      }
    }
  }
}

// Per-worker buffers for pass B.
struct StateScratch {
  SmootherScratch smoother;
  std::vector<double> information, score, proposal, trial, variance;
};

// The observed information and gradient of the log-likelihood of each of
// state s's sessions in its position; returns the log-likelihood.
double StateDerivatives(const Layout& layout, const FitState& st, int s, StateScratch& w) {
  const int first = layout.state_begin[s];
  const int count = layout.state_begin[s + 1] - first;
  w.information.assign(count, 0.0);
  w.score.assign(count, 0.0);
  double log_likelihood = 0.0;
  for (int i = 0; i < count; ++i) {
    const int k = first + i;
    for (int j = layout.state_session_vote_begin[k]; j < layout.state_session_vote_begin[k + 1];
         ++j) {
      const int v = layout.state_session_votes[j];
      const int g = layout.vote_group[v];
      const VoteTerms t =
          Differentiate(layout.vote_category[v], st.alpha[g] + st.beta[g] * st.x[k], st.tau[g]);
      log_likelihood += t.log_p;
      w.score[i] += st.beta[g] * t.d_eta;
      w.information[i] -= st.beta[g] * st.beta[g] * t.h_eta_eta;
    }
  }
  return log_likelihood;
}

// Pass B on states [begin, end): a Newton step on each state's log
// posterior in all its positions at once (concave: a log-concave
// likelihood plus a Gaussian prior), halved until it does not go down.
void UpdateStates(const Layout& layout, const IdealPointOptions& options, int begin, int end,
                  FitState& st, StateScratch& w) {
  for (int s = begin; s < end; ++s) {
    const int first = layout.state_begin[s];
    const int count = layout.state_begin[s + 1] - first;
    const std::span<const int> sessions(layout.state_session.data() + first, count);
    const std::span<double> x(st.x.data() + first, count);
    const double drift = st.static_positions ? 0.0 : options.drift_variance;
    auto log_prior = [&](std::span<const double> positions) {
      // A static state has one position: only the first-session term counts.
      return st.static_positions
                 ? -0.5 * positions[0] * positions[0] / options.initial_variance
                 : internal::RandomWalkLogPrior(sessions, positions, options.initial_variance,
                                                drift);
    };
    const double objective = StateDerivatives(layout, st, s, w) + log_prior(x);
    w.proposal.resize(count);
    if (st.static_positions) {
      double information = 1.0 / options.initial_variance;
      double gradient = -x[0] / options.initial_variance;
      for (int i = 0; i < count; ++i) {
        information += w.information[i];
        gradient += w.score[i];
      }
      w.proposal.assign(count, x[0] + gradient / information);
    } else {
      // Newton: (prior precision + I) (x' - x) = grad - prior precision x,
      // i.e. (prior precision + I) x' = grad + I x.
      for (int i = 0; i < count; ++i) w.score[i] += w.information[i] * x[i];
      w.variance.resize(count);
      internal::SmoothRandomWalk(sessions, w.information, w.score, options.initial_variance,
                                 drift, w.proposal, w.variance, w.smoother);
    }
    w.trial.resize(count);
    double scale = 1.0;
    for (int halving = 0; halving < kMaxHalvings; ++halving, scale *= 0.5) {
      for (int i = 0; i < count; ++i) w.trial[i] = x[i] + scale * (w.proposal[i] - x[i]);
      double trial = log_prior(w.trial);
      for (int i = 0; i < count; ++i) {
        const int k = first + i;
        for (int j = layout.state_session_vote_begin[k];
             j < layout.state_session_vote_begin[k + 1]; ++j) {
          const int v = layout.state_session_votes[j];
          const int g = layout.vote_group[v];
          trial += LogProbability(layout.vote_category[v], st.alpha[g] + st.beta[g] * w.trial[i],
                                  st.tau[g]);
        }
      }
      if (trial >= objective) {
        std::copy(w.trial.begin(), w.trial.end(), x.begin());
        break;
      }
    }
  }
}

// The likelihood depends on positions and roll calls only through
// alpha + beta x, so x -> (x - mean) / sd with alpha -> alpha + beta mean,
// beta -> beta sd changes nothing but the priors. This fixes the origin and
// unit of the scale: all state-sessions pooled have mean 0 and standard
// deviation 1, so omega^2 is in units of that spread.
void Normalize(FitState& st) {
  const double count = static_cast<double>(st.x.size());
  double sum = 0.0;
  for (double x : st.x) sum += x;
  const double centre = sum / count;
  double squares = 0.0;
  for (double x : st.x) squares += (x - centre) * (x - centre);
  const double spread = std::sqrt(squares / count);
  if (!(spread > 0.0)) return;  // all equal: nothing to scale
  for (double& x : st.x) x = (x - centre) / spread;
  for (std::size_t g = 0; g < st.beta.size(); ++g) {
    st.alpha[g] += st.beta[g] * centre;
    st.beta[g] *= spread;
  }
}

// The Laplace approximation at the mode, roll calls held fixed: the
// posterior precision of a state's positions is the prior's plus the
// observed information of its votes. Writes variances for states [begin, end).
void PosteriorVariances(const Layout& layout, const IdealPointOptions& options, int begin,
                        int end, const FitState& st, StateScratch& w,
                        std::vector<double>& variance) {
  for (int s = begin; s < end; ++s) {
    const int first = layout.state_begin[s];
    const int count = layout.state_begin[s + 1] - first;
    StateDerivatives(layout, st, s, w);
    w.proposal.resize(count);
    internal::SmoothRandomWalk(std::span<const int>(layout.state_session.data() + first, count),
                               w.information, w.score, options.initial_variance,
                               options.drift_variance, w.proposal,
                               std::span<double>(variance.data() + first, count), w.smoother);
  }
}

double LogLikelihood(const Layout& layout, const FitState& st, const std::vector<int>& bounds) {
  std::vector<double> partial(bounds.size() - 1, 0.0);
  ForEachBlock(bounds, [&](int block, int begin, int end) {
    double sum = 0.0;
    for (int g = begin; g < end; ++g) {
      for (int v = layout.group_begin[g]; v < layout.group_begin[g + 1]; ++v) {
        sum += LogProbability(layout.vote_category[v],
                              st.alpha[g] + st.beta[g] * st.x[layout.vote_state_session[v]],
                              st.tau[g]);
      }
    }
    partial[block] = sum;
  });
  double total = 0.0;
  for (double p : partial) total += p;
  return total;
}

}  // namespace

Result<IdealPointFit> EstimateIdealPoints(const IdealPointData& data,
                                          const IdealPointOptions& options) {
  if (Status s = CheckOptions(options); !s.ok()) return s;
  if (Status s = CheckData(data); !s.ok()) return s;
  auto built = BuildLayout(data);
  if (!built.ok()) return built.status();
  const Layout& layout = *built;

  const int num_groups = static_cast<int>(layout.group_begin.size()) - 1;
  const int num_states = static_cast<int>(layout.state_begin.size()) - 1;
  const int num_state_sessions = static_cast<int>(layout.state_session.size());

  int threads = options.threads;
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::vector<int> group_blocks = BalancedBlocks(layout.group_begin, threads);
  std::vector<int> state_vote_begin(num_states + 1);
  for (int s = 0; s <= num_states; ++s) {
    state_vote_begin[s] = layout.state_session_vote_begin[layout.state_begin[s]];
  }
  const std::vector<int> state_blocks = BalancedBlocks(state_vote_begin, threads);

  // Random start: one N(0, 1) draw per state, repeated over its sessions.
  FitState st;
  st.x.resize(num_state_sessions);
  std::mt19937_64 rng(options.seed);
  std::normal_distribution<double> standard_normal(0.0, 1.0);
  for (int s = 0; s < num_states; ++s) {
    const double start = standard_normal(rng);
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) st.x[k] = start;
  }
  st.alpha.assign(num_groups, kStartAlpha);
  st.beta.assign(num_groups, kStartBeta);
  st.tau.assign(num_groups, kStartTau);

  const ItemPrior prior(options);
  std::vector<StateScratch> scratch(state_blocks.size() - 1);
  std::vector<double> previous;
  auto iterate = [&] {
    previous = st.x;
    ForEachBlock(group_blocks,
                 [&](int, int begin, int end) { UpdateItems(layout, prior, begin, end, st); });
    ForEachBlock(state_blocks, [&](int block, int begin, int end) {
      UpdateStates(layout, options, begin, end, st, scratch[block]);
    });
    Normalize(st);
    double change = 0.0;
    for (int k = 0; k < num_state_sessions; ++k) {
      change = std::max(change, std::abs(st.x[k] - previous[k]));
    }
    return change;
  };

  IdealPointFit fit;
  // Warm-up: every state keeps one position across all its sessions (the
  // static one-dimensional model), which settles on one direction for the
  // whole period. Started at random directly in the dynamic model, eras
  // can settle with opposite signs, joined by a "wall" of sessions where
  // everyone sits near 0 that the iterations remove only very slowly.
  st.static_positions = true;
  const int warmup_cap = std::max(1, options.max_iterations / kWarmupShareOfIterations);
  for (int i = 0; i < warmup_cap; ++i) {
    ++fit.iterations;
    if (iterate() < options.tolerance * kWarmupToleranceFactor) break;
  }
  st.static_positions = false;
  while (fit.iterations < options.max_iterations) {
    ++fit.iterations;
    fit.max_change = iterate();
    if (fit.max_change < options.tolerance) {
      fit.converged = true;
      break;
    }
  }
  fit.log_likelihood = LogLikelihood(layout, st, group_blocks);
  std::vector<double> variance(num_state_sessions);
  ForEachBlock(state_blocks, [&](int block, int begin, int end) {
    PosteriorVariances(layout, options, begin, end, st, scratch[block], variance);
  });

  // Orientation: the likelihood is unchanged when every x and beta change sign.
  int anchor = -1;
  for (int s = 0; s < num_states; ++s) {
    if (layout.state_ccode[s] == options.anchor_ccode) anchor = s;
  }
  if (anchor < 0) {
    int most = -1;
    for (int s = 0; s < num_states; ++s) {
      const int votes = state_vote_begin[s + 1] - state_vote_begin[s];
      if (votes > most) {  // states are in country-index order; the first wins ties
        most = votes;
        anchor = s;
      }
    }
  }
  fit.anchor_ccode = layout.state_ccode[anchor];
  double anchor_sum = 0.0;
  for (int k = layout.state_begin[anchor]; k < layout.state_begin[anchor + 1]; ++k) {
    anchor_sum += st.x[k];
  }
  const double sign = anchor_sum < 0.0 ? -1.0 : 1.0;

  fit.estimates.reserve(num_state_sessions);
  for (int s = 0; s < num_states; ++s) {
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) {
      IdealPointEstimate e;
      e.ccode = layout.state_ccode[s];
      e.session = layout.state_session[k];
      e.idealpoint = sign * st.x[k];
      e.se = std::sqrt(variance[k]);
      e.votes = layout.state_session_vote_begin[k + 1] - layout.state_session_vote_begin[k];
      fit.estimates.push_back(e);
    }
  }
  std::sort(fit.estimates.begin(), fit.estimates.end(), [](const auto& a, const auto& b) {
    return std::pair(a.session, a.ccode) < std::pair(b.session, b.ccode);
  });
  fit.items = num_groups;
  fit.votes = static_cast<int>(layout.vote_category.size());
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
