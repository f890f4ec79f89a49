// The profile's dataset and evidence readers on small hand-written inputs:
// what they keep, and that every bad row names file, line, column and value.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>

#include "entente/countries.h"
#include "ingest/profile_sources.h"

namespace entente::internal {
namespace {

const CountryRegistry& Countries() {
  static const CountryRegistry* registry = [] {
    auto loaded = CountryRegistry::Load(ENTENTE_SHARED_DATA);
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.status().message();
      std::abort();
    }
    return new CountryRegistry(std::move(loaded).value());
  }();
  return *registry;
}

constexpr const char* kTradeHeader =
    "\"ccode1\",\"ccode2\",\"year\",\"flow1\",\"flow2\",\"smoothflow1\",\"smoothflow2\"\n";

TEST(ProfileReaders, DyadicTradeKeepsOrderAndMissing) {
  auto rows = ReadCowDyadicTrade("t.csv", std::string(kTradeHeader) +
                                              "710,365,2010,10.5,20,0,0\n"
                                              "2,20,1920,-9,735,0,0\n");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  // 710 > 365: the flows are swapped so that side a is the lower code.
  EXPECT_EQ((*rows)[0].ccode_a, 365);
  EXPECT_EQ((*rows)[0].ccode_b, 710);
  EXPECT_FLOAT_EQ((*rows)[0].imports_a, 20);    // Russia's imports from China
  EXPECT_FLOAT_EQ((*rows)[0].imports_b, 10.5);  // China's imports from Russia
  EXPECT_LT((*rows)[1].imports_a, 0);           // -9 stays missing, never 0
  EXPECT_FLOAT_EQ((*rows)[1].imports_b, 735);
}

TEST(ProfileReaders, DyadicTradeErrorsNameTheCell) {
  auto bad = ReadCowDyadicTrade("t.csv", std::string(kTradeHeader) + "2,20,1920,abc,735,0,0\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.csv:2:4"), std::string::npos) << bad.status().message();
  EXPECT_NE(bad.status().message().find("abc"), std::string::npos);
  auto negative = ReadCowDyadicTrade("t.csv", std::string(kTradeHeader) + "2,20,1920,-3,1,0,0\n");
  EXPECT_FALSE(negative.ok());
  auto self = ReadCowDyadicTrade("t.csv", std::string(kTradeHeader) + "2,2,1920,1,1,0,0\n");
  EXPECT_FALSE(self.ok());
  auto short_row = ReadCowDyadicTrade("t.csv", std::string(kTradeHeader) + "2,20,1920,1\n");
  ASSERT_FALSE(short_row.ok());
  EXPECT_NE(short_row.status().message().find("t.csv:2:"), std::string::npos);
  auto no_header = ReadCowDyadicTrade("t.csv", "a,b\n1,2\n");
  ASSERT_FALSE(no_header.ok());
  EXPECT_NE(no_header.status().message().find("missing column 'ccode1'"), std::string::npos);
}

