// Readers of the speech corpora (see include/entente/opcode_corpus.h).
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>

#include "core/csv_reader.h"
#include "entente/opcode_corpus.h"

namespace entente {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kArchiveBlock = 1 << 20;

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Basename(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Iterates the regular members of a (compressed) tar archive, skipping
// macOS resource forks ("._name"). `fn(name, content)` returns a Status; a
// non-ok one stops the walk.
template <typename Fn>
Status ForEachArchiveMember(const std::string& path, Fn&& fn) {
  struct Closer {
    void operator()(archive* a) const { archive_read_free(a); }
  };
  std::unique_ptr<archive, Closer> a(archive_read_new());
  archive_read_support_filter_all(a.get());
  archive_read_support_format_all(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), kArchiveBlock) != ARCHIVE_OK) {
    return Status::Io("cannot open archive '" + path + "': " + archive_error_string(a.get()));
  }
  archive_entry* entry = nullptr;
  std::string content;
  while (true) {
    int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      return Status::Data("archive '" + path + "' is damaged: " + archive_error_string(a.get()));
    }
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    std::string name = archive_entry_pathname(entry);
    if (Basename(name).rfind("._", 0) == 0) continue;
    la_int64_t size = archive_entry_size(entry);
    content.resize(static_cast<std::size_t>(std::max<la_int64_t>(size, 0)));
    la_ssize_t got = size > 0 ? archive_read_data(a.get(), content.data(), content.size()) : 0;
    if (got < 0 || got != size) {
      return Status::Data("archive '" + path + "': cannot read member '" + name +
                          "': " + (got < 0 ? archive_error_string(a.get()) : "truncated"));
    }
    Status s = fn(name, content);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

struct StopWalk {};  // a Status with this message ends a walk early (limit reached)
const char* const kStop = "\x01stop";

// ---- UN General Debate -------------------------------------------------------

struct SpeakerRow {
  std::string speaker;
  std::string post;
};
using SpeakerTable = std::map<std::pair<int, std::string>, SpeakerRow>;

Result<SpeakerTable> ReadSpeakers(const std::string& path) {
  SpeakerTable table;
  auto content = internal::ReadWholeFile(path);
  if (!content.ok()) return table;  // speakers are optional
  internal::CsvReader reader(path, *content);
  bool header = true;
  while (reader.Next()) {
    if (header) {
      header = false;
      continue;
    }
    if (reader.size() < 6)
      return reader.RecordError("expected year,session,iso3,country,speaker,post");
    long long year = 0;
    if (!internal::ParseInt(reader.field(0), year)) return reader.ErrorAt(0, "not a year");
    table[{static_cast<int>(year), std::string(reader.field(2))}] = {std::string(reader.field(4)),
                                                                     std::string(reader.field(5))};
  }
  if (!reader.status().ok()) return reader.status();
  return table;
}

// "TXT/Session 70 - 2015/CHN_70_2015.txt" -> iso3 CHN, year 2015.
bool ParseUngdName(std::string_view name, std::string& iso3, int& year) {
  std::string base = Basename(name);
  if (!base.ends_with(".txt")) return false;
  base.resize(base.size() - 4);
  std::size_t last = base.rfind('_');
  if (last == std::string::npos) return false;
  std::size_t first = base.find('_');
  if (first == last) return false;
  long long y = 0;
  if (!internal::ParseInt(base.substr(last + 1), y) || y < 1900 || y > 2100) return false;
  iso3 = base.substr(0, first);
  year = static_cast<int>(y);
  return true;
}

Status ReadUngd(const std::string& source, bool archive, const std::string& speakers_path,
                const std::function<Status(SpeechDoc&&)>& sink, std::vector<std::string>* notes) {
  auto speakers = ReadSpeakers(speakers_path);
  if (!speakers.ok()) return speakers.status();
  if (speakers->empty() && notes) {
    notes->push_back("no speakers.csv beside the corpus: speaker names left empty");
  }
  auto handle = [&](const std::string& name, const std::string& content) -> Status {
    SpeechDoc doc;
    doc.corpus = "ungd";
    if (!ParseUngdName(name, doc.iso3, doc.year)) {
      if (notes) notes->push_back("skipped '" + name + "': not named ISO3_NN_YYYY.txt");
      return Status::Ok();
    }
    doc.doc = Basename(name);
    auto it = speakers->find({doc.year, doc.iso3});
    if (it != speakers->end()) {
      doc.speaker = it->second.speaker;
      doc.post = it->second.post;
    }
    doc.text = content;
    return sink(std::move(doc));
  };
  if (archive) return ForEachArchiveMember(source, handle);
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(source, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt" &&
        it->path().filename().string().rfind("._", 0) != 0) {
      files.push_back(it->path());
    }
  }
  if (ec) return Status::Io("cannot list '" + source + "': " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto content = internal::ReadWholeFile(file.string());
    if (!content.ok()) return content.status();
    if (Status s = handle(file.string(), *content); !s.ok()) return s;
  }
  return Status::Ok();
}

