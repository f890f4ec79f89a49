#include "core/country_rules.h"

#include <algorithm>
#include <array>
#include <vector>

namespace entente::internal {
namespace {

constexpr DateKey kEver = kEarliestDate;
constexpr DateKey kNow = kLatestDate;

// Names that neither countrycode (country.name.en, cow.name, iso.name.en,
// un.name.en, p4.name, vdem.name) nor COW (statenme) spell, but that users
// and our datasets write. An alias outranks every data name, so an alias
// here also settles a name two rows would otherwise share.
constexpr CountryAlias kAliases[] = {
    // The list of common keys (entente#countries).
    {"PRC", 710, "common abbreviation of the People's Republic of China"},
    {"People's Republic of China", 710, "official name; countrycode only has the UN form"},
    {"Mainland China", 710, "used in trade and press data to mean the PRC"},
    {"ROC", 713, "Republic of China: COW calls it Taiwan"},
    {"Republic of China", 713, "official name of Taiwan; the China pattern excludes 'rep'"},
    {"Chinese Taipei", 713, "name used by the IOC and the WTO"},
    {"USSR", 365, "COW codes the Soviet Union as 365 throughout, the same state as Russia"},
    {"Soviet Union", 365, "COW 365 from 1922 to 1991"},
    {"Union of Soviet Socialist Republics", 365, "official name, COW 365"},
    {"UK", 200, "not an ISO 3166 code (GB is), but what people type"},
    {"Britain", 200, "common short name"},
    {"Great Britain", 200, "common short name"},
    {"South Korea", 732, "as in SIPRI and MME; also codelist's name"},
    {"Republic of Korea", 732, "official name (un.name.en)"},
    {"North Korea", 731, "as in SIPRI and MME; also codelist's name"},
    {"DPRK", 731, "Democratic People's Republic of Korea"},
    {"Korean Empire", 730, "COW 730 (1887-1905), whose COW letters KOR lose to ISO3 KOR"},
    {"America", 2, "common short name of the United States"},
    {"West Germany", 260, "COW 260, German Federal Republic 1955-1990"},
    {"FRG", 260, "Federal Republic of Germany before unification"},
    {"Federal Republic of Germany", 260,
     "un_votes.csv names FRG votes so (empty code); the Germany pattern would give 255"},
    {"East Germany", 265, "COW 265, German Democratic Republic 1954-1990"},
    {"North Vietnam", 816, "COW 816 (Democratic Republic of Vietnam) is today's Vietnam"},
    {"Democratic Republic of Vietnam", 816, "official name of North Vietnam"},
    {"South Vietnam", 817, "COW 817, Republic of Vietnam 1954-1975"},
    {"North Yemen", 678, "COW 678, Yemen Arab Republic to 1990-05-21"},
    {"South Yemen", 680, "COW 680, Yemen People's Republic to 1990-05-21"},
    {"Democratic Yemen", 680, "UN name of South Yemen (ungd/speakers.csv 1988)"},
    {"People's Democratic Republic of Yemen", 680, "official name of South Yemen"},
    {"Republic of Yemen", 679, "official name of united Yemen, COW 679"},
    {"Burma", 775, "name of Myanmar until 1989; COW letters MYA"},
    {"Zaire", 490, "name of the DR Congo 1971-1997"},
    {"DR Congo", 490, "common short name"},
    {"Macedonia", 343, "COW statenme; ISO name North Macedonia since 2019"},
    {"Former Yugoslav Republic of Macedonia", 343, "UN name 1993-2019"},
    {"FYROM", 343, "abbreviation of the UN name 1993-2019"},
    // Succession of Yugoslavia: COW keeps 345 for Serbia (docs/countries.md).
    {"Federal Republic of Yugoslavia", 345, "1992-2003, COW 345"},
    {"Socialist Federal Republic of Yugoslavia", 345, "1963-1992, COW 345"},
    // Former names still found in historical data.
    {"Holland", 210, "common name of the Netherlands"},
    {"Persia", 630, "name of Iran until 1935"},
    {"Siam", 800, "name of Thailand until 1939"},
    {"Ceylon", 780, "name of Sri Lanka until 1972"},
    {"Kampuchea", 811, "name of Cambodia 1976-1989"},
    {"Democratic Kampuchea", 811, "UN seat name of Cambodia 1976-1982"},
    {"Dahomey", 434, "name of Benin until 1975"},
    {"Upper Volta", 439, "name of Burkina Faso until 1984"},
    {"Tanganyika", 510, "COW 510 starts as Tanganyika (1961) and continues as Tanzania"},
    {"Rhodesia", 552, "COW 552 starts in 1965 as Rhodesia"},
    {"Vatican", 327, "codelist maps the Holy See to COW 327 (Papal States)"},
    {"Micronesia", 987, "common short name"},
    {"Kyrgyz Republic", 703, "World Bank name"},
    {"Lao PDR", 812, "World Bank name"},
    {"St. Christopher and Nevis", 60, "official name of St. Kitts and Nevis until 1986"},
    {"St. Christopher", 60, "short old name of St. Kitts and Nevis (MME writes 'st. christopher')"},
};

constexpr NonState kNonStates[] = {
    {"Northern Cyprus",
     "the Turkish Republic of Northern Cyprus is recognised only by Turkey and "
     "is no state in COW or the codelist (Cyprus is 352)"},
    {"Turkish Republic of Northern Cyprus", "recognised only by Turkey; no COW state"},
    {"TRNC", "Turkish Republic of Northern Cyprus: no COW state"},
    {"Transnistria", "unrecognised; no COW state (Moldova is 359)"},
    {"Abkhazia", "recognised by few states; no COW state (Georgia is 372)"},
    {"South Ossetia", "recognised by few states; no COW state (Georgia is 372)"},
};

// ISO 3166-3 lists these alpha-3 codes as withdrawn; historical data still
// uses them (the UN General Debate corpus names its files CSK_, DDR_, YMD_,
// YUG_). None is the COW letter code of another state.
constexpr DatedCode kWithdrawnIso3[] = {
    {"CSK", 315, kEver, kNow, "Czechoslovakia, withdrawn 1993"},
    {"DDR", 265, kEver, kNow, "German Democratic Republic, withdrawn 1990"},
    {"SUN", 365, kEver, kNow, "USSR, withdrawn 1992; COW 365 throughout"},
    {"YUG", 345, kEver, kNow, "Yugoslavia, withdrawn 2003; COW keeps 345 for Serbia"},
    {"SCG", 345, kEver, kNow, "Serbia and Montenegro 2003-2006, COW 345"},
    {"YMD", 680, kEver, kNow, "Democratic Yemen (South Yemen), withdrawn 1990"},
    {"VDR", 816, kEver, kNow, "Democratic Republic of Vietnam, withdrawn 1977 (now VNM)"},
    {"ZAR", 490, kEver, kNow, "Zaire, changed to COD in 1997"},
    {"BUR", 775, kEver, kNow, "Burma, changed to MMR in 1989"},
    {"TMP", 860, kEver, kNow, "East Timor, changed to TLS in 2002"},
    {"ROM", 360, kEver, kNow, "Romania, changed to ROU in 2002 (also its COW letters)"},
    {"DHY", 434, kEver, kNow, "Dahomey, changed to BEN in 1977"},
    {"HVO", 439, kEver, kNow, "Upper Volta, changed to BFA in 1984"},
    {"RHO", 552, kEver, kNow, "Southern Rhodesia, changed to ZWE in 1980"},
};

// ISO 3166-3 withdrawn alpha-2 codes. CS was reused: Czechoslovakia until its
// dissolution, then Serbia and Montenegro from the state's founding until
// ISO gave Serbia RS (2006-09-26); between the two it meant nothing.
constexpr DatedCode kWithdrawnIso2[] = {
    {"CS", 315, kEver, MakeDateKey(1992, 12, 31), "Czechoslovakia until its dissolution"},
    {"CS", 345, MakeDateKey(2003, 2, 4), MakeDateKey(2006, 9, 25),
     "Serbia and Montenegro, COW 345, until ISO assigned RS"},
    {"YU", 345, kEver, kNow, "Yugoslavia; un_votes.csv uses YU for 345 up to 2020"},
    {"DD", 265, kEver, kNow, "German Democratic Republic"},
    {"YD", 680, kEver, kNow, "Democratic Yemen (South Yemen)"},
    {"SU", 365, kEver, kNow, "USSR; COW 365 throughout"},
    {"VD", 816, kEver, kNow, "Democratic Republic of Vietnam"},
    {"ZR", 490, kEver, kNow, "Zaire"},
    {"BU", 775, kEver, kNow, "Burma"},
    {"TP", 860, kEver, kNow, "East Timor"},
    {"DY", 434, kEver, kNow, "Dahomey"},
    {"HV", 439, kEver, kNow, "Upper Volta"},
    {"RH", 552, kEver, kNow, "Southern Rhodesia"},
};

// ungd/speakers.csv writes these where the corpus's file names have the ISO3
// code; each is limited to the years it occurs so it cannot capture anything
// else.
constexpr DatedCode kCorpusIso3[] = {
    {"YDYE", 680, MakeDateKey(1967, 1, 1), MakeDateKey(1990, 5, 21),
     "speakers.csv code for South Yemen 1968-1989 (files are YMD_)"},
    {"CZK", 315, MakeDateKey(1947, 1, 1), MakeDateKey(1947, 12, 31),
     "speakers.csv 1947 row for Czechoslovakia (file CSK_02_1947)"},
    {"DKN", 390, MakeDateKey(1969, 1, 1), MakeDateKey(1969, 12, 31),
     "speakers.csv 1969 row for Denmark"},
    {"PAR", 150, MakeDateKey(1961, 1, 1), MakeDateKey(1961, 12, 31),
     "speakers.csv 1961 row for Paraguay (COW letters)"},
    {"POR", 235, MakeDateKey(1962, 1, 1), MakeDateKey(2020, 12, 31),
     "speakers.csv rows for Portugal in 1962, 2016, 2017, 2020 (COW letters)"},
    {"ZFA", 560, MakeDateKey(2016, 1, 1), MakeDateKey(2016, 12, 31),
     "speakers.csv 2016 row for South Africa"},
    {"PKR", 731, MakeDateKey(2017, 1, 1), MakeDateKey(2017, 12, 31),
     "speakers.csv 2017 row for North Korea"},
};

// UN seats held by another delegation than the state that holds the ISO3
// code today. UN datasets name a seat's records by its present holder's code;
// a record of these periods is the delegation's named here.
constexpr DatedCode kUnSeatIso3[] = {
    {"CHN", 713, kEver, MakeDateKey(1971, 10, 24),
     "the Republic of China held China's UN seat until General Assembly resolution 2758 of "
     "1971-10-25; the UN General Debate corpus files its speeches as CHN_ (speakers.csv: "
     "Wei Tao-ming 1967-1969, Chow 1971), and Voeten codes the seat's votes 713 up to 1971-10-07"},
};

// Rows of countries/codelist.csv without cown that COW nevertheless covers.
constexpr CodelistMerge kMerges[] = {
    {"Serbia", 345,
     "COW keeps 345 after Yugoslavia's break-up; Voeten's 345 votes are the UNGA wide file's SRB"},
    {"Serbia and Montenegro", 345, "2003-2006 name of the state COW codes 345"},
    {"Prussia", 255, "COW 255 begins in 1816 as Prussia"},
    {"Piedmont-Sardinia", 325, "COW 325 begins in 1816 as the Kingdom of Sardinia"},
    {"Sardinia", 325, "COW 325 begins in 1816 as the Kingdom of Sardinia"},
    {"Hesse-Kassel", 273, "COW calls it Hesse Electoral"},
    {"Hesse-Darmstadt", 275, "COW calls it Hesse Grand Ducal"},
    {"Würtemberg", 271, "second spelling of COW's Wuerttemburg"},
    {"United Arab Republic", 651, "COW keeps Egypt as 651 through the union with Syria, 1958-61"},
};

// Lineages that are not "own code at every date". Evidence in
// docs/countries.md: the UNGA wide file's DEU column agrees with Voeten's 260
// on all 2,087 roll calls of 1973-1989 and with 255 from November 1990.
constexpr LineagePeriod kLineage[] = {
    {255, {255, kEver, MakeDateKey(1945, 5, 8)}, "Prussia, then the German Reich, in COW"},
    {255,
     {260, MakeDateKey(1945, 5, 9), MakeDateKey(1990, 10, 2)},
     "West Germany; COW starts 260 on 1955-05-05, the occupation years map to it too so that "
     "DEU data of 1945-1955 is not dropped"},
    {255, {255, MakeDateKey(1990, 10, 3), kNow}, "united Germany from 1990-10-03"},
    {260, {260, kEver, MakeDateKey(1990, 10, 2)}, "West Germany"},
    {260,
     {255, MakeDateKey(1990, 10, 3), kNow},
     "the FRG continues as united Germany: un_votes.csv files united Germany's Nov-Dec 1990 "
     "votes under 'Federal Republic of Germany', Voeten codes them 255"},
    {679,
     {678, kEver, MakeDateKey(1990, 5, 21)},
     "Yemen Arab Republic; the UN General Debate corpus files its speeches as YEM"},
    {679, {679, MakeDateKey(1990, 5, 22), kNow}, "united Yemen from 1990-05-22"},
};

constexpr NameOverride kNameOverrides[] = {
    {345, "Serbia",
     "345 carries ISO SRB/RS and its present name, as 365 is 'Russia' and not 'USSR'; "
     "'Yugoslavia' remains a name of it"},
};

// Latin-1 Supplement letters U+00C0..U+00FF folded to ASCII (index = second
// UTF-8 byte - 0x80). Empty strings are non-letters (× ÷).
constexpr std::array<std::string_view, 64> kLatin1Fold = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::span<const CountryAlias> CountryAliases() {
  return kAliases;
}
std::span<const NonState> NonStates() {
  return kNonStates;
}
std::span<const DatedCode> WithdrawnIso3Codes() {
  return kWithdrawnIso3;
}
std::span<const DatedCode> WithdrawnIso2Codes() {
  return kWithdrawnIso2;
}
std::span<const DatedCode> CorpusIso3Codes() {
  return kCorpusIso3;
}
std::span<const DatedCode> UnSeatIso3Codes() {
  return kUnSeatIso3;
}
std::span<const CodelistMerge> CodelistMerges() {
  return kMerges;
}
std::span<const LineagePeriod> LineagePeriods() {
  return kLineage;
}
std::span<const NameOverride> NameOverrides() {
  return kNameOverrides;
}

const DatedCode* FindDatedCode(std::span<const DatedCode> codes, std::string_view code,
                               DateKey date) {
  for (const DatedCode& entry : codes) {
    if (entry.code == code && entry.first <= date && date <= entry.last) return &entry;
  }
  return nullptr;
}

const DatedCode* FindAnyDatedCode(std::span<const DatedCode> codes, std::string_view code) {
  for (const DatedCode& entry : codes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

std::string FoldToAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c < 0x80) {
      out += LowerAscii(static_cast<char>(c));
    } else if (c == 0xC3 && next >= 0x80 && next <= 0xBF) {
      out += kLatin1Fold[next - 0x80];
      ++i;
    } else if (c == 0xC2 && next == 0xA0) {  // no-break space
      out += ' ';
      ++i;
    } else if (c == 0xC4 && (next == 0xB0 || next == 0xB1)) {  // İ ı (Türkiye)
      out += 'i';
      ++i;
    } else if ((c == 0xC5 && (next == 0xA0 || next == 0xA1)) ||  // Š š
               (c == 0xC5 && (next == 0xBD || next == 0xBE)) ||  // Ž ž
               (c == 0xC4 && (next == 0x8C || next == 0x8D))) {  // Č č
      out += next == 0xA0 || next == 0xA1 ? 's' : next == 0xBD || next == 0xBE ? 'z' : 'c';
      ++i;
    } else if (c == 0xE2 && next == 0x80 && (third == 0x98 || third == 0x99)) {  // ‘ ’
      out += '\'';
      i += 2;
    } else if (c == 0xE2 && next == 0x80 && (third == 0x9C || third == 0x9D)) {  // “ ”
      out += '"';
      i += 2;
    } else if (c == 0xE2 && next == 0x80 && (third == 0x93 || third == 0x94)) {  // – —
      out += '-';
      i += 2;
    } else {
      out += static_cast<char>(c);  // other scripts stay as they are
    }
  }
  return out;
}

std::string NormalizeCountryName(std::string_view text) {
  const std::string folded = FoldToAscii(text);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (char c : folded) {
    if (IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else if (c == '\'') {
      // "People's" and "d'Ivoire" keep their letters together.
    } else if (c == '&') {
      flush();
      words.emplace_back("and");
    } else {
      flush();
    }
  }
  flush();
  std::string out;
  std::string letters;  // a run of one-letter words: "u s a" -> "usa"
  auto append = [&out](std::string_view w) {
    if (!out.empty()) out += ' ';
    out += w;
  };
  for (std::string& w : words) {
    if (w == "the" || w == "of") continue;
    if (w == "st") w = "saint";
    if (w == "rep") w = "republic";
    if (w == "dem") w = "democratic";
    if (w.size() == 1) {
      letters += w;
      continue;
    }
    if (!letters.empty()) append(letters);
    letters.clear();
    append(w);
  }
  if (!letters.empty()) append(letters);
  return out;
}

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t cap) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > cap) return cap + 1;
  // Three rows suffice for the transposition term.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap + 1);
}

}  // namespace entente::internal