TEST(ProfileReaders, NmcIgoContiguity) {
  auto nmc = ReadNmc("n.csv",
                     "\"ccode\",\"year\",\"milex\",\"milper\",\"irst\",\"pec\",\"tpop\",\"upop\","
                     "\"cinc\"\n2,1816,1,1,1,1,1,1,0.0397\n2,1817,1,1,1,1,1,1,-9\n");
  ASSERT_TRUE(nmc.ok()) << nmc.status().message();
  EXPECT_DOUBLE_EQ((*nmc)[0].cinc, 0.0397);
  EXPECT_LT((*nmc)[1].cinc, 0);
  EXPECT_FALSE(ReadNmc("n.csv", "ccode,year,cinc\n2,1816,1.5\n").ok());

  auto igo = ReadIgoDyadYears("i.csv", "ccode1,ccode2,year,dyadigos\n20,2,1920,7\n");
  ASSERT_TRUE(igo.ok());
  EXPECT_EQ((*igo)[0].ccode_a, 2);
  EXPECT_EQ((*igo)[0].shared, 7);
  EXPECT_FALSE(ReadIgoDyadYears("i.csv", "ccode1,ccode2,year,dyadigos\n20,2,1920,7.5\n").ok());

  auto cont = ReadContiguity("c.csv",
                             "ccode1,ccode2,conttype,stdate,enddate\n"
                             "710,365,1,\"1946-01-01\",\"2016-12-01\"\n");
  ASSERT_TRUE(cont.ok()) << cont.status().message();
  EXPECT_EQ((*cont)[0].ccode_a, 365);
  EXPECT_EQ((*cont)[0].conttype, 1);
  EXPECT_EQ((*cont)[0].end, 20161201);
  auto bad = ReadContiguity(
      "c.csv", "ccode1,ccode2,conttype,stdate,enddate\n2,20,7,1920-01-01,2016-12-01\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("c.csv:2:3"), std::string::npos) << bad.status().message();
}

TEST(ProfileReaders, ArchigosMapsGleditschWardAndSplitsGermany) {
  const std::string header =
      "\"obsid\",\"gwcode\",\"leadid\",\"leader\",\"yrborn\",\"gender\",\"startdate\",\"enddate\","
      "\"entry\",\"exit\",\"exitcode\"\n";
  std::int64_t skipped = 0;
  auto rows = ReadArchigos("a.csv",
                           header +
                               "\"GFR-1982\",260,\"x\",\"Kohl\",1930,\"M\",\"1982-10-01\","
                               "\"1998-10-27\",\"Regular\",\"Regular\",\"Regular\"\n"
                               "\"USA-2009\",2,\"y\",\"Obama\",1961,\"M\",\"2009-01-20\","
                               "\"2015-12-31\",\"Regular\",\"Still in Office\",\"x\"\n",
                           Countries(), &skipped);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].ccode, 260);  // West Germany until 1990-10-02
  EXPECT_EQ((*rows)[1].ccode, 255);  // Germany from 1990-10-03
  EXPECT_EQ((*rows)[1].start, 19901003);
  EXPECT_EQ((*rows)[2].ccode, 2);
  auto bad = ReadArchigos("a.csv",
                          header +
                              "\"x\",2,\"y\",\"Obama\",1961,\"M\",\"2009-13-20\",\"2015-12-31\","
                              "\"R\",\"R\",\"R\"\n",
                          Countries(), &skipped);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("a.csv:2:7"), std::string::npos) << bad.status().message();
}

constexpr const char* kMeetingHeader =
    "dyad,date,leader1,leader2,place,format,description,publisher,title,published,url\n";

TEST(ProfileEvidence, MeetingsValidated) {
  auto ok =
      ReadLeaderMeetings("m.csv",
                         std::string(kMeetingHeader) +
                             "CHN-RUS,2013-03-22,Xi Jinping,Vladimir Putin,\"Moscow, Russia\","
                             "state_visit,talks,Kremlin,Talks,2013-03-22,http://x.org/a\n",
                         Countries());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ((*ok)[0].row.ccode_a, 365);  // RUS 365 < CHN 710
  EXPECT_EQ((*ok)[0].row.ccode_b, 710);
  EXPECT_TRUE((*ok)[0].row.swapped);  // the file's side 1 (CHN) is ccode_b
  EXPECT_EQ((*ok)[0].row.year, 2013);

  struct Case {
    std::string row;
    std::string where;
  };
  const std::vector<Case> bad = {
      {"RUS-CHN,2013-03-22,a,b,c,state_visit,d,p,t,2013,http://x.org\n", "m.csv:2:1"},
      {"CHN-RUS,2013-02-30,a,b,c,state_visit,d,p,t,2013,http://x.org\n", "m.csv:2:2"},
      {"CHN-RUS,2013-03-22,a,b,c,picnic,d,p,t,2013,http://x.org\n", "m.csv:2:6"},
      {"CHN-RUS,2013-03-22,a,b,c,state_visit,d,,t,2013,http://x.org\n", "m.csv:2:8"},
      {"CHN-RUS,2013-03-22,a,b,c,state_visit,d,p,t,2013,ftp://x.org\n", "m.csv:2:11"},
      {"CHN-XXX,2013-03-22,a,b,c,state_visit,d,p,t,2013,http://x.org\n", "m.csv:2:1"},
  };
  for (const Case& c : bad) {
    auto r = ReadLeaderMeetings("m.csv", std::string(kMeetingHeader) + c.row, Countries());
    ASSERT_FALSE(r.ok()) << c.row;
    EXPECT_NE(r.status().message().find(c.where), std::string::npos)
        << c.row << " -> " << r.status().message();
  }
  auto dup =
      ReadLeaderMeetings("m.csv",
                         std::string(kMeetingHeader) +
                             "CHN-RUS,2013-03-22,a,b,c,state_visit,d,p,t,2013,http://x.org\n"
                             "CHN-RUS,2013-03-22,a,b,c,state_visit,d,p,t,2013,http://x.org\n",
                         Countries());
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate of line 2"), std::string::npos);
}

