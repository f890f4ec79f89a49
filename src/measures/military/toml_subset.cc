#include "measures/military/toml_subset.h"

#include <charconv>
#include <cmath>
#include <set>
#include <system_error>

namespace entente::internal {
namespace {

// Arrays nested deeper than this are refused (framework files never nest):
// keeps a hostile file from exhausting the stack.
constexpr int kMaxArrayDepth = 4;

bool IsBareKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

class Parser {
 public:
  Parser(std::string_view source, std::string_view text) : source_(source), text_(text) {}

  Result<TomlDocument> Run() {
    TomlDocument doc;
    doc.tables.push_back(TomlTable{});
    std::set<std::string> seen_tables;
    while (true) {
      SkipBlankAndComments();
      if (AtEnd()) break;
      if (Peek() == '[') {
        TomlTable table;
        table.line = line_;
        if (Status s = ParseHeader(table.name); !s.ok()) return s;
        if (!seen_tables.insert(table.name).second) {
          return ErrorAtLine(table.line, "table [" + table.name + "] is defined twice");
        }
        doc.tables.push_back(std::move(table));
      } else {
        TomlEntry entry;
        entry.line = line_;
        if (Status s = ParseKeyValue(entry); !s.ok()) return s;
        TomlTable& table = doc.tables.back();
        if (table.Find(entry.key) != nullptr) {
          return ErrorAtLine(entry.line, "key '" + entry.key + "' is defined twice in " +
                                             (table.name.empty() ? std::string("the top level")
                                                                 : "[" + table.name + "]"));
        }
        table.entries.push_back(std::move(entry));
      }
      if (Status s = ExpectLineEnd(); !s.ok()) return s;
    }
    return doc;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  int Column() const { return static_cast<int>(pos_ - line_start_) + 1; }

  void Advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  void SkipSpaces() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t')) ++pos_;
  }

  void SkipComment() {
    if (Peek() == '#') {
      while (!AtEnd() && Peek() != '\n') ++pos_;
    }
  }

  // Skips white space, newlines and comments (between statements and inside arrays).
  void SkipBlankAndComments() {
    while (!AtEnd()) {
      char c = Peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        Advance();
      } else if (c == '#') {
        SkipComment();
      } else {
        break;
      }
    }
  }

  Status Error(std::string_view problem) const {
    return Status::Data(std::string(source_) + ":" + std::to_string(line_) + ":" +
                        std::to_string(Column()) + ": " + std::string(problem));
  }
  Status ErrorAtLine(int line, std::string_view problem) const {
    return Status::Data(std::string(source_) + ":" + std::to_string(line) + ": " +
                        std::string(problem));
  }

  Status ExpectLineEnd() {
    SkipSpaces();
    SkipComment();
    if (AtEnd()) return Status::Ok();
    if (Peek() == '\r') ++pos_;
    if (Peek() == '\n') {
      Advance();
      return Status::Ok();
    }
    return Error(std::string("unexpected text '") + Peek() +
                 "' after a value: one key = value per line");
  }

  Status ParseBareKey(std::string& out) {
    if (Peek() == '"' || Peek() == '\'') {
      return Error(
          "quoted keys are not supported here: use a bare key of letters, digits, _ and -");
    }
    std::size_t start = pos_;
    while (!AtEnd() && IsBareKeyChar(Peek())) ++pos_;
    if (pos_ == start) return Error("expected a key (letters, digits, _ and -)");
    out.assign(text_.substr(start, pos_ - start));
    return Status::Ok();
  }

  Status ParseHeader(std::string& name) {
    ++pos_;  // '['
    if (Peek() == '[') {
      return Error("array tables [[...]] are not supported in framework files");
    }
    SkipSpaces();
    while (true) {
      std::string part;
      if (Status s = ParseBareKey(part); !s.ok()) return s;
      if (!name.empty()) name += '.';
      name += part;
      SkipSpaces();
      if (Peek() == '.') {
        ++pos_;
        SkipSpaces();
        continue;
      }
      if (Peek() == ']') {
        ++pos_;
        return Status::Ok();
      }
      return Error("expected '.' or ']' in a table header");
    }
  }

  Status ParseKeyValue(TomlEntry& entry) {
    if (Status s = ParseBareKey(entry.key); !s.ok()) return s;
    SkipSpaces();
    if (Peek() == '.') return Error("dotted keys are not supported: use a [table] header");
    if (Peek() != '=') return Error("expected '=' after key '" + entry.key + "'");
    ++pos_;
    SkipSpaces();
    return ParseValue(entry.value, 0);
  }

  Status ParseValue(TomlValue& value, int depth) {
    value.line = line_;
    value.column = Column();
    if (AtEnd() || Peek() == '\n' || Peek() == '\r' || Peek() == '#') {
      return Error("missing value after '='");
    }
    char c = Peek();
    if (c == '"') return ParseBasicString(value);
    if (c == '\'') return ParseLiteralString(value);
    if (c == '[') return ParseArray(value, depth);
    if (c == '{') return Error("inline tables are not supported: use a [table] header");
    return ParseScalar(value);
  }

