#include "core/csv_reader.h"

#include <openssl/evp.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

namespace entente::internal {
namespace {

// Values quoted in messages are cut so a 10 MB line cannot flood a terminal.
constexpr std::size_t kMaxQuotedValue = 60;

std::string Quote(std::string_view value) {
  std::string out(value.substr(0, kMaxQuotedValue));
  if (value.size() > kMaxQuotedValue) out += "...";
  return "'" + out + "'";
}

}  // namespace

CsvReader::CsvReader(std::string source_name, std::string_view content, char delimiter)
    : source_name_(std::move(source_name)), content_(content), delimiter_(delimiter) {
  // A UTF-8 byte order mark is not part of the first field name.
  if (content_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next() {
  fields_.clear();
  unescaped_.clear();
  // Skip blank lines (including a trailing newline at end of file).
  while (pos_ < content_.size() && (content_[pos_] == '\n' || content_[pos_] == '\r')) {
    if (content_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= content_.size()) return false;
  record_line_ = line_;
  const std::size_t n = content_.size();
  while (true) {
    if (pos_ < n && content_[pos_] == '"') {
      std::size_t start = ++pos_;
      bool has_escape = false;
      while (true) {
        if (pos_ >= n) {
          status_ = Status::Data(source_name_ + ":" + std::to_string(record_line_) + ":" +
                                 std::to_string(fields_.size() + 1) +
                                 ": unterminated quoted field (the file may be truncated)");
          return false;
        }
        char c = content_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && content_[pos_ + 1] == '"') {
            has_escape = true;
            pos_ += 2;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        ++pos_;
      }
      std::string_view raw = content_.substr(start, pos_ - start);
      ++pos_;  // closing quote
      if (has_escape) {
        std::string text;
        text.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
          text += raw[i];
          if (raw[i] == '"') ++i;
        }
        unescaped_.push_back(std::move(text));
        fields_.push_back(unescaped_.back());
      } else {
        fields_.push_back(raw);
      }
      if (pos_ < n && content_[pos_] != delimiter_ && content_[pos_] != '\n' &&
          content_[pos_] != '\r') {
        status_ = Status::Data(source_name_ + ":" + std::to_string(line_) + ":" +
                               std::to_string(fields_.size()) +
                               ": unexpected text after a closing quote");
        return false;
      }
    } else {
      std::size_t start = pos_;
      while (pos_ < n && content_[pos_] != delimiter_ && content_[pos_] != '\n' &&
             content_[pos_] != '\r') {
        ++pos_;
      }
      fields_.push_back(content_.substr(start, pos_ - start));
    }
    if (pos_ >= n) return true;
    char c = content_[pos_];
    if (c == delimiter_) {
      ++pos_;
      continue;
    }
    // End of record: consume \r\n or \n.
    if (c == '\r') ++pos_;
    if (pos_ < n && content_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    return true;
  }
}

Status CsvReader::ErrorAt(std::size_t column_index, std::string_view problem) const {
  std::string value = column_index < fields_.size() ? Quote(fields_[column_index]) : "''";
  return Status::Data(source_name_ + ":" + std::to_string(record_line_) + ":" +
                      std::to_string(column_index + 1) + ": " + std::string(problem) + " (value " +
                      value + ")");
}

Status CsvReader::RecordError(std::string_view problem) const {
  // Point at the record's last field: for a short (truncated) row that is
  // where the row stopped, and for any row it gives the reader a value to see.
  if (!fields_.empty()) return ErrorAt(fields_.size() - 1, problem);
  return Status::Data(source_name_ + ":" + std::to_string(record_line_) +
                      ":1: " + std::string(problem));
}

Status CsvReader::ExpectFields(std::size_t count, std::string_view hint) const {
  if (fields_.size() == count) return Status::Ok();
  std::string problem =
      "expected " + std::to_string(count) + " fields, found " + std::to_string(fields_.size());
  if (!hint.empty()) problem += " " + std::string(hint);
  return RecordError(problem);
}

Status ValidateUtf8(std::string_view source_name, std::string_view s) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\n') {
        ++line;
        line_start = i + 1;
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    }
    bool valid = len != 0 && i + len <= n;
    for (std::size_t k = 1; valid && k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      valid = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    if (valid) {
      valid = !((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
                (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF);
    }
    if (!valid) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return Status::Data(std::string(source_name) + ":" + std::to_string(line) + ":" +
                          std::to_string(i - line_start + 1) + ": invalid UTF-8 byte " + hex +
                          " (save the file as UTF-8)");
    }
    i += len;
  }
  return Status::Ok();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Io("cannot open '" + path + "': " + std::strerror(errno));
  }
  std::string content;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size < 0) return Status::Io("cannot read '" + path + "' (is it a directory?)");
  content.resize(static_cast<std::size_t>(size));
  in.seekg(0, std::ios::beg);
  if (!in.read(content.data(), size)) {
    return Status::Io("cannot read '" + path + "': " + std::strerror(errno));
  }
  return content;
}

std::string Sha256Hex(std::string_view content) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(content.data(), content.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

bool ParseInt(std::string_view text, long long& out) {
  if (text.empty()) return false;
  auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), out);
  return err == std::errc() && end == text.data() + text.size();
}

bool ParseIsoDate(std::string_view text, int first_year, int last_year, DateKey& out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  long long y = 0, m = 0, d = 0;
  if (!ParseInt(text.substr(0, 4), y) || !ParseInt(text.substr(5, 2), m) ||
      !ParseInt(text.substr(8, 2), d)) {
    return false;
  }
  if (y < first_year || y > last_year || m < 1 || m > 12 || d < 1 || d > 31) return false;
  out = MakeDateKey(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  return true;
}

bool ParseIntegralNumber(std::string_view text, long long& out) {
  if (ParseInt(text, out)) return true;
  // Accept "3.0" / "3.00" (the wide UNGA file writes some codes as floats).
  auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  for (char c : text.substr(dot + 1)) {
    if (c != '0') return false;
  }
  return ParseInt(text.substr(0, dot), out);
}

}  // namespace entente::internal