TEST(ProfileEvidence, TradePartnershipsVetoes) {
  auto trade =
      ReadTradeEvidence("t.csv",
                        "dyad,year,indicator,value,unit,reporter,publisher,title,published,url\n"
                        "CHN-RUS,2022,total_trade,190.27,USD billion,China "
                        "customs,Xinhua,T,2023-01-13,https://x.cn\n",
                        Countries());
  ASSERT_TRUE(trade.ok()) << trade.status().message();
  EXPECT_DOUBLE_EQ((*trade)[0].value, 190.27);
  auto bad_value =
      ReadTradeEvidence("t.csv",
                        "dyad,year,indicator,value,unit,reporter,publisher,title,published,url\n"
                        "CHN-RUS,2022,total_trade,lots,USD billion,C,X,T,2023,https://x.cn\n",
                        Countries());
  ASSERT_FALSE(bad_value.ok());
  EXPECT_NE(bad_value.status().message().find("t.csv:2:4"), std::string::npos);

  EXPECT_EQ(PartnershipLevelRank("treaty", "alliance (collective defence treaty)"), 4);
  EXPECT_EQ(PartnershipLevelRank("joint_statement",
                                 "comprehensive strategic partnership of coordination"),
            3);
  EXPECT_EQ(PartnershipLevelRank("partnership_declaration", "strategic partnership"), 2);
  EXPECT_EQ(PartnershipLevelRank("partnership_declaration", "constructive partnership"), 1);
  EXPECT_EQ(PartnershipLevelRank("joint_statement", "new era"), 0);

  auto vetoes =
      ReadVetoes("v.csv",
                 "date,draft,subject,vetoed_by,description,publisher,title,published,url\n"
                 "2011-10-04,S/2011/612,Syria,CHN;RUS,d,UN,T,2011-10-04,https://un.org\n",
                 Countries());
  ASSERT_TRUE(vetoes.ok()) << vetoes.status().message();
  ASSERT_EQ((*vetoes)[0].vetoed_by.size(), 2u);
  auto not_p5 =
      ReadVetoes("v.csv",
                 "date,draft,subject,vetoed_by,description,publisher,title,published,url\n"
                 "2011-10-04,S/2011/612,Syria,CHN;IND,d,UN,T,2011-10-04,https://un.org\n",
                 Countries());
  ASSERT_FALSE(not_p5.ok());
  EXPECT_NE(not_p5.status().message().find("v.csv:2:4"), std::string::npos);
}

