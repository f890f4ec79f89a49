// Reading and checking the data bundle's manifest (data/bundle/manifest.json).
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "entente/data_bundle.h"
#include "entente/paths.h"

namespace entente {
namespace {

using nlohmann::json;

constexpr int kManifestFormat = 1;
constexpr std::size_t kSha256HexLength = 64;

bool IsSha256Hex(const std::string& text) {
  if (text.size() != kSha256HexLength) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// A person-readable position for a JSON parse error at byte `offset`.
std::string LineColumn(std::string_view text, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Field readers: each names the field and the value it refused.
class FieldReader {
 public:
  FieldReader(const json& object, std::string where) : object_(object), where_(std::move(where)) {}

  Status String(const char* key, std::string& out) const {
    auto it = object_.find(key);
    if (it == object_.end() || !it->is_string()) return Bad(key, "must be a string");
    out = it->get<std::string>();
    if (out.empty()) return Bad(key, "must not be empty");
    return Status::Ok();
  }
  Status Size(const char* key, std::int64_t& out) const {
    auto it = object_.find(key);
    if (it == object_.end() || !it->is_number_integer()) return Bad(key, "must be an integer");
    out = it->get<std::int64_t>();
    if (out < 0) return Bad(key, "must not be negative, got " + std::to_string(out));
    return Status::Ok();
  }
  Status Sha256(const char* key, std::string& out) const {
    if (Status s = String(key, out); !s.ok()) return s;
    if (!IsSha256Hex(out)) return Bad(key, "must be 64 lower-case hex digits, got '" + out + "'");
    return Status::Ok();
  }
  Status Bad(const char* key, const std::string& what) const {
    return Status::Data(where_ + ": field '" + key + "' " + what);
  }

 private:
  const json& object_;
  std::string where_;
};

Status ReadFiles(const json& list, const std::string& origin, std::vector<BundleFile>& out) {
  if (!list.is_array()) return Status::Data(origin + ": field 'files' must be a list");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = origin + ": files[" + std::to_string(i) + "]";
    if (!list[i].is_object()) return Status::Data(where + " must be an object");
    FieldReader field(list[i], where);
    BundleFile file;
    if (Status s = field.String("path", file.path); !s.ok()) return s;
    if (!IsSafeMemberPath(file.path)) {
      return field.Bad("path", "must be a relative path without '..', got '" + file.path + "'");
    }
    if (Status s = field.Size("size", file.size); !s.ok()) return s;
    if (Status s = field.Sha256("sha256", file.sha256); !s.ok()) return s;
    out.push_back(std::move(file));
  }
  return Status::Ok();
}

}  // namespace

Result<BundleManifest> ParseBundleManifest(std::string_view text, const std::string& origin) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return Status::Data(origin + ": not valid JSON at " + LineColumn(text, e.byte) + " (byte " +
                        std::to_string(e.byte) + ")");
  }
  if (!root.is_object()) return Status::Data(origin + ": the manifest must be a JSON object");
  FieldReader field(root, origin);
  BundleManifest m;
  auto format = root.find("format");
  if (format == root.end() || !format->is_number_integer() ||
      format->get<std::int64_t>() != kManifestFormat) {
    return field.Bad("format", "must be " + std::to_string(kManifestFormat) +
                                   " (a manifest from a newer entente?)");
  }
  m.format = kManifestFormat;
  if (Status s = field.String("name", m.name); !s.ok()) return s;
  if (Status s = field.String("version", m.version); !s.ok()) return s;
  if (Status s = field.String("archive", m.archive); !s.ok()) return s;
  if (m.archive.find('/') != std::string::npos || !IsSafeMemberPath(m.archive)) {
    return field.Bad("archive", "must be a plain file name, got '" + m.archive + "'");
  }
  if (Status s = field.Size("size", m.size); !s.ok()) return s;
  if (m.size == 0) return field.Bad("size", "must be positive");
  if (Status s = field.Sha256("sha256", m.sha256); !s.ok()) return s;
  auto urls = root.find("urls");
  if (urls == root.end() || !urls->is_array()) return field.Bad("urls", "must be a list");
  for (const auto& url : *urls) {
    if (!url.is_string() || url.get<std::string>().empty()) {
      return field.Bad("urls", "must hold non-empty strings");
    }
    m.urls.push_back(url.get<std::string>());
  }
  auto files = root.find("files");
  if (files == root.end()) return field.Bad("files", "is missing");
  if (Status s = ReadFiles(*files, origin, m.files); !s.ok()) return s;
  return m;
}

Result<BundleManifest> LoadBundleManifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot read the bundle manifest '" + path +
                            "' (pass --manifest FILE or set ENTENTE_PROJECT_DATA)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ParseBundleManifest(text.str(), path);
}

std::string DefaultBundleManifestPath() {
  return ProjectDataDir() + "/bundle/manifest.json";
}

bool IsSafeMemberPath(std::string_view member) {
  if (member.empty() || member.front() == '/') return false;
  std::size_t start = 0;
  while (start <= member.size()) {
    std::size_t end = member.find('/', start);
    if (end == std::string_view::npos) end = member.size();
    std::string_view part = member.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    for (char c : part) {
      if (c == '\\' || c == '\0') return false;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace entente
