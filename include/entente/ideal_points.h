// UN General Assembly ideal points: one position per state and session on a
// single dimension, with an uncertainty, comparable across sessions.
//
// The model is a dynamic ordinal item-response model (no < abstain < yes) in
// the spirit of Bailey, Strezhnev & Voeten (JCR 2017): probit latent utilities,
// free item parameters per roll call, and a random-walk prior that ties a
// state's position in one session to its position in the previous one. It is
// fitted by the variational EM of Imai, Lo & Olmsted (APSR 2016; their
// ordIRT reparametrisation and dynIRT smoothing). docs/ideal_points.md gives
// the equations, the identification, what `se` means and measured run times.
//
// The API knows nothing about files or the store: callers fill an
// IdealPointData from whatever source (the Voeten CSV, the SQLite store) and
// get plain rows back.
//
// Thread safety: EstimateIdealPoints keeps all mutable state local to the
// call; concurrent calls on shared const data are safe.
#pragma once

#include <cstdint>
#include <vector>

#include "entente/status.h"

namespace entente {

// The votes to scale, in index form. Absences and non-membership are simply
// not listed: they carry no position (Voeten codes 8 and 9 are dropped).
struct IdealPointData {
  // Vote categories, ordered: a yes is further along the latent utility than
  // an abstention, which is further than a no.
  static constexpr int8_t kNo = 0;
  static constexpr int8_t kAbstain = 1;
  static constexpr int8_t kYes = 2;

  struct Vote {
    int32_t item;     // index into item_session
    int32_t country;  // index into ccodes
    int8_t category;  // kNo, kAbstain or kYes
  };

  // Country index -> COW code. Codes must be distinct.
  std::vector<int> ccodes;
  // Item (roll call) index -> session number. Sessions need not be
  // contiguous; the random walk spans gaps in proportion to their length.
  std::vector<int> item_session;
  // Optional bridging of items: empty, or item index -> bridge group. Items
  // with the same group >= 0 share one set of item parameters (the same
  // resolution put to the vote again, as Bailey, Strezhnev & Voeten use to
  // anchor sessions to each other); -1 leaves an item on its own.
  std::vector<int> item_bridge;
  // At most one vote per (item, country).
  std::vector<Vote> votes;
};

struct IdealPointOptions {
  // Seeds the random starting values (ideal points drawn from N(0, 1)). Two
  // seeds should give the same answer; the real-data test checks that.
  uint64_t seed = 1;
  // Iteration cap. The fit reports converged = false when it is reached.
  int max_iterations = 1000;
  // Convergence: stop when no ideal point (posterior mean) moves by more
  // than this between two iterations. Positions are on a scale of about 1.
  double tolerance = 1e-4;
  // omega^2: prior variance of the change of a state's position from one
  // session to the next (a gap of k sessions gets k * omega^2). Smaller
  // values smooth more. Fixed, as in Martin & Quinn (2002) and Imai et al.'s
  // dynIRT: it cannot be estimated by maximising the posterior (it would
  // collapse to 0).
  double drift_variance = 0.1;
  // Prior variance of a state's position in its first session (mean 0).
  double initial_variance = 1.0;
  // Prior variance of each roll call's intercept and discrimination, on the
  // probit scale (mean 0). 25 is weak: it only tames unanimous roll calls.
  double item_prior_variance = 25.0;
  // Prior on the width tau of each roll call's abstention band (the
  // latent-utility distance between the "no" and the "yes" threshold, probit
  // units): tau ~ Gamma(shape, rate = shape / guess), mean `guess`. A shape
  // above 1 keeps tau off 0 on roll calls where nobody abstained, where the
  // likelihood alone would push it there.
  double abstain_band_guess = 1.0;
  double abstain_band_shape = 2.0;
  // The state whose mean position over its sessions is made positive (the
  // direction of the scale is otherwise arbitrary). 2 = United States. When
  // it did not vote at all, the state with the most votes is used instead.
  int anchor_ccode = 2;
  // Worker threads; 0 means one per hardware thread. Results do not depend on
  // the number of threads (every sum is computed in a fixed order).
  int threads = 0;
};

// One state in one session. Present only for state-sessions with at least one
// yes, abstain or no vote; no estimate is ever made up for a session in which
// a state did not vote.
struct IdealPointEstimate {
  int ccode = 0;
  int session = 0;
  // Posterior mean position. Positive is the anchor state's side.
  double idealpoint = 0.0;
  // Posterior standard deviation under the variational approximation,
  // conditional on the estimated roll-call parameters. It is known to be
  // too small (Imai, Lo & Olmsted 2016, sec. "Standard errors"); read it as
  // a lower bound, useful for ranking precision, not as a calibrated
  // interval. Large for states with few votes, whose positions lean on the
  // neighbouring sessions and on the prior.
  double se = 0.0;
  // Number of yes/abstain/no votes the state cast in the session.
  int votes = 0;
};

struct IdealPointFit {
  // Sorted by session, then ccode.
  std::vector<IdealPointEstimate> estimates;
  int iterations = 0;    // iterations run
  bool converged = false;  // max_change < tolerance before max_iterations
  double max_change = 0.0;  // largest move of an ideal point in the last iteration
  // log P(votes | posterior means of all parameters): a diagnostic for
  // comparing fits of the same data, not a model-selection criterion.
  double log_likelihood = 0.0;
  int anchor_ccode = 0;  // the state actually used to orient the scale
  int items = 0;         // roll calls with at least one vote
  int votes = 0;         // votes used
};

// Estimates the model on `data`.
// Errors: a data error when there are no votes, when an index or category is
// out of range, when a (item, country) pair is listed twice, when ccodes
// repeat or item_bridge has the wrong length; a usage error for options out
// of range (non-positive variances or tolerance, max_iterations < 1,
// threads < 0).
Result<IdealPointFit> EstimateIdealPoints(const IdealPointData& data,
                                          const IdealPointOptions& options = {});

// The distance between two states' positions in one session.
struct IdealPointDistance {
  int session = 0;
  double distance = 0.0;  // |x_a - x_b|
  // sqrt(se_a^2 + se_b^2): the two positions are independent under the
  // approximation. Inherits the caveat on IdealPointEstimate::se; near 0 the
  // absolute value also biases the distance upwards.
  double se = 0.0;
};

// The per-session distance between states `ccode_a` and `ccode_b`, for the
// sessions in which both have an estimate, in session order (empty when they
// share none). Errors: not-found when either code has no estimate at all.
Result<std::vector<IdealPointDistance>> IdealPointDistances(const IdealPointFit& fit, int ccode_a,
                                                            int ccode_b);

}  // namespace entente
