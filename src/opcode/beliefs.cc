#include "entente/beliefs.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "store/sqlite.h"

namespace entente {
namespace {

// Standard error of P-1 or I-1 as a mean of +1/-1 codes over n attributions.
double MeanSe(double value, std::int64_t n) {
  if (n <= 0 || std::isnan(value)) return std::nan("");
  return std::sqrt(std::max(0.0, 1.0 - value * value) / static_cast<double>(n));
}

BeliefComparison Compare(double a, double b, std::int64_t na, std::int64_t nb, double norm_sd) {
  BeliefComparison c;
  c.difference = a - b;
  double se = std::hypot(MeanSe(a, na), MeanSe(b, nb));
  c.z = se > 0 ? c.difference / se : std::nan("");
  c.congruent = std::abs(c.difference) < kCongruenceSdFraction * norm_sd;
  return c;
}

}  // namespace

void CompareSides(BeliefsResult& r) {
  const NormingGroup& norm = WorldLeadersNorm();
  r.p1 = Compare(r.a.indices.p1, r.b.indices.p1, r.a.counts.Valenced(OpcodeActor::kOther),
                 r.b.counts.Valenced(OpcodeActor::kOther), norm.sd[0]);
  r.i1 = Compare(r.a.indices.i1, r.b.indices.i1, r.a.counts.Valenced(OpcodeActor::kSelf),
                 r.b.counts.Valenced(OpcodeActor::kSelf), norm.sd[5]);
  r.distance = std::hypot(r.p1.difference, r.i1.difference);
  r.congruent = r.p1.congruent && r.i1.congruent;
  r.rule = "congruent on a belief when |difference| < 0.5 SD of the " + norm.name +
           " norming group (P-1 < 0.140, I-1 < 0.168); congruent overall when on both";
}

Result<BeliefsSide> LoadBeliefsSide(Store& store, const CountryRegistry& countries,
                                    const std::string& key, const YearRange& years,
                                    const std::string& corpus) {
  BeliefsSide side;
  side.key = key;
  auto country = countries.Find(key);
  internal::Database& db = store.database();
  std::string where;
  if (country.ok() && !(*country)->iso3.empty()) {
    side.iso3 = (*country)->iso3;
    side.label = (*country)->name + " (" + side.iso3 + ")";
    where = "iso3 = ?1";
  } else {
    side.speaker_filter = key;
    side.label = "speaker '" + key + "'";
    where = "speaker LIKE '%' || ?1 || '%'";
  }
  auto stmt = db.Prepare(
      "SELECT year, speaker, words, s_m3, s_m2, s_m1, s_0, s_p1, s_p2, s_p3, o_m3, o_m2, o_m1, "
      "o_0, o_p1, o_p2, o_p3, s_0_deeds, o_0_deeds FROM opcode_speeches WHERE " +
      where +
      " AND year BETWEEN ?2 AND ?3 AND not_english = 0 AND (?4 = '' OR corpus = ?4) ORDER BY "
      "year, corpus, doc");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, std::string_view(side.iso3.empty() ? key : side.iso3));
  stmt->Bind(2, static_cast<std::int64_t>(years.first));
  stmt->Bind(3, static_cast<std::int64_t>(years.last));
  stmt->Bind(4, std::string_view(corpus));
  std::map<int, BeliefsYear> by_year;
  Status status;
  while (stmt->Step(&status)) {
    int year = static_cast<int>(stmt->Int(0));
    BeliefsYear& y = by_year[year];
    y.year = year;
    ++y.speeches;
    y.words += stmt->Int(2);
    std::string speaker = stmt->Text(1);
    if (std::find(y.speakers.begin(), y.speakers.end(), speaker) == y.speakers.end()) {
      y.speakers.push_back(speaker);
    }
    OpcodeCounts c;
    for (int a = 0; a < 2; ++a) {
      for (int k = 0; k < kVicsCategories; ++k) c.counts[a][k] = stmt->Int(3 + a * 7 + k);
    }
    c.neutral_deeds[0] = stmt->Int(17);
    c.neutral_deeds[1] = stmt->Int(18);
    y.counts += c;
  }
  if (!status.ok()) return status;
  if (by_year.empty()) {
    if (!country.ok() && side.iso3.empty()) {
      return Status::NotFound("'" + key +
                              "' is neither a country nor a speaker in the store's "
                              "coded speeches: run `entente opcode --corpus ...` first");
    }
    return Status::NotFound(
        "no coded speeches of " + side.label + (corpus.empty() ? "" : " in corpus " + corpus) +
        " in " + std::to_string(years.first) + ":" + std::to_string(years.last) +
        ": run `entente --store PATH opcode --corpus ../shared/data/ungd` first");
  }
  for (auto& [year, y] : by_year) {
    y.indices = ComputeIndices(y.counts);
    side.speeches += y.speeches;
    side.words += y.words;
    side.counts += y.counts;
    for (const std::string& s : y.speakers) {
      if (std::find(side.speakers.begin(), side.speakers.end(), s) == side.speakers.end()) {
        side.speakers.push_back(s);
      }
    }
    side.series.push_back(std::move(y));
  }
  side.indices = ComputeIndices(side.counts);
  side.z = ZScores(side.indices, WorldLeadersNorm());
  side.reliability = ReliabilityNote(side.words, side.counts);
  return side;
}

Result<BeliefsResult> CompareBeliefs(Store& store, const CountryRegistry& countries,
                                     const std::string& a, const std::string& b,
                                     const YearRange& years, const std::string& corpus) {
  BeliefsResult r;
  r.years = years;
  auto side_a = LoadBeliefsSide(store, countries, a, years, corpus);
  if (!side_a.ok()) return side_a.status();
  auto side_b = LoadBeliefsSide(store, countries, b, years, corpus);
  if (!side_b.ok()) return side_b.status();
  r.a = std::move(side_a).value();
  r.b = std::move(side_b).value();
  CompareSides(r);
  return r;
}

}  // namespace entente
