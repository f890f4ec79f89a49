// Variational EM for the dynamic ordinal ideal-point model; the equations are
// in docs/ideal_points.md. Each iteration is two passes:
//   A. per roll call (parameter group): the E step for the latent utilities
//      of its votes, then the closed-form update of its parameters;
//   B. per state: the exact Gaussian posterior of its positions across
//      sessions (a tridiagonal solve) given the utilities of pass A.
// Both passes are embarrassingly parallel over disjoint blocks, so every sum
// is taken in the same order whatever the number of threads.
#include "entente/ideal_points.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <utility>

#include "measures/votes/ideal_points_smoother.h"
#include "measures/votes/ideal_points_truncnorm.h"

namespace entente {
namespace {

using internal::SmootherScratch;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// After dividing utilities by the abstention band (Imai, Lo & Olmsted's
// reparametrisation of the three-category probit) the thresholds are 0 and 1.
constexpr double kNoBelow = 0.0;
constexpr double kYesAbove = 1.0;
// Starting values of the roll-call parameters: no discrimination, the mean
// utility in the middle of the abstention band, unit noise.
constexpr double kStartIntercept = 0.5;
constexpr double kStartNoiseVariance = 1.0;
// The warm-up (see EstimateIdealPoints): omega^2 during it, the share of
// max_iterations it may take at most (1 / this), and how much looser than
// `tolerance` its stopping rule is.
constexpr double kWarmupDriftVariance = 1e-4;
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
  if (!(o.abstain_band_df > 0.0)) return bad("abstain_band_df must be positive");
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

// The latent-utility interval of a vote category after reparametrisation.
inline void CategoryInterval(int8_t category, double& lower, double& upper) {
  lower = category == IdealPointData::kNo ? -kInfinity
          : category == IdealPointData::kAbstain ? kNoBelow
                                                 : kYesAbove;
  upper = category == IdealPointData::kNo ? kNoBelow
          : category == IdealPointData::kAbstain ? kYesAbove
                                                 : kInfinity;
}

// Mutable state of one fit.
struct FitState {
  std::vector<double> mean;       // per state-session: the position x
  std::vector<double> intercept;  // per group: a (reparametrised)
  std::vector<double> slope;      // per group: b
  std::vector<double> noise;      // per group: s^2 = 1 / tau^2
  std::vector<double> utility;    // per sorted vote: E[z]
  double drift = 0.0;             // omega^2 in force
};

// Pass A on groups [begin, end): E step for the votes' utilities, then the
// M step for the group's (a, b, s^2) given the current positions.
void UpdateItems(const Layout& layout, const IdealPointOptions& options, int begin, int end,
                 FitState& st) {
  const double prior_precision = 1.0 / options.item_prior_variance;
  // nu0 * s0^2 of the inverse-gamma prior on s^2 = 1 / tau^2.
  const double noise_prior_sum =
      options.abstain_band_df / (options.abstain_band_guess * options.abstain_band_guess);
  for (int g = begin; g < end; ++g) {
    const double a = st.intercept[g];
    const double b = st.slope[g];
    const double s = std::sqrt(st.noise[g]);
    double n = 0, sx = 0, sxx = 0, sz = 0, szx = 0, szz = 0;
    for (int v = layout.group_begin[g]; v < layout.group_begin[g + 1]; ++v) {
      const double x = st.mean[layout.vote_state_session[v]];
      const double mu = a + b * x;
      double lower, upper;
      CategoryInterval(layout.vote_category[v], lower, upper);
      const auto t = internal::StandardTruncatedMoments((lower - mu) / s, (upper - mu) / s);
      const double ez = mu + s * t.mean;
      st.utility[v] = ez;
      n += 1.0;
      sx += x;
      sxx += x * x;
      sz += ez;
      szx += ez * x;
      szz += st.noise[g] * t.variance + ez * ez;  // E[z^2]
    }
    // Ridge regression of E[z] on (1, x); the ridge is the item prior.
    const double h00 = n + prior_precision;
    const double h11 = sxx + prior_precision;
    const double det = h00 * h11 - sx * sx;
    const double na = (h11 * sz - sx * szx) / det;
    const double nb = (h00 * szx - sx * sz) / det;
    // E[sum (z - a - b x)^2] over the truncated utilities.
    const double rss = szz - 2.0 * na * sz - 2.0 * nb * szx + na * na * n + 2.0 * na * nb * sx +
                       nb * nb * sxx;
    const double penalty = (na * na + nb * nb) * prior_precision;
    st.intercept[g] = na;
    st.slope[g] = nb;
    // Posterior mode of s^2 under the normal-inverse-gamma prior: n latent
    // utilities, 2 coefficients and the inverse gamma's nu0 + 2.
    st.noise[g] = (std::max(rss, 0.0) + penalty + noise_prior_sum) /
                  (n + options.abstain_band_df + 4.0);
  }
}

// Per-worker buffers for pass B.
struct StateScratch {
  SmootherScratch smoother;
  std::vector<double> information, score, new_mean, variance;
};

// Pass B on states [begin, end): the M step for each state's positions given
// the utilities and item parameters. Returns the largest move of a position.
double UpdateStates(const Layout& layout, const IdealPointOptions& options, int begin, int end,
                    FitState& st, StateScratch& w) {
  double max_change = 0.0;
  for (int s = begin; s < end; ++s) {
    const int first = layout.state_begin[s];
    const int count = layout.state_begin[s + 1] - first;
    w.information.assign(count, 0.0);
    w.score.assign(count, 0.0);
    w.new_mean.resize(count);
    w.variance.resize(count);
    for (int i = 0; i < count; ++i) {
      const int k = first + i;
      for (int j = layout.state_session_vote_begin[k]; j < layout.state_session_vote_begin[k + 1];
           ++j) {
        const int v = layout.state_session_votes[j];
        const int g = layout.vote_group[v];
        const double weight = st.slope[g] / st.noise[g];
        w.information[i] += weight * st.slope[g];
        w.score[i] += weight * (st.utility[v] - st.intercept[g]);
      }
    }
    internal::SmoothRandomWalk(std::span<const int>(layout.state_session.data() + first, count),
                               w.information, w.score, options.initial_variance, st.drift,
                               w.new_mean, w.variance, w.smoother);
    for (int i = 0; i < count; ++i) {
      max_change = std::max(max_change, std::abs(w.new_mean[i] - st.mean[first + i]));
      st.mean[first + i] = w.new_mean[i];
    }
  }
  return max_change;
}

// The Laplace approximation at the mode, items held fixed: the posterior
// precision of a state's positions is the prior's plus, per vote, the
// observed information b^2 / s^2 * (1 - Var[z | vote] / s^2) of the ordinal
// probit likelihood. Writes posterior variances for states [begin, end).
void PosteriorVariances(const Layout& layout, const IdealPointOptions& options, int begin,
                        int end, const FitState& st, StateScratch& w,
                        std::vector<double>& variance) {
  for (int s = begin; s < end; ++s) {
    const int first = layout.state_begin[s];
    const int count = layout.state_begin[s + 1] - first;
    w.information.assign(count, 0.0);
    w.score.assign(count, 0.0);
    w.new_mean.resize(count);
    for (int i = 0; i < count; ++i) {
      const int k = first + i;
      for (int j = layout.state_session_vote_begin[k]; j < layout.state_session_vote_begin[k + 1];
           ++j) {
        const int v = layout.state_session_votes[j];
        const int g = layout.vote_group[v];
        const double sd = std::sqrt(st.noise[g]);
        const double mu = st.intercept[g] + st.slope[g] * st.mean[k];
        double lower, upper;
        CategoryInterval(layout.vote_category[v], lower, upper);
        const auto t = internal::StandardTruncatedMoments((lower - mu) / sd, (upper - mu) / sd);
        w.information[i] += st.slope[g] * st.slope[g] / st.noise[g] * (1.0 - t.variance);
      }
    }
    internal::SmoothRandomWalk(std::span<const int>(layout.state_session.data() + first, count),
                               w.information, w.score, options.initial_variance, st.drift,
                               w.new_mean, std::span<double>(variance.data() + first, count),
                               w.smoother);
  }
}

double LogLikelihood(const Layout& layout, const FitState& st, const std::vector<int>& bounds) {
  std::vector<double> partial(bounds.size() - 1, 0.0);
  ForEachBlock(bounds, [&](int block, int begin, int end) {
    double sum = 0.0;
    for (int g = begin; g < end; ++g) {
      const double s = std::sqrt(st.noise[g]);
      for (int v = layout.group_begin[g]; v < layout.group_begin[g + 1]; ++v) {
        const double mu = st.intercept[g] + st.slope[g] * st.mean[layout.vote_state_session[v]];
        double lower, upper;
        CategoryInterval(layout.vote_category[v], lower, upper);
        sum += internal::LogNormalMass((lower - mu) / s, (upper - mu) / s);
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
  const int num_votes = static_cast<int>(layout.vote_category.size());

  int threads = options.threads;
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::vector<int> group_blocks = BalancedBlocks(layout.group_begin, threads);
  std::vector<int> state_vote_begin(num_states + 1);
  for (int s = 0; s <= num_states; ++s) {
    state_vote_begin[s] = layout.state_session_vote_begin[layout.state_begin[s]];
  }
  const std::vector<int> state_blocks = BalancedBlocks(state_vote_begin, threads);

  FitState st;
  st.mean.resize(num_state_sessions);
  std::mt19937_64 rng(options.seed);
  std::normal_distribution<double> standard_normal(0.0, 1.0);
  // One draw per state, repeated over its sessions.
  for (int s = 0; s < num_states; ++s) {
    const double start = standard_normal(rng);
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) st.mean[k] = start;
  }
  st.intercept.assign(num_groups, kStartIntercept);
  st.slope.assign(num_groups, 0.0);
  st.noise.assign(num_groups, kStartNoiseVariance);
  st.utility.assign(num_votes, 0.0);

  std::vector<StateScratch> scratch(state_blocks.size() - 1);
  std::vector<double> block_change(state_blocks.size() - 1);
  auto iterate = [&] {
    ForEachBlock(group_blocks,
                 [&](int, int begin, int end) { UpdateItems(layout, options, begin, end, st); });
    ForEachBlock(state_blocks, [&](int block, int begin, int end) {
      block_change[block] = UpdateStates(layout, options, begin, end, st, scratch[block]);
    });
    return *std::max_element(block_change.begin(), block_change.end());
  };

  IdealPointFit fit;
  // Warm-up: with omega^2 tiny every state keeps one position across all
  // sessions, the static one-dimensional model, which settles on one
  // direction for the whole period. Started at random directly in the
  // dynamic model, different eras can settle with opposite signs, joined by
  // a "wall" of sessions where everyone sits near 0, which EM removes only
  // very slowly.
  st.drift = kWarmupDriftVariance;
  const int warmup_cap = std::max(1, options.max_iterations / kWarmupShareOfIterations);
  for (int i = 0; i < warmup_cap; ++i) {
    ++fit.iterations;
    if (iterate() < options.tolerance * kWarmupToleranceFactor) break;
  }
  if (getenv("IPDEBUG")) fprintf(stderr, "warmup %d\n", fit.iterations);
  st.drift = options.drift_variance;
  while (fit.iterations < options.max_iterations) {
    ++fit.iterations;
    fit.max_change = iterate();
    if (getenv("IPDEBUG") && fit.iterations % 10 == 0) {
      double s1 = 0, s2 = 0, bb = 0, nn = 0;
      for (double m : st.mean) { s1 += m; s2 += m * m; }
      for (int g = 0; g < num_groups; ++g) { bb += std::abs(st.slope[g]) / std::sqrt(st.noise[g]); nn += std::sqrt(st.noise[g]); }
      fprintf(stderr, "it %d change %.3g mean %.3f sd %.3f mean|beta| %.3f mean s %.3f\n", fit.iterations, fit.max_change, s1 / num_state_sessions, std::sqrt(s2 / num_state_sessions - s1 * s1 / num_state_sessions / num_state_sessions), bb / num_groups, nn / num_groups);
    }
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

  // Orientation: the likelihood is unchanged when every x and b change sign.
  int anchor = -1;
  for (int s = 0; s < num_states; ++s) {
    if (layout.state_ccode[s] == options.anchor_ccode) anchor = s;
  }
  if (anchor < 0) {
    int most = -1;
    for (int s = 0; s < num_states; ++s) {
      const int votes = state_vote_begin[s + 1] - state_vote_begin[s];
      if (votes > most) {  // states are in country-index order; first wins ties
        most = votes;
        anchor = s;
      }
    }
  }
  fit.anchor_ccode = layout.state_ccode[anchor];
  double anchor_sum = 0.0;
  for (int k = layout.state_begin[anchor]; k < layout.state_begin[anchor + 1]; ++k) {
    anchor_sum += st.mean[k];
  }
  const double sign = anchor_sum < 0.0 ? -1.0 : 1.0;

  fit.estimates.reserve(num_state_sessions);
  for (int s = 0; s < num_states; ++s) {
    for (int k = layout.state_begin[s]; k < layout.state_begin[s + 1]; ++k) {
      IdealPointEstimate e;
      e.ccode = layout.state_ccode[s];
      e.session = layout.state_session[k];
      e.idealpoint = sign * st.mean[k];
      e.se = std::sqrt(variance[k]);
      e.votes = layout.state_session_vote_begin[k + 1] - layout.state_session_vote_begin[k];
      fit.estimates.push_back(e);
    }
  }
  std::sort(fit.estimates.begin(), fit.estimates.end(), [](const auto& x, const auto& y) {
    return std::pair(x.session, x.ccode) < std::pair(y.session, y.ccode);
  });
  fit.items = num_groups;
  fit.votes = num_votes;
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