// Fuzz every reader: random byte edits of a valid input never crash it, and
// every failure is a data error that starts with the file's name.
TEST(ProfileReadersFuzz, EveryReaderFailsCleanly) {
  using Reader = std::function<Status(const std::string&)>;
  auto wrap = [](auto result) { return result.ok() ? Status::Ok() : result.status(); };
  const CountryRegistry& c = Countries();
  const std::vector<std::pair<std::string, Reader>> cases = {
      {"ccode,year,imports,exports\n2,1870,450,418\n2,1871,-9,475\n",
       [&](const std::string& t) { return wrap(ReadCowStateTrade("f.csv", t)); }},
      {"ccode1,ccode2,year,dyadigos\n2,20,1920,7\n",
       [&](const std::string& t) { return wrap(ReadIgoDyadYears("f.csv", t)); }},
      {"ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1816,1,1,1,1,1,1,0.03\n",
       [&](const std::string& t) { return wrap(ReadNmc("f.csv", t)); }},
      {"ccode1,ccode2,conttype,stdate,enddate\n2,20,1,\"1920-01-01\",\"2016-12-01\"\n",
       [&](const std::string& t) { return wrap(ReadContiguity("f.csv", t)); }},
      {"obsid,gwcode,leadid,leader,yrborn,gender,startdate,enddate,entry,exit,exitcode\n"
       "x,2,y,Obama,1961,M,2009-01-20,2015-12-31,R,R,R\n",
       [&](const std::string& t) {
         std::int64_t skipped = 0;
         return wrap(ReadArchigos("f.csv", t, c, &skipped));
       }},
      {"dyad,year,indicator,value,unit,reporter,publisher,title,published,url\n"
       "CHN-RUS,2022,total_trade,190.27,USD billion,C,X,T,2023-01-13,https://x.cn\n",
       [&](const std::string& t) { return wrap(ReadTradeEvidence("f.csv", t, c)); }},
      {"dyad,date,kind,name,level,description,publisher,title,published,url\n"
       "CHN-RUS,1996-04-25,joint_statement,N,strategic partnership,d,P,T,1996,http://x.org\n",
       [&](const std::string& t) { return wrap(ReadPartnerships("f.csv", t, c)); }},
      {"date,draft,subject,vetoed_by,description,publisher,title,published,url\n"
       "2011-10-04,S/2011/612,Syria,CHN;RUS,d,UN,T,2011-10-04,https://un.org\n",
       [&](const std::string& t) { return wrap(ReadVetoes("f.csv", t, c)); }},
      {"country,leader,start,end,publisher,title,published,url\n"
       "RUS,Vladimir Putin,2000-01-01,,Interfax,T,2024-05-07,https://x.com\n",
       [&](const std::string& t) { return wrap(ReadLeaderEvidence("f.csv", t, c, nullptr)); }},
      {"dyad,first_year,last_year,note\nCHN-RUS,2013,2025,searched\n",
       [&](const std::string& t) { return wrap(ReadMeetingCoverage("f.csv", t, c)); }},
  };
  std::mt19937 rng(11);
  const std::string alphabet = "0123456789,-\";\n.aZ;x ";
  for (const auto& [valid, reader] : cases) {
    ASSERT_TRUE(reader(valid).ok()) << valid << reader(valid).message();
    for (int i = 0; i < 400; ++i) {
      std::string t = valid;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !t.empty(); ++e) {
        const std::size_t pos = rng() % t.size();
        switch (rng() % 3) {
          case 0:
            t[pos] = alphabet[rng() % alphabet.size()];
            break;
          case 1:
            t.erase(pos, 1);
            break;
          default:
            t.insert(pos, 1, alphabet[rng() % alphabet.size()]);
            break;
        }
      }
      Status status = reader(t);
      if (!status.ok()) {
        EXPECT_EQ(status.code(), Status::Code::kData) << t;
        EXPECT_EQ(status.message().rfind("f.csv:", 0), 0u) << status.message();
      }
    }
  }
}

// Fuzz: random byte edits of valid inputs never crash a reader, and every
// failure is a data error that names the file.
TEST(ProfileReadersFuzz, MutatedInputsFailCleanly) {
  const std::string trade = std::string(kTradeHeader) + "2,20,1920,612,735,612,735\n";
  const std::string meetings =
      std::string(kMeetingHeader) +
      "CHN-RUS,2013-03-22,Xi,Putin,\"Moscow, Russia\",state_visit,d,K,T,2013,http://x.org\n";
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789,-\"\n.aZ;x ";
  for (int i = 0; i < 3000; ++i) {
    std::string t = i % 2 ? trade : meetings;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t pos = rng() % t.size();
      switch (rng() % 3) {
        case 0:
          t[pos] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          t.erase(pos, 1);
          break;
        default:
          t.insert(pos, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
    }
    Status status;
    if (i % 2) {
      auto r = ReadCowDyadicTrade("f.csv", t);
      if (!r.ok()) status = r.status();
    } else {
      auto r = ReadLeaderMeetings("f.csv", t, Countries());
      if (!r.ok()) status = r.status();
    }
    if (!status.ok()) {
      EXPECT_EQ(status.code(), Status::Code::kData) << t;
      EXPECT_EQ(status.message().rfind("f.csv:", 0), 0u) << status.message();
    }
  }
}

}  // namespace
}  // namespace entente::internal
