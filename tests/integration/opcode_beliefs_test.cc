// Aggregation of operational-code profiles (issue 5: per speech, speaker,
// state-year and period): hand-built codings of four texts are stored with
// StoreCorpusProfiles, then LoadBeliefsSide must pool their attributions
// (not average their indices) per side, per year and over the period, and
// select a speaker by name across states' texts.
#include <gtest/gtest.h>

#include "entente/beliefs.h"
#include "entente/countries.h"
#include "entente/opcode_corpus.h"
#include "entente/opcode_indices.h"
#include "entente/store.h"
#include "support/scratch_dir.h"

namespace entente {
namespace {

constexpr OpcodeActor S = OpcodeActor::kSelf;
constexpr OpcodeActor O = OpcodeActor::kOther;

SpeechProfile Text(const std::string& doc, const std::string& iso3, int year,
                   const std::string& speaker, int self_pos, int self_neg, int other_pos,
                   int other_neg) {
  SpeechProfile p;
  p.doc.corpus = "ungd";
  p.doc.doc = doc;
  p.doc.iso3 = iso3;
  p.doc.year = year;
  p.doc.speaker = speaker;
  p.coding.words = 2000;
  for (int k = 0; k < self_pos; ++k) p.coding.counts.Add(S, 1, VerbMode::kWord);
  for (int k = 0; k < self_neg; ++k) p.coding.counts.Add(S, -3, VerbMode::kDeed);
  for (int k = 0; k < other_pos; ++k) p.coding.counts.Add(O, 3, VerbMode::kDeed);
  for (int k = 0; k < other_neg; ++k) p.coding.counts.Add(O, -1, VerbMode::kWord);
  p.indices = ComputeIndices(p.coding.counts);
  return p;
}

TEST(OpcodeBeliefsTest, SidesPoolAttributionsPerYearAndPeriod) {
  auto countries = CountryRegistry::Load(ENTENTE_SHARED_DATA);
  ASSERT_TRUE(countries.ok()) << countries.status().message();
  testing_support::ScratchDir dir("entente-opcode-beliefs");
  auto store = Store::Open((dir / "s.sqlite").string());
  ASSERT_TRUE(store.ok()) << store.status().message();
  CorpusCoding coding;
  coding.path = "hand-built";
  coding.corpora = {"ungd"};
  // China: a short friendly text and a long hostile one in 2013, one in 2014.
  coding.speeches.push_back(Text("CHN_68_2013.txt", "CHN", 2013, "Wang Yi", 9, 1, 4, 0));
  coding.speeches.push_back(Text("CHN_68_2013b.txt", "CHN", 2013, "Wang Yi", 10, 30, 5, 35));
  coding.speeches.push_back(Text("CHN_69_2014.txt", "CHN", 2014, "Xi Jinping", 20, 0, 10, 10));
  coding.speeches.push_back(Text("RUS_68_2013.txt", "RUS", 2013, "Sergey Lavrov", 5, 5, 2, 8));
  auto stored = StoreCorpusProfiles(*store, coding);
  ASSERT_TRUE(stored.ok()) << stored.status().message();

  auto years = ParseYearRange("2013:2014");
  ASSERT_TRUE(years.ok());
  auto china = LoadBeliefsSide(*store, *countries, "CHN", *years);
  ASSERT_TRUE(china.ok()) << china.status().message();
  EXPECT_EQ(china->speeches, 3);
  // Period: (4 + 5 + 10 positive - 0 - 35 - 10 negative) / 64 other attributions.
  EXPECT_NEAR(china->indices.p1, (19.0 - 45.0) / 64.0, 1e-9);
  // I-1 pooled: (39 - 31) / 70, not the mean of the three texts' I-1.
  EXPECT_NEAR(china->indices.i1, (39.0 - 31.0) / 70.0, 1e-9);
  ASSERT_EQ(china->series.size(), 2u);
  EXPECT_EQ(china->series[0].year, 2013);
  EXPECT_EQ(china->series[0].speeches, 2);
  EXPECT_NEAR(china->series[0].indices.p1, (9.0 - 35.0) / 44.0, 1e-9);
  EXPECT_EQ(china->series[1].year, 2014);
  EXPECT_NEAR(china->series[1].indices.p1, 0.0, 1e-9);

  // One year only, and a speaker by name (across all states' texts).
  auto only_2014 = ParseYearRange("2014");
  ASSERT_TRUE(only_2014.ok());
  auto china_2014 = LoadBeliefsSide(*store, *countries, "CHN", *only_2014);
  ASSERT_TRUE(china_2014.ok());
  EXPECT_EQ(china_2014->speeches, 1);
  auto xi = LoadBeliefsSide(*store, *countries, "Xi Jinping", *years);
  ASSERT_TRUE(xi.ok()) << xi.status().message();
  EXPECT_EQ(xi->speeches, 1);
  EXPECT_NEAR(xi->indices.i1, 1.0, 1e-9);

  auto compared = CompareBeliefs(*store, *countries, "CHN", "RUS", *years);
  ASSERT_TRUE(compared.ok()) << compared.status().message();
  EXPECT_NEAR(compared->p1.difference, (19.0 - 45.0) / 64.0 - (2.0 - 8.0) / 10.0, 1e-9);
}

}  // namespace
}  // namespace entente
