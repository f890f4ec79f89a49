// The strict CSV reader, the UTF-8 check and the integer parsers every loader
// relies on: RFC 4180 cases, the error messages (file:line:column and value),
// and random input that must never crash it.
#include "core/csv_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace entente::internal {
namespace {

using Records = std::vector<std::vector<std::string>>;

struct ReadResult {
  Records records;
  std::vector<std::size_t> lines;  // line of each record
  Status status;
};

ReadResult ReadAll(std::string_view content, char delimiter = ',') {
  CsvReader csv("test.csv", content, delimiter);
  ReadResult out;
  while (csv.Next()) {
    out.records.emplace_back(csv.fields().begin(), csv.fields().end());
    out.lines.push_back(csv.line());
  }
  out.status = csv.status();
  return out;
}

// Shows control characters so a failing case can be read in the log.
std::string Visible(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(c));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

TEST(CsvReaderTest, ParsesWellFormedInput) {
  struct Case {
    std::string_view input;
    Records expected;
  };
  const Case cases[] = {
      {"a,b,c\n1,2,3\n", {{"a", "b", "c"}, {"1", "2", "3"}}},
      {"a,b,c\n1,2,3", {{"a", "b", "c"}, {"1", "2", "3"}}},  // no final newline
      {"a,,c\n", {{"a", "", "c"}}},                          // empty middle field
      {"a,b,\n", {{"a", "b", ""}}},                          // empty last field
      {"a,b,", {{"a", "b", ""}}},                            // ... at end of input
      {",\n", {{"", ""}}},
      {"\"a\",\"b\"\n", {{"a", "b"}}},                    // quoted
      {"\"a,b\",c\n", {{"a,b", "c"}}},                    // delimiter inside quotes
      {"\"a\nb\",c\n", {{"a\nb", "c"}}},                  // newline inside quotes
      {"\"a\r\nb\",c\r\n", {{"a\r\nb", "c"}}},            // CRLF inside quotes kept as is
      {"\"\",x\n", {{"", "x"}}},                          // quoted empty field
      {"\"say \"\"hi\"\"\",2\n", {{"say \"hi\"", "2"}}},  // "" escapes
      {"\"\"\"\"\n", {{"\""}}},                           // a field that is one quote
      {"\"a\"\"\",\"\"\"b\"\n", {{"a\"", "\"b"}}},        // escapes at both ends
      {"a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}},       // CRLF records
      {"a\n\n\nb\n", {{"a"}, {"b"}}},                     // blank lines skipped
      {"\r\n\r\na\r\n\r\n", {{"a"}}},                     // blank CRLF lines skipped
      {"\xEF\xBB\xBFrcid,vote\n1,2\n", {{"rcid", "vote"}, {"1", "2"}}},  // BOM dropped
      {"\"\xEF\xBB\xBF\",x\n", {{"\xEF\xBB\xBF", "x"}}},  // a BOM inside a field is data
      {"caf\xC3\xA9,\xE2\x82\xAC\n", {{"caf\xC3\xA9", "\xE2\x82\xAC"}}},
      {"", {}},
      {"\n\n", {}},
      {"\xEF\xBB\xBF", {}},
  };
  for (const Case& c : cases) {
    const ReadResult r = ReadAll(c.input);
    EXPECT_TRUE(r.status.ok()) << Visible(c.input) << ": " << r.status.message();
    EXPECT_EQ(r.records, c.expected) << "input: " << Visible(c.input);
  }
}

TEST(CsvReaderTest, ReadsTabSeparatedInput) {
  const ReadResult r = ReadAll("a\tb,c\t\"d\te\"\n", '\t');
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.records, (Records{{"a", "b,c", "d\te"}}));
}

TEST(CsvReaderTest, LineNumbersCountPhysicalLines) {
  // Records start on lines 1, 2, 4 (line 3 is blank), 5 (holds a quoted
  // newline, so the record after it starts on 7).
  const ReadResult r = ReadAll("h1,h2\r\na,b\r\n\r\nc,d\n\"multi\nline\",e\nf,g\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.lines, (std::vector<std::size_t>{1, 2, 4, 5, 7}));
}

TEST(CsvReaderTest, ReportsProgressOffsets) {
  const std::string content = "a,b\nc,d\n";
  CsvReader csv("p.csv", content);
  EXPECT_EQ(csv.total_size(), content.size());
  ASSERT_TRUE(csv.Next());
  EXPECT_EQ(csv.offset(), 4u);
  ASSERT_TRUE(csv.Next());
  EXPECT_EQ(csv.offset(), content.size());
  EXPECT_FALSE(csv.Next());
  EXPECT_TRUE(csv.status().ok());
}

TEST(CsvReaderTest, UnterminatedQuoteNamesFileAndLine) {
  // The quote opens on line 3 and runs to the end of the (truncated) file.
  const std::string content = "a,b\n1,2\n3,\"never closed\n4,5\n";
  CsvReader csv("votes.csv", content);
  ASSERT_TRUE(csv.Next());
  ASSERT_TRUE(csv.Next());
  EXPECT_FALSE(csv.Next());
  ASSERT_FALSE(csv.status().ok());
  EXPECT_EQ(csv.status().code(), Status::Code::kData);
  const std::string& m = csv.status().message();
  EXPECT_NE(m.find("votes.csv:3:2:"), std::string::npos) << m;
  EXPECT_NE(m.find("unterminated"), std::string::npos) << m;
  // The reader stays at the end: asking again does not invent records.
  EXPECT_FALSE(csv.Next());
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  for (std::string_view input : {"x,y\n\"ab\"c,d\n", "x,y\n\"ab\" ,d\n", "x,y\n\"a\"\"b\"c\n"}) {
    CsvReader csv("q.csv", input);
    ASSERT_TRUE(csv.Next()) << Visible(input);
    EXPECT_FALSE(csv.Next()) << Visible(input);
    ASSERT_FALSE(csv.status().ok()) << Visible(input);
    EXPECT_EQ(csv.status().code(), Status::Code::kData);
    const std::string& m = csv.status().message();
    EXPECT_NE(m.find("q.csv:2:1:"), std::string::npos) << Visible(input) << " -> " << m;
    EXPECT_NE(m.find("closing quote"), std::string::npos) << m;
  }
}

TEST(CsvReaderTest, ErrorAtNamesFileLineColumnAndValue) {
  CsvReader csv("data/votes.csv", "rcid,vote\n\n3,7\n");
  ASSERT_TRUE(csv.Next());
  ASSERT_TRUE(csv.Next());
  ASSERT_EQ(csv.line(), 3u);
  const Status s = csv.ErrorAt(1, "vote must be 1, 2, 3, 8 or 9");
  EXPECT_EQ(s.code(), Status::Code::kData);
  EXPECT_NE(s.message().find("data/votes.csv:3:2:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("vote must be 1, 2, 3, 8 or 9"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("'7'"), std::string::npos) << s.message();

  const Status record = csv.RecordError("expected 6 fields");
  EXPECT_EQ(record.code(), Status::Code::kData);
  EXPECT_NE(record.message().find("data/votes.csv:3:"), std::string::npos) << record.message();
  EXPECT_NE(record.message().find("expected 6 fields"), std::string::npos) << record.message();
}

TEST(CsvReaderTest, ExpectFieldsAcceptsTheCountAndNamesTheShortRecord) {
  CsvReader csv("t.csv", "a,b,c\n1,2\n");
  ASSERT_TRUE(csv.Next());
  EXPECT_TRUE(csv.ExpectFields(3).ok());
  ASSERT_TRUE(csv.Next());
  const Status s = csv.ExpectFields(3, "(is the file truncated?)");
  EXPECT_EQ(s.code(), Status::Code::kData);
  // Reported at the record's last field, where a truncated row stopped.
  EXPECT_NE(s.message().find("t.csv:2:2: expected 3 fields, found 2 (is the file truncated?)"),
            std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("'2'"), std::string::npos) << s.message();
}

TEST(CsvReaderTest, ErrorAtQuotesUnescapedValuesAndCutsLongOnes) {
  const std::string long_value(500, 'x');
  const std::string content = "\"a \"\"q\"\"\"," + long_value + "\n";
  CsvReader csv("f.csv", content);
  ASSERT_TRUE(csv.Next());
  const Status first = csv.ErrorAt(0, "bad");
  EXPECT_NE(first.message().find("f.csv:1:1:"), std::string::npos) << first.message();
  EXPECT_NE(first.message().find("'a \"q\"'"), std::string::npos) << first.message();
  const Status second = csv.ErrorAt(1, "bad");
  EXPECT_NE(second.message().find("f.csv:1:2:"), std::string::npos) << second.message();
  EXPECT_LT(second.message().size(), 200u) << "a long value should be cut";
  EXPECT_NE(second.message().find("'xxxx"), std::string::npos) << second.message();
  // A column past the end of the record still gives a message, not a crash.
  const Status missing = csv.ErrorAt(5, "missing");
  EXPECT_NE(missing.message().find("f.csv:1:6:"), std::string::npos) << missing.message();
}

TEST(ValidateUtf8Test, AcceptsValidText) {
  for (std::string_view text : {std::string_view(""), std::string_view("plain ascii\n"),
                                std::string_view("C\xC3\xB4te d\xE2\x80\x99Ivoire"),  // 2, 3 bytes
                                std::string_view("\xF0\x9F\x98\x80 emoji"),           // 4 bytes
                                std::string_view("\xEF\xBB\xBFwith BOM"),
                                std::string_view("\xF4\x8F\xBF\xBF"),  // U+10FFFF, the last
                                std::string_view("\xED\x9F\xBF"),      // U+D7FF, below surrogates
                                std::string_view("\xEE\x80\x80")}) {   // U+E000, above them
    const Status s = ValidateUtf8("ok.csv", text);
    EXPECT_TRUE(s.ok()) << Visible(text) << ": " << s.message();
  }
}

TEST(ValidateUtf8Test, RejectsInvalidSequencesNamingLineAndColumn) {
  struct Case {
    std::string_view input;
    std::string_view where;  // expected "file:line:column:"
    std::string_view why;
  };
  const Case cases[] = {
      {"ab\xFF", "bad.csv:1:3:", "0xFF is never valid"},
      {"line1\nab\xFE\n", "bad.csv:2:3:", "0xFE is never valid"},
      {"a\r\nb\r\n\x80x", "bad.csv:3:1:", "lone continuation byte"},
      {"x\xC0\xAF", "bad.csv:1:2:", "overlong '/' (2 bytes)"},
      {"x\xC1\xBF", "bad.csv:1:2:", "overlong (2 bytes)"},
      {"\xE0\x80\xAF", "bad.csv:1:1:", "overlong '/' (3 bytes)"},
      {"\xF0\x80\x80\xAF", "bad.csv:1:1:", "overlong '/' (4 bytes)"},
      {"ok\n\xE2\x82", "bad.csv:2:1:", "3-byte sequence truncated at end of input"},
      {"\xE2\x82x", "bad.csv:1:1:", "3-byte sequence cut by an ASCII byte"},
      {"abc\xC3", "bad.csv:1:4:", "2-byte sequence truncated at end of input"},
      {"\xF0\x9F\x98", "bad.csv:1:1:", "4-byte sequence truncated"},
      {"\xED\xA0\x80", "bad.csv:1:1:", "high surrogate U+D800"},
      {"a\n\nb\xED\xBF\xBF", "bad.csv:3:2:", "low surrogate U+DFFF"},
      {"\xF4\x90\x80\x80", "bad.csv:1:1:", "past U+10FFFF"},
      {"\xF8\x88\x80\x80\x80", "bad.csv:1:1:", "5-byte form"},
      {"caf\xE9", "bad.csv:1:4:", "Latin-1 e-acute"},
  };
  for (const Case& c : cases) {
    const Status s = ValidateUtf8("bad.csv", c.input);
    ASSERT_FALSE(s.ok()) << c.why << ": " << Visible(c.input);
    EXPECT_EQ(s.code(), Status::Code::kData) << c.why;
    EXPECT_NE(s.message().find(c.where), std::string::npos)
        << c.why << ": expected '" << c.where << "' in: " << s.message();
  }
}

TEST(ParseIntTest, AcceptsOnlyWholeDecimalIntegers) {
  struct Good {
    std::string_view text;
    long long value;
  };
  for (const Good& g : {Good{"0", 0}, Good{"7", 7}, Good{"-5", -5}, Good{"2015", 2015},
                        Good{"007", 7}, Good{"9223372036854775807", 9223372036854775807LL}}) {
    long long out = -42;
    EXPECT_TRUE(ParseInt(g.text, out)) << g.text;
    EXPECT_EQ(out, g.value) << g.text;
  }
  for (std::string_view bad : {"", "-", "+5", " 5", "5 ", "1.0", "1e3", "0x10", "12a", "NA",
                               "9223372036854775808", "--1", "\"5\""}) {
    long long out = 0;
    EXPECT_FALSE(ParseInt(bad, out)) << "'" << bad << "'";
  }
}

TEST(ParseIntegralNumberTest, AcceptsIntegersWrittenAsFloats) {
  struct Good {
    std::string_view text;
    long long value;
  };
  for (const Good& g : {Good{"3", 3}, Good{"3.0", 3}, Good{"3.00", 3}, Good{"8.0", 8},
                        Good{"-2.0", -2}, Good{"10.000", 10}}) {
    long long out = -42;
    EXPECT_TRUE(ParseIntegralNumber(g.text, out)) << g.text;
    EXPECT_EQ(out, g.value) << g.text;
  }
  for (std::string_view bad :
       {"", "3.5", "3.01", ".0", "3.0.0", "3,0", "3.0 ", " 3.0", "3e0", "abc", "NaN", "1.0x"}) {
    long long out = 0;
    EXPECT_FALSE(ParseIntegralNumber(bad, out)) << "'" << bad << "'";
  }
}

TEST(Sha256HexTest, KnownDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// Reads everything and checks what must hold for any input: no crash, a
// bounded number of records, sane line numbers and offsets, and on failure a
// data error whose message names the source.
void CheckArbitraryInput(const std::string& content, const std::string& label) {
  const std::string source = "fuzz-source.csv";
  CsvReader csv(source, content);
  std::size_t records = 0;
  std::size_t last_line = 0;
  while (csv.Next()) {
    ++records;
    ASSERT_LE(records, content.size() + 1) << label << ": the reader does not advance";
    EXPECT_GE(csv.line(), 1u) << label;
    EXPECT_GE(csv.line(), last_line) << label;
    EXPECT_GE(csv.size(), 1u) << label;
    EXPECT_LE(csv.offset(), csv.total_size()) << label;
    last_line = csv.line();
    // Touch every field so a dangling view would show under a sanitizer.
    std::size_t bytes = 0;
    for (std::string_view f : csv.fields()) bytes += f.size();
    EXPECT_LE(bytes, content.size()) << label;
    const Status e = csv.ErrorAt(csv.size() - 1, "probe");
    EXPECT_NE(e.message().find(source), std::string::npos) << label;
  }
  if (!csv.status().ok()) {
    EXPECT_EQ(csv.status().code(), Status::Code::kData) << label;
    EXPECT_NE(csv.status().message().find(source + ":"), std::string::npos)
        << label << ": " << csv.status().message();
  }
  const Status utf8 = ValidateUtf8(source, content);
  if (!utf8.ok()) {
    EXPECT_NE(utf8.message().find(source + ":"), std::string::npos)
        << label << ": " << utf8.message();
  }
}

TEST(CsvReaderFuzzTest, RandomBytesNeverCrash) {
  std::mt19937_64 rng(0xC5F);
  // Half the strings draw from the bytes that matter to the parser.
  const std::string special = ",\"\r\n\xEF\xBB\xBF\x80\xC3 a1";
  for (int iteration = 0; iteration < 5000; ++iteration) {
    const std::size_t length = rng() % 64;
    std::string content;
    const bool biased = iteration % 2 == 0;
    for (std::size_t i = 0; i < length; ++i) {
      content += biased ? special[rng() % special.size()] : static_cast<char>(rng() & 0xFF);
    }
    CheckArbitraryInput(content, "random #" + std::to_string(iteration) + " " + Visible(content));
    if (HasFatalFailure()) return;
  }
}

TEST(CsvReaderFuzzTest, MutationsOfValidCsvNeverCrash) {
  const std::string valid =
      "\"rcid\",\"session\",\"year\",\"ccode\",\"member\",\"vote\"\r\n"
      "3,1,1946,2,1,1\r\n"
      "3,1,1946,31,,9\r\n"
      "\"4\",\"1\",\"1946\",\"20\",\"1\",\"3\"\n"
      "5,1,1946,\"with, comma\",\"with \"\"quotes\"\"\",2\n"
      "6,1,1946,\"multi\nline\",1,8\n";
  std::mt19937_64 rng(0xBADC5F);
  const std::string inserts = ",\"\r\n\xFF";
  for (int iteration = 0; iteration < 5000; ++iteration) {
    std::string content = valid;
    const int mutations = 1 + static_cast<int>(rng() % 4);
    for (int m = 0; m < mutations && !content.empty(); ++m) {
      const std::size_t at = rng() % content.size();
      switch (rng() % 5) {
        case 0:  // overwrite a byte with anything
          content[at] = static_cast<char>(rng() & 0xFF);
          break;
        case 1:  // insert a byte the parser cares about
          content.insert(content.begin() + static_cast<std::ptrdiff_t>(at),
                         inserts[rng() % inserts.size()]);
          break;
        case 2:  // delete a short run
          content.erase(at, 1 + rng() % 5);
          break;
        case 3:  // truncate, as a cut download would
          content.resize(at);
          break;
        default:  // duplicate a slice
          content.insert(at, content.substr(rng() % content.size(), rng() % 12));
          break;
      }
    }
    CheckArbitraryInput(content, "mutation #" + std::to_string(iteration) + " " + Visible(content));
    if (HasFatalFailure()) return;
  }
}

// Writing random fields with RFC 4180 quoting and reading them back gives the
// same fields: the reader is the inverse of a correct writer.
TEST(CsvReaderFuzzTest, RoundTripsRandomFields) {
  std::mt19937_64 rng(4180);
  const std::string alphabet = "ab ,\"\r\n\t;'x\xC3\xA9";
  for (int iteration = 0; iteration < 2000; ++iteration) {
    Records records(1 + rng() % 5);
    std::string text;
    const std::size_t columns = 1 + rng() % 5;
    for (auto& record : records) {
      for (std::size_t c = 0; c < columns; ++c) {
        std::string field;
        const std::size_t length = rng() % 8;
        for (std::size_t i = 0; i < length; ++i) field += alphabet[rng() % alphabet.size()];
        record.push_back(field);
        // Quote what needs it, empty fields too (an unquoted empty
        // one-column record would be a blank line, which the reader skips).
        const bool quote =
            field.empty() || field.find_first_of(",\"\r\n") != std::string::npos || rng() % 4 == 0;
        if (c) text += ',';
        if (quote) {
          text += '"';
          for (char ch : field) text += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          text += '"';
        } else {
          text += field;
        }
      }
      text += rng() % 2 ? "\r\n" : "\n";
    }
    const ReadResult r = ReadAll(text);
    ASSERT_TRUE(r.status.ok()) << Visible(text) << ": " << r.status.message();
    ASSERT_EQ(r.records, records) << Visible(text);
  }
}

}  // namespace
}  // namespace entente::internal