// ---- Turn-taking transcripts ------------------------------------------------------

// A speaker label at the start of a line: "Vladimir Putin:", "JOURNALIST:",
// "Marine Le Pen (retranslated):", and the Kremlin site's name cards
// ("Transport Minister Maxim Sokolov Sokolov Maxim : "), which end in a
// space before the colon and may be long. Returns the label or "".
std::string_view TurnLabel(std::string_view line) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string_view label = line.substr(0, colon);
  if (!std::isupper(static_cast<unsigned char>(label[0]))) return {};
  if (label.back() == ' ' && colon <= 250) return label;
  if (colon > 80) return {};
  // A trailing parenthesis ("(retranslated)") is part of the label.
  std::string_view core = label;
  if (core.back() == ')') {
    std::size_t open = core.rfind(" (");
    if (open == std::string_view::npos) return {};
    core = core.substr(0, open);
  }
  int words = 1;
  for (char c : core) {
    if (c == ' ') ++words;
    if (c == ',' || c == '"' || c == '(' || c == ')' ||
        std::isdigit(static_cast<unsigned char>(c))) {
      return {};
    }
  }
  if (words > 6) return {};
  return label;
}

// Keeps the turns whose label satisfies `is_leader`; `labelled` tells
// whether the text had any turn label at all.
template <typename IsLeader>
std::string LeaderTurns(std::string_view text, IsLeader&& is_leader, bool& labelled) {
  std::string out;
  labelled = false;
  bool keep = false;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    std::string_view label = TurnLabel(line);
    if (!label.empty()) {
      labelled = true;
      keep = is_leader(label);
      line.remove_prefix(label.size() + 1);
    }
    if (keep) {
      out.append(line);
      out += '\n';
    }
  }
  return out;
}

// ---- Kremlin --------------------------------------------------------------------

Status ReadKremlin(const std::string& dir, const std::function<Status(SpeechDoc&&)>& sink,
                   std::vector<std::string>* notes) {
  std::map<std::string, std::string> dates;
  auto index = internal::ReadWholeFile(dir + "/index.csv");
  if (!index.ok()) return index.status();
  internal::CsvReader reader(dir + "/index.csv", *index);
  bool header = true;
  while (reader.Next()) {
    if (header) {
      header = false;
      continue;
    }
    if (reader.size() >= 2) dates[std::string(reader.field(0))] = std::string(reader.field(1));
  }
  if (!reader.status().ok()) return reader.status();
  std::int64_t skipped = 0;
  Status s = ForEachArchiveMember(
      dir + "/items.tgz", [&](const std::string& name, const std::string& content) -> Status {
        std::string id = Basename(name);
        if (id.ends_with(".txt")) id.resize(id.size() - 4);
        auto date = dates.find(id);
        std::string leader;
        bool labelled = false;
        std::string text = LeaderTurns(
            content,
            [&](std::string_view label) {
              std::string l = Lowered(label);
              if (l.find("putin") != std::string::npos) {
                leader = "Vladimir Putin";
                return true;
              }
              if (l.find("medvedev") != std::string::npos &&
                  l.find("dmitry") != std::string::npos) {
                leader = "Dmitry Medvedev";
                return true;
              }
              return false;
            },
            labelled);
        if (leader.empty() || date == dates.end() || date->second.size() < 4) {
          ++skipped;
          return Status::Ok();
        }
        SpeechDoc doc;
        doc.corpus = "kremlin";
        doc.doc = id;
        doc.iso3 = "RUS";
        doc.date = date->second;
        doc.year = std::stoi(date->second.substr(0, 4));
        doc.speaker = leader;
        doc.post = "President";
        doc.text = std::move(text);
        return sink(std::move(doc));
      });
  if (notes && skipped > 0) {
    notes->push_back("kremlin: skipped " + std::to_string(skipped) +
                     " items without a turn of the President (news, messages)");
  }
  return s;
}

// ---- Australian PM transcripts (XML) ---------------------------------------------------

