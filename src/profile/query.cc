// Queries on a built or stored panel: one dyad's profile, trends, ranking.
#include <algorithm>
#include <cmath>

#include "profile/profile_impl.h"
#include "profile/profile_store.h"
#include "profile/trend.h"

namespace entente {
namespace {

using namespace profile_internal;

constexpr DateKey kMidYearDay = 701;

std::optional<double> Opt(float v) {
  return Present(v) ? std::optional<double>(v) : std::nullopt;
}

// The catalogue column that holds indicator `i` for the side asked: for a
// directed indicator asked from the higher COW code, its mirror.
int SourceColumn(int i, bool swapped) {
  const ProfileIndicatorInfo& info = ProfileIndicators()[i];
  if (!swapped || info.directed.empty()) return i;
  const auto& all = ProfileIndicators();
  for (int j = 0; j < static_cast<int>(all.size()); ++j) {
    if (all[j].id == info.mirror) return j;
  }
  return i;
}

std::string DatasetSource(int column, int year) {
  const ProfileIndicatorInfo& info = ProfileIndicators()[column];
  (void)year;
  return std::string(info.sources);
}

}  // namespace

ProfileData::ProfileData(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProfileData::ProfileData(ProfileData&&) noexcept = default;
ProfileData& ProfileData::operator=(ProfileData&&) noexcept = default;
ProfileData::~ProfileData() = default;
YearRange ProfileData::years() const {
  return impl_->years;
}
std::int64_t ProfileData::size() const {
  return impl_->dyad_years;
}
const std::string& ProfileData::stale_reason() const {
  return impl_->stale_reason;
}

const DyadSeries* ProfileData::Impl::Series(std::uint32_t key, DyadSeries& scratch,
                                            Status& status) const {
  if (store == nullptr) {
    auto it = dyads.find(key);
    return it == dyads.end() ? nullptr : &it->second;
  }
  auto found = ReadStoredSeries(*store, key, scratch);
  if (!found.ok()) {
    status = found.status();
    return nullptr;
  }
  return *found ? &scratch : nullptr;
}

Result<DyadProfile> ProfileDyad(const ProfileData& data, const CountryRegistry& countries,
                                const Country& a, const Country& b, YearRange years) {
  if (a.ccode == 0 || b.ccode == 0) {
    return Status::Usage((a.ccode == 0 ? a.name : b.name) +
                         " has no COW code: profiles are of COW states");
  }
  if (&a == &b || a.ccode == b.ccode) return Status::Usage("a dyad needs two different states");
  const ProfileData::Impl& impl = data.impl();
  years.first = std::max(years.first, impl.years.first);
  years.last = std::min(years.last, impl.years.last);
  DyadProfile out;
  out.a = &a;
  out.b = &b;
  out.years = years;
  out.classification_rules = ProfileClassificationRules();
  const auto& catalogue = ProfileIndicators();
  DyadSeries scratch;
  std::uint32_t cached_key = 0;
  const DyadSeries* series = nullptr;
  for (int year = years.first; year <= years.last; ++year) {
    const DateKey date = year * 10000 + kMidYearDay;
    auto ca = countries.CcodeOn(a, date);
    auto cb = countries.CcodeOn(b, date);
    if (!ca || !cb || *ca == *cb) continue;
    const std::uint32_t key = DyadKey(*ca, *cb);
    if (series == nullptr || key != cached_key) {
      Status status;
      series = impl.Series(key, scratch, status);
      if (!status.ok()) return status;
      cached_key = key;
    }
    if (series == nullptr) continue;
    const Row* row = series->At(year);
    if (row == nullptr || !Present((*row)[kClass])) continue;  // not both members
    const bool swapped = *ca > *cb;
    const int lo = std::min(*ca, *cb), hi = std::max(*ca, *cb);
    ProfileYear py;
    py.year = year;
    py.ccode_a = *ca;
    py.ccode_b = *cb;
    for (int d = 0; d < kProfileDimensionCount; ++d) py.index[d] = Opt((*row)[kIndexFirst + d]);
    py.composite = Opt((*row)[kComposite]);
    py.composite_dimensions = static_cast<int>((*row)[kCompositeDimensions]);
    py.alignment = Classify(*row, &py.rule);
    if (Present((*row)[kRank])) py.rank = static_cast<int>((*row)[kRank]);
    if (Present((*row)[kRankedDyads])) py.ranked_dyads = static_cast<int>((*row)[kRankedDyads]);
    const auto bits =
        Present((*row)[kEvidenceBits]) ? static_cast<std::uint32_t>((*row)[kEvidenceBits]) : 0u;
    for (int i = 0; i < kIndicatorCount; ++i) {
      const int column = SourceColumn(i, swapped);
      ProfileIndicatorValue v;
      v.id = std::string(catalogue[i].id);
      v.dimension = catalogue[i].dimension;
      v.value = Opt((*row)[column]);
      v.score = ScoreIndicator(column, (*row)[column]);
      if (v.value) {
        if (bits & (1u << column)) {
          v.source = "evidence";
          v.evidence = EvidenceRefs(impl.evidence, lo, hi, year, column);
        } else {
          v.source = DatasetSource(column, year);
        }
      }
      py.indicators.push_back(std::move(v));
    }
    py.evidence_facts = UnscoredEvidence(impl.evidence, lo, hi, year, *row);
    out.rows.push_back(std::move(py));
  }
  // Trends of each dimension and the composite over the years with values.
  const int replicates = impl.options.bootstrap_replicates;
  const std::uint64_t seed = impl.options.bootstrap_seed;
  for (int d = 0; d <= kProfileDimensionCount; ++d) {
    std::vector<double> x, y;
    for (const ProfileYear& py : out.rows) {
      const std::optional<double>& v = d < kProfileDimensionCount ? py.index[d] : py.composite;
      if (!v) continue;
      x.push_back(py.year);
      y.push_back(*v);
    }
    const std::string name = d < kProfileDimensionCount
                                 ? std::string(ProfileDimensionId(static_cast<ProfileDimension>(d)))
                                 : std::string("composite");
    out.trends.push_back(BootstrapTrend(name, x, y, replicates, seed + d));
  }
  return out;
}

Result<std::vector<RankRow>> RankDyads(const ProfileData& data, int year,
                                       std::optional<ProfileDimension> dimension, int top) {
  const ProfileData::Impl& impl = data.impl();
  if (!impl.years.contains(year)) {
    return Status::Usage("year " + std::to_string(year) + " is outside the panel (" +
                         std::to_string(impl.years.first) + ":" + std::to_string(impl.years.last) +
                         ")");
  }
  if (top < 0) return Status::Usage("--top must be 0 (all) or more");
  const int column = dimension ? kIndexFirst + static_cast<int>(*dimension) : kComposite;
  std::vector<RankRow> out;
  auto add = [&](std::uint32_t key, const Row& row) {
    if (!Present(row[column])) return;
    RankRow r;
    r.ccode_a = static_cast<int>(key / 1000);
    r.ccode_b = static_cast<int>(key % 1000);
    r.value = row[column];
    for (int d = 0; d < kProfileDimensionCount; ++d) r.index[d] = Opt(row[kIndexFirst + d]);
    r.composite = Opt(row[kComposite]);
    r.alignment = static_cast<AlignmentClass>(static_cast<int>(row[kClass]));
    out.push_back(r);
  };
  if (impl.store != nullptr) {
    if (Status s = ForEachStoredRow(*impl.store, year, add); !s.ok()) return s;
  } else {
    for (const auto& [key, series] : impl.dyads) {
      if (const Row* row = series.At(year)) add(key, *row);
    }
  }
  std::sort(out.begin(), out.end(), [](const RankRow& x, const RankRow& y) {
    if (x.value != y.value) return x.value > y.value;
    if (x.ccode_a != y.ccode_a) return x.ccode_a < y.ccode_a;
    return x.ccode_b < y.ccode_b;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].rank =
        (i > 0 && out[i].value == out[i - 1].value) ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  if (top > 0 && static_cast<int>(out.size()) > top) out.resize(top);
  return out;
}

}  // namespace entente