  Status ParseBasicString(TomlValue& value) {
    if (text_.substr(pos_, 3) == "\"\"\"") {
      return Error("multi-line strings are not supported: keep the string on one line");
    }
    ++pos_;
    value.type = TomlValue::Type::kString;
    while (true) {
      if (AtEnd() || Peek() == '\n' || Peek() == '\r') return Error("unterminated string");
      char c = text_[pos_++];
      if (c == '"') return Status::Ok();
      if (c == '\\') {
        if (AtEnd()) return Error("unterminated string");
        char e = text_[pos_++];
        switch (e) {
          case '"':
            value.string += '"';
            break;
          case '\\':
            value.string += '\\';
            break;
          case 'n':
            value.string += '\n';
            break;
          case 't':
            value.string += '\t';
            break;
          default:
            --pos_;
            return Error(std::string("unsupported escape '\\") + e +
                         "' (this reader knows \\\" \\\\ \\n \\t)");
        }
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
        --pos_;
        return Error("control character in a string");
      }
      value.string += c;
    }
  }

  Status ParseLiteralString(TomlValue& value) {
    if (text_.substr(pos_, 3) == "'''") {
      return Error("multi-line strings are not supported: keep the string on one line");
    }
    ++pos_;
    value.type = TomlValue::Type::kString;
    std::size_t start = pos_;
    while (!AtEnd() && Peek() != '\'' && Peek() != '\n' && Peek() != '\r') ++pos_;
    if (Peek() != '\'') return Error("unterminated string");
    value.string.assign(text_.substr(start, pos_ - start));
    ++pos_;
    return Status::Ok();
  }

  Status ParseArray(TomlValue& value, int depth) {
    if (depth >= kMaxArrayDepth) return Error("arrays nested too deeply");
    ++pos_;  // '['
    value.type = TomlValue::Type::kArray;
    while (true) {
      SkipBlankAndComments();
      if (AtEnd()) return ErrorAtLine(value.line, "unterminated array (missing ']')");
      if (Peek() == ']') {
        ++pos_;
        return Status::Ok();
      }
      TomlValue element;
      if (Status s = ParseValue(element, depth + 1); !s.ok()) return s;
      value.array.push_back(std::move(element));
      SkipBlankAndComments();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      if (Peek() == ']') {
        ++pos_;
        return Status::Ok();
      }
      if (AtEnd()) return ErrorAtLine(value.line, "unterminated array (missing ']')");
      return Error("expected ',' or ']' in an array");
    }
  }

  Status ParseScalar(TomlValue& value) {
    std::size_t start = pos_;
    while (!AtEnd()) {
      char c = Peek();
      if (c == ',' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '#') {
        break;
      }
      ++pos_;
    }
    std::string_view token = text_.substr(start, pos_ - start);
    if (token == "true" || token == "false") {
      value.type = TomlValue::Type::kBool;
      value.boolean = token == "true";
      return Status::Ok();
    }
    pos_ = start;  // report errors at the token's start
    if (token.empty()) return Error("missing value");
    std::string_view digits = token;
    if (digits.front() == '+' || digits.front() == '-') digits.remove_prefix(1);
    bool is_integer = !digits.empty();
    for (char c : digits) is_integer = is_integer && c >= '0' && c <= '9';
    if (is_integer) {
      if (digits.size() > 1 && digits.front() == '0') {
        return Error("bad number '" + std::string(token) + "': no leading zeros");
      }
      std::int64_t parsed = 0;
      std::string_view body = token.front() == '+' ? token.substr(1) : token;
      auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), parsed);
      if (ec != std::errc() || end != body.data() + body.size()) {
        return Error("bad number '" + std::string(token) + "': out of range");
      }
      value.type = TomlValue::Type::kInteger;
      value.integer = parsed;
      value.number = static_cast<double>(parsed);
      pos_ = start + token.size();
      return Status::Ok();
    }
    // A float: digits, a point or exponent, digits (TOML's grammar, no inf/nan).
    bool has_digit_before = false;
    std::size_t i = 0;
    while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') {
      has_digit_before = true;
      ++i;
    }
    bool ok = has_digit_before;
    bool has_fraction_or_exponent = false;
    if (ok && i < digits.size() && digits[i] == '.') {
      ++i;
      std::size_t frac_start = i;
      while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') ++i;
      ok = i > frac_start;
      has_fraction_or_exponent = true;
    }
    if (ok && i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
      ++i;
      if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) ++i;
      std::size_t exp_start = i;
      while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') ++i;
      ok = i > exp_start;
      has_fraction_or_exponent = true;
    }
    ok = ok && has_fraction_or_exponent && i == digits.size();
    if (!ok) {
      if (token.front() == '"' || token.front() == '\'') return Error("unterminated string");
      return Error("bad value '" + std::string(token.substr(0, 40)) +
                   "': expected a \"string\", a number, true/false or an [array]");
    }
    std::string copy(token.front() == '+' ? token.substr(1) : token);
    double parsed = 0;
    auto [end, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), parsed);
    if (ec != std::errc() || end != copy.data() + copy.size() || !std::isfinite(parsed)) {
      return Error("bad number '" + std::string(token) + "'");
    }
    value.type = TomlValue::Type::kFloat;
    value.number = parsed;
    pos_ = start + token.size();
    return Status::Ok();
  }

  std::string_view source_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

}  // namespace

const char* TomlTypeName(TomlValue::Type type) {
  switch (type) {
    case TomlValue::Type::kString:
      return "string";
    case TomlValue::Type::kInteger:
      return "integer";
    case TomlValue::Type::kFloat:
      return "float";
    case TomlValue::Type::kBool:
      return "boolean";
    case TomlValue::Type::kArray:
      return "array";
  }
  return "value";
}

const TomlEntry* TomlTable::Find(std::string_view key) const {
  for (const TomlEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

Result<TomlDocument> ParseTomlSubset(std::string_view source_name, std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return Parser(source_name, text).Run();
}

}  // namespace entente::internal