std::string XmlElement(std::string_view xml, std::string_view tag) {
  std::string open = "<" + std::string(tag) + ">";
  std::string close = "</" + std::string(tag) + ">";
  std::size_t b = xml.find(open);
  if (b == std::string_view::npos) return "";
  b += open.size();
  std::size_t e = xml.find(close, b);
  if (e == std::string_view::npos) return "";
  std::string_view inner = xml.substr(b, e - b);
  if (inner.rfind("<![CDATA[", 0) == 0 && inner.ends_with("]]>")) {
    inner = inner.substr(9, inner.size() - 12);
  }
  return std::string(inner);
}

// HTML to text: paragraphs and breaks become new lines, tags go, the common
// entities are decoded.
std::string HtmlToText(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      std::size_t e = html.find('>', i);
      if (e == std::string_view::npos) break;
      std::string tag = Lowered(html.substr(i + 1, std::min<std::size_t>(e - i - 1, 4)));
      if (tag.rfind("p", 0) == 0 || tag.rfind("/p", 0) == 0 || tag.rfind("br", 0) == 0 ||
          tag.rfind("div", 0) == 0 || tag.rfind("li", 0) == 0) {
        out += '\n';
      }
      i = e;
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"},    {"&lt;", "<"},     {"&gt;", ">"},    {"&quot;", "\""},
          {"&#39;", "'"},    {"&nbsp;", " "},   {"&rsquo;", "'"}, {"&lsquo;", "'"},
          {"&ldquo;", "\""}, {"&rdquo;", "\""}, {"&ndash;", "-"}, {"&mdash;", "-"}};
      bool done = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out.append(text);
          i += entity.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += c;
  }
  return out;
}

Status ReadAuPm(const std::string& dir, const std::function<Status(SpeechDoc&&)>& sink,
                std::vector<std::string>* notes) {
  std::int64_t skipped = 0;
  Status s = ForEachArchiveMember(
      dir + "/transcripts.tgz", [&](const std::string& name, const std::string& xml) -> Status {
        SpeechDoc doc;
        doc.corpus = "au_pm";
        doc.doc = XmlElement(xml, "transcript-id");
        if (doc.doc.empty()) doc.doc = Basename(name);
        std::string pm = XmlElement(xml, "prime-minister");  // "Abbott, Tony"
        std::size_t comma = pm.find(',');
        std::string surname = comma == std::string::npos ? pm : pm.substr(0, comma);
        doc.speaker = comma == std::string::npos ? pm : pm.substr(comma + 2) + " " + surname;
        std::string date = XmlElement(xml, "release-date");  // dd/mm/yyyy
        if (date.size() != 10 || surname.empty()) {
          ++skipped;
          return Status::Ok();
        }
        doc.date = date.substr(6, 4) + "-" + date.substr(3, 2) + "-" + date.substr(0, 2);
        doc.year = std::stoi(date.substr(6, 4));
        doc.iso3 = "AUS";
        doc.post = "Prime Minister";
        std::string text = HtmlToText(XmlElement(xml, "content"));
        std::string upper_surname = surname;
        for (char& c : upper_surname)
          c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        bool labelled = false;
        std::string own = LeaderTurns(
            text,
            [&](std::string_view label) {
              // "PM", "PRIME MINISTER" or the PM's surname; not "PM CLARK" or
              // "PRIME MINISTER KEY" (a visiting prime minister at a joint press
              // conference).
              std::string l(label);
              if (l.find(upper_surname) != std::string::npos) return true;
              return l == "PM" || l == "PRIME MINISTER" || l == "THE PRIME MINISTER";
            },
            labelled);
        // Interviews: only the Prime Minister's turns; speeches: all of it. Upper
        // case labels only count as turns ("JOURNALIST:"), so a sentence such as
        // "Today: we ..." does not hide a speech.
        bool upper_labels = false;
        {
          bool dummy = false;
          LeaderTurns(
              text,
              [&](std::string_view label) {
                bool upper = std::none_of(label.begin(), label.end(),
                                          [](unsigned char c) { return std::islower(c); });
                if (upper && label.size() > 1) upper_labels = true;
                return false;
              },
              dummy);
        }
        doc.text = upper_labels ? own : text;
        if (doc.text.find_first_not_of(" \n\t") == std::string::npos) {
          ++skipped;
          return Status::Ok();
        }
        return sink(std::move(doc));
      });
  if (notes && skipped > 0) {
    notes->push_back("au_pm: skipped " + std::to_string(skipped) +
                     " transcripts without a date, a Prime Minister or any of his or her words");
  }
  return s;
}

