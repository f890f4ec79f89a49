// Property test of the military parsers: random mutations of valid inputs
// (bytes flipped, inserted, deleted; lines duplicated or cut) never crash a
// reader; each either parses or fails with a message naming the source.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/csv_reader.h"
#include "entente/military.h"
#include "entente/paths.h"
#include "ingest/military_sources.h"
#include "measures/military/toml_subset.h"
#include "support/shared_registry.h"

namespace entente::internal {
namespace {

using testing_support::Registry;

constexpr int kMutationsPerInput = 400;
constexpr char kAlphabet[] = "[]=\"',;\n\r#.-:0123456789abcxyz \t\\\x80\xff";

std::string Mutate(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<int> op(0, 5);
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    std::uniform_int_distribution<std::size_t> pos(0, text.size() - 1);
    const char c = kAlphabet[rng() % (sizeof kAlphabet - 1)];
    switch (op(rng)) {
      case 0:
        text[pos(rng)] = c;
        break;
      case 1:
        text.insert(text.begin() + static_cast<long>(pos(rng)), c);
        break;
      case 2:
        text.erase(pos(rng), 1 + rng() % 8);
        break;
      case 3: {  // duplicate a line
        std::size_t start = text.rfind('\n', pos(rng));
        start = start == std::string::npos ? 0 : start + 1;
        std::size_t end = text.find('\n', start);
        if (end != std::string::npos) text.insert(start, text.substr(start, end - start + 1));
        break;
      }
      case 4:
        text.resize(pos(rng));
        break;
      default:
        text.insert(pos(rng), std::string(1 + rng() % 3, c));
        break;
    }
  }
  return text;
}

template <typename Parse>
void FuzzOne(const std::string& name, const std::string& valid, Parse&& parse) {
  std::mt19937 rng(20240601);
  ASSERT_TRUE(parse(valid)) << name << ": the unmutated input must parse";
  for (int i = 0; i < kMutationsPerInput; ++i) {
    const std::string mutated = Mutate(valid, rng);
    parse(mutated);  // must return, whatever the input
  }
}

// Failures must name the source; the lambdas check and return ok().
template <typename R>
bool Check(const R& result, const std::string& source) {
  if (!result.ok()) {
    EXPECT_EQ(result.status().message().rfind(source, 0), 0u) << result.status().message();
  }
  return result.ok();
}

TEST(MilitaryFuzzTest, FrameworkFilesNeverCrashTheReader) {
  auto text = ReadWholeFile(ProjectDataDir() + "/frameworks/korolev.toml");
  ASSERT_TRUE(text.ok());
  FuzzOne("korolev.toml", *text, [](const std::string& t) {
    return Check(ParseMilitaryFramework("k.toml", t, "k"), "k.toml");
  });
  FuzzOne("toml", "[a]\nx = [\"a\", 1, 2.5, true]\ny = 'z'\n",
          [](const std::string& t) { return Check(ParseTomlSubset("t.toml", t), "t.toml"); });
}

TEST(MilitaryFuzzTest, EvidenceFilesNeverCrashTheReader) {
  const std::string valid =
      "dyad,date,end_date,criterion,kind,name,description,publisher,title,published,url\n"
      "CHN-RUS,2005-08-19,2005-08-25,exercises,exercise,PM 2005,\"Joint, big.\",W,T,2020,"
      "https://x.org/a\n"
      "DEU-USA,1955,,treaty,agreement,NATO,d,P,T,,http://x.org/b\n";
  FuzzOne("evidence", valid, [](const std::string& t) {
    return Check(ReadMilitaryEvidence("e.csv", t, Registry()), "e.csv");
  });
}

TEST(MilitaryFuzzTest, DatasetReadersNeverCrash) {
  std::string sipri;
  for (int i = 0; i < 11; ++i) sipri += "preamble;\n";
  sipri +=
      "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order "
      "date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery "
      "year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery "
      "values,Local production;\n"
      "1,Russia,China,Su-35,FGA aircraft,Aircraft,2015,No,10,No,2017,No,New,,40,400,No;\n";
  FuzzOne("sipri", sipri, [](const std::string& t) {
    return Check(ReadSipriRegister("s.csv", t, Registry()), "s.csv");
  });
  const std::string mme =
      "MMEID,Ex_Name,Series_Name,Location,lat,lon,StartDate,s.year,s.month,s.day,EndDate,e.year,"
      "e.month,e.day,CPX,Air,Land,Sea,Amphibious,Cyber,Warfighting,Peacekeeping,Humanitarian,"
      "FocusDescription,AdditionalParticipantInfo,StateA,StateB\n"
      "m1,X,,Sea,0,0,,2007,8,xx,,2007,8,17,0,0,0,1,0,0,1,0,0,,,China,Russia\n";
  FuzzOne("mme", mme, [](const std::string& t) {
    return Check(ReadMmeExercises("m.csv", t, Registry()), "m.csv");
  });
  const std::string atop =
      "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
      "2,740,1960,1,0,0,0,1\n740,2,1960,1,0,0,0,1\n";
  FuzzOne("atop", atop,
          [](const std::string& t) { return Check(ReadAtopDyadYears("a.csv", t), "a.csv"); });
  const std::string troops = "countryname,year,ccode,troops_ad\nJapan,2015,740,50000\n";
  FuzzOne("troops", troops, [](const std::string& t) {
    return Check(ReadUsTroops("t.csv", t, Registry()), "t.csv");
  });
  const std::string bases = "countryname,basename,base,lilypad,fundedsite\nJapan,Yokota,1,0,0\n";
  FuzzOne("bases", bases,
          [](const std::string& t) { return Check(ReadUsBases("b.csv", t, Registry()), "b.csv"); });
  const std::string mids = "ccode1,ccode2,year,hostlev\n2,365,1962,4\n";
  FuzzOne("mids", mids, [](const std::string& t) {
    return Check(ReadMidDyadYears("d.csv", t, nullptr), "d.csv");
  });
  const std::string rivalries =
      "rivalryname,ccode1,ccode2,styear,endyear,type1,type2,type3\nA-B,2,365,1945,1989,positional,,"
      "\n";
  FuzzOne("rivalries", rivalries,
          [](const std::string& t) { return Check(ReadRivalries("r.csv", t, nullptr), "r.csv"); });
}

}  // namespace
}  // namespace entente::internal
