// The dataset readers on small hand-made files in each source's real layout.
#include <gtest/gtest.h>

#include <string>

#include "entente/military.h"
#include "ingest/military_sources.h"
#include "support/shared_registry.h"

namespace entente::internal {
namespace {

using testing_support::Registry;

std::string SipriPreamble() {
  std::string out;
  for (int i = 1; i <= 11; ++i) out += "Preamble line " + std::to_string(i) + ";\r\n";
  return out;
}
const std::string kSipriHeader =
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order "
    "date,Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery "
    "year,Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local "
    "production;\r\n";

TEST(MilitarySipriTest, ReadsDeliveriesAndSkipsNonStates) {
  const std::string text =
      SipriPreamble() + kSipriHeader +
      "1,Russia,China,Su-35,FGA aircraft,Aircraft,2015,No,10,No,2017,No,New,,40,400,No;\r\n"
      "2,Russia,China,S-400,SAM system,Air-defence "
      "systems,2014,No,2,No,2018,No,New,,200,400,No;\r\n"
      "3,Russia,Hezbollah (Lebanon)*,9M133,anti-tank "
      "missile,Missiles,2006,Yes,5,Yes,2006,Yes,New,,0.1,0.5,No;\r\n"
      "4,Turkiye,Northern Cyprus,Cobra,APC,Armoured "
      "vehicles,2000,No,5,No,2000,No,New,,0.1,0.5,No;\r\n";
  auto read = ReadSipriRegister("s.csv", text, Registry());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->facts.size(), 2u);
  EXPECT_EQ(read->facts[0].ccode_a, 365);
  EXPECT_EQ(read->facts[0].ccode_b, 710);
  EXPECT_EQ(read->facts[0].from_ccode, 365);
  EXPECT_FLOAT_EQ(read->facts[0].value, 400);
  EXPECT_EQ(read->facts[0].kinds, kArmsCombatAircraft);
  EXPECT_EQ(read->facts[1].kinds, kArmsAirDefence);
  EXPECT_EQ(read->report.rows_read, 4);
  EXPECT_NE(read->report.note.find("Hezbollah (Lebanon)*"), std::string::npos);
  EXPECT_NE(read->report.note.find("Northern Cyprus"), std::string::npos);
  EXPECT_EQ(read->details[0].reference, "s.csv:13");
}

TEST(MilitarySipriTest, LayoutErrorsNameTheLine) {
  const std::string row =
      "1,Russia,China,Su-35,FGA aircraft,Aircraft,2015,No,10,No,2017,No,New,,40,400,No";
  struct Case {
    std::string text;
    std::string fragment;
  };
  const Case cases[] = {
      {SipriPreamble() + kSipriHeader + row + "\r\n", "s.csv:13:17: row does not end in ';'"},
      {"only one line;\r\n" + kSipriHeader + row + ";\r\n", "s.csv:12: expected the header row"},
      {SipriPreamble() + "ID,Supplier;\r\n", "expected the 17 SIPRI"},
      {SipriPreamble() + kSipriHeader +
           "1,Russia,China,Su-35,FGA aircraft,Aircraft,2015,No,10,No,"
           "20x7,No,New,,40,400,No;\r\n",
       "s.csv:13:11: bad delivery year"},
      {SipriPreamble() + kSipriHeader +
           "1,Russia,China,Su-35,FGA aircraft,Aircraft,2015,No,10,No,"
           "2017,No,New,,40,-4,No;\r\n",
       "s.csv:13:16: bad TIV"},
  };
  for (const Case& c : cases) {
    auto read = ReadSipriRegister("s.csv", c.text, Registry());
    ASSERT_FALSE(read.ok()) << c.fragment;
    EXPECT_NE(read.status().message().find(c.fragment), std::string::npos)
        << read.status().message();
  }
}

TEST(MilitarySipriTest, SophisticationClasses) {
  EXPECT_EQ(SipriArmsClass("Aircraft", "FGA aircraft"), kArmsCombatAircraft);
  EXPECT_EQ(SipriArmsClass("Aircraft", "transport helicopter"), 0u);
  EXPECT_EQ(SipriArmsClass("Aircraft", "airborne early-warning aircraft"), kArmsSensors);
  EXPECT_EQ(SipriArmsClass("Missiles", "SAM"), kArmsAirDefence);
  EXPECT_EQ(SipriArmsClass("Missiles", "anti-ship missile"), kArmsMissiles);
  EXPECT_EQ(SipriArmsClass("Ships", "submarine"), kArmsShipsSubmarines);
  EXPECT_EQ(SipriArmsClass("Sensors", "SAM system radar"), kArmsSensors | kArmsAirDefence);
  EXPECT_EQ(SipriArmsClass("Armoured vehicles", "tank"), 0u);
  EXPECT_EQ(ArmsClassNames(kArmsCombatAircraft | kArmsSensors), "combat_aircraft;sensors");
}

std::string MmeHeader() {
  std::string h =
      "MMEID,Ex_Name,Series_Name,Location,lat,lon,StartDate,s.year,s.month,s.day,EndDate,e.year,"
      "e.month,e.day,CPX,Air,Land,Sea,Amphibious,Cyber,Warfighting,Peacekeeping,Humanitarian,"
      "FocusDescription,AdditionalParticipantInfo,StateA,StateB,StateC,StateD\n";
  return h;
}

TEST(MilitaryMmeTest, EveryPairOfParticipantsGetsTheExercise) {
  const std::string text =
      MmeHeader() +
      "mme1,Peace Mission 2007,Peace Mission,Chelyabinsk,0,0,8/9/07,2007,8,9,8/17/07,2007,8,17,"
      "0,1,1,0,0,0,1,0,0,anti-terror,,China,Russia,Kazakhstan,-9\n"
      "mme2,Passex,,Sea,0,0,2009-05-xx,2009,5,xx,2009-05-xx,2009,5,xx,0,0,0,1,0,0,0,0,1,,,"
      "st. christopher,United States,NATO,\n";
  auto read = ReadMmeExercises("m.csv", text, Registry());
  ASSERT_TRUE(read.ok()) << read.status().message();
  // Three states in the first (3 pairs), two in the second (1 pair).
  ASSERT_EQ(read->facts.size(), 4u);
  EXPECT_EQ(read->facts[0].kinds, kMmeWarfighting);
  EXPECT_FLOAT_EQ(read->facts[0].value, 4);  // listed participants, unknown included
  EXPECT_EQ(read->facts[3].ccode_a, 2);
  EXPECT_EQ(read->facts[3].ccode_b, 60);  // St. Kitts and Nevis
  EXPECT_EQ(read->facts[3].kinds, kMmeHumanitarian);
  EXPECT_EQ(read->details[1].date, "2009-05");
  EXPECT_NE(read->report.note.find("'NATO'"), std::string::npos);
  EXPECT_NE(read->report.note.find("'-9'"), std::string::npos);
}

TEST(MilitaryMmeTest, BadDatesAndFlagsNameTheColumn) {
  const std::string base =
      "mme1,X,,Sea,0,0,,2007,8,9,,2007,8,17,0,0,0,1,0,0,1,0,0,,,China,Russia,,\n";
  auto with = [&](int field, const std::string& value) {
    std::string row;
    std::size_t start = 0;
    for (int i = 0;; ++i) {
      std::size_t end = base.find_first_of(",\n", start);
      row += (i == field ? value : base.substr(start, end - start));
      if (base[end] == '\n') break;
      row += ',';
      start = end + 1;
    }
    return MmeHeader() + row + "\n";
  };
  struct Case {
    int field;
    std::string value;
    std::string fragment;
  };
  const Case cases[] = {
      {7, "20x7", "m.csv:2:8: bad start year"},
      {8, "13", "m.csv:2:9: bad start month"},
      {9, "yy", "m.csv:2:10: bad start day"},
      {11, "2006", "m.csv:2:12: exercise ends before it starts"},
      {17, "2", "m.csv:2:18: expected 0 or 1"},
  };
  for (const Case& c : cases) {
    auto read = ReadMmeExercises("m.csv", with(c.field, c.value), Registry());
    ASSERT_FALSE(read.ok()) << c.fragment;
    EXPECT_NE(read.status().message().find(c.fragment), std::string::npos)
        << read.status().message();
  }
  // A day or month out of order within the year is a source typo: kept.
  auto reversed = ReadMmeExercises("m.csv", with(13, "1"), Registry());
  ASSERT_TRUE(reversed.ok()) << reversed.status().message();
  EXPECT_NE(reversed->report.note.find("end before they start"), std::string::npos);
}

TEST(MilitaryAtopTest, DirectionsMergeIntoSpansWithMutualDefence) {
  const std::string text =
      "\"ccode1\",\"ccode2\",\"year\",\"atop_defense\",\"atop_offense\",\"atop_neutral\","
      "\"atop_nonagg\",\"atop_consul\"\n"
      "2,740,1960,1,0,0,0,1\n"
      "740,2,1960,1,0,0,0,1\n"
      "2,740,1961,1,0,0,0,1\n"
      "740,2,1961,1,0,0,0,1\n"
      "2,740,1962,1,0,0,0,0\n"  // one-way from here: a new span
      "365,710,2001,0,0,0,1,1\n"
      "710,365,2001,0,0,0,1,1\n"
      "2,20,1950,0,0,0,0,0\n";  // no obligation: skipped
  auto read = ReadAtopDyadYears("a.csv", text);
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->facts.size(), 3u);
  EXPECT_EQ(read->facts[0].first_year, 1960);
  EXPECT_EQ(read->facts[0].last_year, 1961);
  EXPECT_EQ(read->facts[0].kinds, kAtopDefense | kAtopConsultation | kAtopDefenseMutual);
  EXPECT_EQ(read->facts[1].first_year, 1962);
  EXPECT_EQ(read->facts[1].kinds, kAtopDefense);
  EXPECT_EQ(read->facts[2].ccode_a, 365);
  EXPECT_EQ(read->facts[2].kinds, kAtopNonaggression | kAtopConsultation);
  auto bad =
      ReadAtopDyadYears("a.csv",
                        "\"ccode1\",\"ccode2\",\"year\",\"atop_defense\",\"atop_offense\","
                        "\"atop_neutral\",\"atop_nonagg\",\"atop_consul\"\n2,740,1960,2,0,0,0,0\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("a.csv:2:4: expected 0 or 1"), std::string::npos);
}

TEST(MilitaryUsTroopsTest, HostYearsFollowLineageAndSkipTerritories) {
  const std::string text =
      "countryname,year,ccode,iso3c,region,troops_ad\n"
      "Germany,1970,255,DEU,Europe,200000\n"
      "Guam,1970,1008,NA,Asia,9000\n"
      "Bosnia & Herzegovina,2013,346,BIH,Europe,9\n"
      "Bosnia and Herzegovina,2013,346,BIH,Europe,0\n"
      "United States,1970,2,USA,Americas,1000000\n";
  auto read = ReadUsTroops("t.csv", text, Registry());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->facts.size(), 2u);
  EXPECT_EQ(read->facts[0].ccode_b, 260);  // West Germany in 1970
  EXPECT_FLOAT_EQ(read->facts[0].value, 200000);
  EXPECT_FLOAT_EQ(read->facts[1].value, 9);  // the larger of the duplicate rows
  EXPECT_NE(read->report.note.find("'Guam'"), std::string::npos);
}

TEST(MilitaryUsBasesTest, HostsByNameAndLatin1Decoded) {
  const std::string text =
      "countryname,ccode,iso3c,basename,lat,lon,base,lilypad,fundedsite\n"
      "Japan,740,JPN,Yokota AB,0,0,1,0,0\n"
      "Hong Kong,710,CHN,Consulate site,0,0,0,1,0\n"
      "Georigia,372,GEO,Vaziani,0,0,0,1,0\n"
      "Colombia,100,COL,Puerto Legu\xedzamo,0,0,0,0,1\n";
  auto read = ReadUsBases("b.csv", text, Registry());
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->facts.size(), 3u);
  EXPECT_EQ(read->facts[0].ccode_b, 740);
  EXPECT_EQ(read->facts[0].kinds, kBaseMajor);
  EXPECT_EQ(read->facts[1].ccode_b, 372);  // Georgia despite the misspelling
  EXPECT_EQ(read->details[2].name, "Puerto Legu\xc3\xadzamo");
  EXPECT_NE(read->report.note.find("'Hong Kong'"), std::string::npos);
}

}  // namespace
}  // namespace entente::internal