// ---- US presidents ---------------------------------------------------------------------

Status ReadMiller(const std::string& archive_path, const std::function<Status(SpeechDoc&&)>& sink) {
  return ForEachArchiveMember(archive_path,
                              [&](const std::string& name, const std::string& content) -> Status {
                                std::string base = Basename(name);
                                if (base.size() < 11 || !base.ends_with(".txt"))
                                  return Status::Ok();
                                SpeechDoc doc;
                                doc.corpus = "miller";
                                doc.doc = base;
                                doc.date = base.substr(0, 10);
                                long long year = 0;
                                if (!internal::ParseInt(doc.date.substr(0, 4), year))
                                  return Status::Ok();
                                doc.year = static_cast<int>(year);
                                doc.iso3 = "USA";
                                doc.post = "President";
                                std::size_t nl = content.find('\n');
                                std::string_view first = std::string_view(content).substr(0, nl);
                                if (first.rfind("President: ", 0) == 0) {
                                  doc.speaker = std::string(first.substr(11));
                                  doc.text = nl == std::string::npos ? "" : content.substr(nl + 1);
                                } else {
                                  doc.text = content;
                                }
                                return sink(std::move(doc));
                              });
}

// "August 03, 2018" or "Sep 22, 2020" -> 2018-08-03.
std::string EnglishDate(std::string_view text, int& year) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l = Lowered(text);
  while (!l.empty() && l.front() == ' ') l.erase(0, 1);
  int month = 0;
  for (int m = 0; m < 12; ++m) {
    if (l.rfind(kMonths[m], 0) == 0) month = m + 1;
  }
  std::size_t space = l.find(' ');
  std::size_t comma = l.find(',');
  if (month == 0 || space == std::string::npos || comma == std::string::npos || comma < space) {
    return "";
  }
  long long day = 0;
  long long y = 0;
  std::string year_text = l.substr(comma + 1);
  while (!year_text.empty() && year_text.front() == ' ') year_text.erase(0, 1);
  while (!year_text.empty() && year_text.back() == ' ') year_text.pop_back();
  if (!internal::ParseInt(l.substr(space + 1, comma - space - 1), day) ||
      !internal::ParseInt(year_text, y)) {
    return "";
  }
  year = static_cast<int>(y);
  if (y < 1000 || y > 9999 || day < 1 || day > 31) return "";
  char buffer[48];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", static_cast<int>(y), month,
                static_cast<int>(day));
  return buffer;
}

Status ReadRadio(const std::string& path, const std::function<Status(SpeechDoc&&)>& sink) {
  auto content = internal::ReadWholeFile(path);
  if (!content.ok()) return content.status();
  internal::CsvReader reader(path, *content);
  bool header = true;
  while (reader.Next()) {
    if (header) {
      header = false;
      continue;
    }
    if (reader.size() < 5)
      return reader.RecordError("expected title,date,speaker,source_links,text");
    SpeechDoc doc;
    doc.corpus = "radio";
    doc.doc = "line " + std::to_string(reader.line());
    doc.date = EnglishDate(reader.field(1), doc.year);
    if (doc.date.empty()) return reader.ErrorAt(1, "not a date like 'August 03, 2018'");
    doc.speaker = std::string(reader.field(2));
    doc.iso3 = "USA";
    doc.post = "President";
    // Paragraphs in this file start with a stray comma.
    std::string_view text = reader.field(4);
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (!line.empty() && line.front() == ',') line.remove_prefix(1);
      doc.text.append(line);
      doc.text += '\n';
    }
    if (Status s = sink(std::move(doc)); !s.ok()) return s;
  }
  return reader.status();
}

