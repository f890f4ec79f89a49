// UN General Assembly ideal points: one position per state and session on a
// single dimension, with a standard error, linked across sessions.
//
// Model (docs/ideal_points.md has the equations and the reasons): a dynamic
// ordered probit in the spirit of Bailey, Strezhnev & Voeten (JCR 2017).
// Each roll call has its own intercept, discrimination and abstention band
// (no < abstain < yes on a latent utility); each state's positions follow a
// random walk from session to session, which carries the direction of the
// scale and each state's trajectory through time. Estimates are the
// posterior mode with every session's positions standardised (mean 0, sd 1
// over the states voting in it): the votes alone cannot say whether the
// whole Assembly moved or spread out between two sessions, so positions are
// relative to the session's Assembly. Fitted by block Newton sweeps (the
// roll-call and state blocks of the EM of Imai, Lo & Olmsted, APSR 2016,
// but with Newton steps on the observed posterior) accelerated by SQUAREM.
//
// The API knows nothing about files or the store: callers fill an
// IdealPointData from whatever source and get plain rows back.
//
// Thread safety: EstimateIdealPoints keeps all mutable state local to the
// call; concurrent calls on shared const data are safe.
#pragma once

#include <cstdint>
#include <vector>

#include "entente/status.h"
#include "entente/unga.h"

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
  // contiguous; the random walk spans a gap of k sessions with k steps.
  std::vector<int> item_session;
  // At most one vote per (item, country). Items without votes are ignored.
  std::vector<Vote> votes;
};

// The store's votes in index form: absences and non-membership dropped;
// Voeten's 1 yes, 2 abstain, 3 no become kYes, kAbstain, kNo.
IdealPointData IdealPointDataFromVotes(const UngaVotes& votes);

struct IdealPointOptions {
  // Seeds the random start: one N(0, 1) position per state. Different
  // seeds should give the same answer; the real-data test checks that.
  uint64_t seed = 1;
  // Cap on sweeps (one sweep updates every roll call and every state once).
  // The fit reports converged = false when it is reached.
  int max_iterations = 500;
  // Stop when no position moves by more than this in a sweep (positions
  // have sd 1 in each session).
  double tolerance = 1e-4;
  // omega^2: prior variance of a state's move from one session to the next,
  // in units of the session's spread (a gap of k sessions: k * omega^2).
  // 0.01 makes a typical step 0.1 sd a session (a steady drift of 1 sd over
  // ten sessions costs the prior 5 log-units); a session's 40-160 votes
  // usually outweigh that. Smaller smooths more.
  double drift_variance = 0.01;
  // Prior variance of a state's position in its first session (mean 0).
  double initial_variance = 1.0;
  // Prior variance of each roll call's intercept and discrimination (mean
  // 0, probit units). 25 is weak: it only tames near-unanimous roll calls.
  double item_prior_variance = 25.0;
  // Prior on the width tau of each roll call's abstention band (the distance
  // between its "no" and "yes" thresholds, probit units): tau ~ Gamma(shape,
  // rate = shape / guess), mean `guess`. A shape above 1 keeps tau off 0 on
  // roll calls where nobody abstained, where the likelihood alone would push
  // it there.
  double abstain_band_guess = 1.0;
  double abstain_band_shape = 2.0;
  // The state whose mean position over its sessions is made positive (the
  // direction of the scale is otherwise arbitrary). 2 = United States. When
  // it did not vote at all, the state with the most votes is used instead.
  int anchor_ccode = 2;
  // Worker threads; 0 means one per hardware thread. Results do not depend on
  // the number of threads (work is cut into fixed blocks, sums are taken in
  // block order).
  int threads = 0;
};

// One state in one session. Present only for state-sessions with at least one
// yes, abstain or no vote; no estimate is ever made up for a session in which
// a state did not vote.
struct IdealPointEstimate {
  int ccode = 0;
  int session = 0;
  // Posterior mode, in sd units of the session's Assembly (mean 0). Positive
  // is the anchor state's side.
  double idealpoint = 0.0;
  // Posterior standard deviation of idealpoint by the Laplace approximation
  // at the mode, holding the roll calls' parameters at their estimates. It
  // leaves out their uncertainty and so runs somewhat small. Large for a
  // state with few votes in the session, whose position then leans on its
  // neighbouring sessions and on the prior.
  double se = 0.0;
  // Number of yes/abstain/no votes the state cast in the session.
  int votes = 0;
};

struct IdealPointFit {
  // Sorted by session, then ccode.
  std::vector<IdealPointEstimate> estimates;
  int iterations = 0;       // sweeps run, warm-up included
  bool converged = false;   // the last sweep moved no position by tolerance
  double max_change = 0.0;  // largest move of a position in the last sweep
  // log P(votes | estimates): a diagnostic for comparing fits of the same
  // votes (e.g. two seeds), not a model-selection criterion.
  double log_likelihood = 0.0;
  int anchor_ccode = 0;  // the state actually used to orient the scale
  int items = 0;         // roll calls with at least one vote
  int votes = 0;         // votes used
};

// Estimates the model on `data`.
// Errors: a data error when there are no votes, when an index or category is
// out of range, when a (item, country) pair is listed twice or a COW code
// twice; a usage error for options out of range (non-positive variances,
// guess or tolerance, abstain_band_shape < 1, max_iterations < 1,
// threads < 0).
Result<IdealPointFit> EstimateIdealPoints(const IdealPointData& data,
                                          const IdealPointOptions& options = {});

// The distance between two states' positions in one session.
struct IdealPointDistance {
  int session = 0;
  double distance = 0.0;  // |x_a - x_b|, in sd units of the session
  // sqrt(se_a^2 + se_b^2), treating the two positions as independent (their
  // dependence through the shared roll calls is ignored, like the roll
  // calls' uncertainty in se). Near 0 the absolute value also biases the
  // distance upwards.
  double se = 0.0;
};

// The per-session distance between states `ccode_a` and `ccode_b`, for the
// sessions in which both have an estimate, in session order (empty when they
// share none). Errors: not-found when either code has no estimate at all.
Result<std::vector<IdealPointDistance>> IdealPointDistances(const IdealPointFit& fit, int ccode_a,
                                                            int ccode_b);

}  // namespace entente