Status ReadXi(const std::string& dir, const std::function<Status(SpeechDoc&&)>& sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  }
  if (ec) return Status::Io("cannot list '" + dir + "': " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto content = internal::ReadWholeFile(file.string());
    if (!content.ok()) return content.status();
    internal::CsvReader reader(file.string(), *content);
    SpeechDoc doc;
    doc.corpus = "xi";
    doc.doc = file.filename().string();
    doc.iso3 = "CHN";
    doc.post = "President";
    bool header = true;
    while (reader.Next()) {
      if (header) {
        header = false;
        continue;
      }
      if (reader.size() < 4) return reader.RecordError("expected title,author,date_pub,full_text");
      if (doc.date.empty()) {
        doc.date = EnglishDate(reader.field(2), doc.year);
        std::string author(reader.field(1));
        while (!author.empty() && author.back() == ' ') author.pop_back();
        doc.speaker = author.empty() ? "Xi Jinping" : author;
      }
      doc.text.append(reader.field(3));
      doc.text += '\n';
    }
    if (!reader.status().ok()) return reader.status();
    if (doc.date.empty()) continue;
    if (Status s = sink(std::move(doc)); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status ReadCorpus(const std::string& path, const std::function<Status(SpeechDoc&&)>& sink,
                  std::vector<std::string>* corpora, std::vector<std::string>* notes,
                  std::int64_t limit) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Status::NotFound("corpus '" + path +
                            "' does not exist: give the ungd directory, its UNGDC_*.tgz, an "
                            "unpacked tree, or a speeches/ folder");
  }
  std::int64_t count = 0;
  auto limited = [&](SpeechDoc&& doc) -> Status {
    if (limit > 0 && count >= limit) return Status::Internal(kStop);
    ++count;
    return sink(std::move(doc));
  };
  auto run = [&](const char* name, auto&& read) -> Status {
    if (corpora) corpora->push_back(name);
    Status s = read();
    if (!s.ok() && s.message() == kStop) return Status::Ok();
    return s;
  };
  fs::path p(path);
  if (fs::is_regular_file(p, ec)) {
    std::string base = p.filename().string();
    if (base.ends_with(".tgz") || base.ends_with(".tar.gz") || base.ends_with(".tar")) {
      if (base.rfind("UNGDC", 0) == 0 || base.find("ungd") != std::string::npos) {
        return run("ungd", [&] {
          return ReadUngd(path, true, (p.parent_path() / "speakers.csv").string(), limited, notes);
        });
      }
      if (base == "miller_center.tgz")
        return run("miller", [&] { return ReadMiller(path, limited); });
    }
    if (base == "weekly_radio_addresses.csv")
      return run("radio", [&] { return ReadRadio(path, limited); });
    return Status::Usage("corpus '" + path +
                         "' is not a corpus entente knows (UNGDC_*.tgz, miller_center.tgz, "
                         "weekly_radio_addresses.csv, or a directory)");
  }
  // Directories.
  std::vector<fs::path> archives;
  for (const auto& entry : fs::directory_iterator(p, ec)) {
    std::string base = entry.path().filename().string();
    if (base.rfind("UNGDC", 0) == 0 && (base.ends_with(".tgz") || base.ends_with(".tar.gz"))) {
      archives.push_back(entry.path());
    }
  }
  if (!archives.empty()) {
    std::sort(archives.begin(), archives.end());
    return run("ungd", [&] {
      return ReadUngd(archives.back().string(), true, (p / "speakers.csv").string(), limited,
                      notes);
    });
  }
  if (fs::exists(p / "items.tgz"))
    return run("kremlin", [&] { return ReadKremlin(path, limited, notes); });
  if (fs::exists(p / "transcripts.tgz"))
    return run("au_pm", [&] { return ReadAuPm(path, limited, notes); });
  if (fs::exists(p / "miller_center.tgz") || fs::exists(p / "weekly_radio_addresses.csv")) {
    Status s = Status::Ok();
    if (fs::exists(p / "miller_center.tgz")) {
      s = run("miller", [&] { return ReadMiller((p / "miller_center.tgz").string(), limited); });
      if (!s.ok()) return s;
    }
    if (fs::exists(p / "weekly_radio_addresses.csv")) {
      s = run("radio",
              [&] { return ReadRadio((p / "weekly_radio_addresses.csv").string(), limited); });
    }
    return s;
  }
  if (fs::exists(p / "kremlin") || fs::exists(p / "au_pm") || fs::exists(p / "us_president") ||
      fs::exists(p / "xi")) {
    for (const char* sub : {"kremlin", "au_pm", "us_president", "xi"}) {
      if (!fs::exists(p / sub)) continue;
      Status s = ReadCorpus((p / sub).string(), sink, corpora, notes, limit);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }
  // Xi's CSVs or an unpacked UNGD tree.
  bool csv = false;
  for (const auto& entry : fs::directory_iterator(p, ec)) {
    if (entry.path().extension() == ".csv" && entry.path().filename() != "speakers.csv") csv = true;
  }
  if (csv && !fs::exists(p / "TXT")) return run("xi", [&] { return ReadXi(path, limited); });
  fs::path speakers = p / "speakers.csv";
  if (!fs::exists(speakers)) speakers = p.parent_path() / "speakers.csv";
  return run("ungd", [&] { return ReadUngd(path, false, speakers.string(), limited, notes); });
}

}  // namespace entente
