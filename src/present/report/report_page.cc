// BuildReport: resolves the dyads, measures them, and lays the sections out
// as one self-contained HTML page.
#include <string>

#include "entente/report.h"
#include "present/report/html.h"
#include "present/report/report_measures.h"
#include "present/report/sections.h"

namespace entente {
namespace {

// Inline, so the file needs nothing else to display; prints cleanly too.
constexpr const char* kStyle = R"css(
body{font-family:Georgia,'Times New Roman',serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
nav ol{columns:2}figure{margin:1.5em 0}figure svg{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9em;color:#444;margin-top:.3em}.data-file{color:#777}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}th,td{border:1px solid #ddd;padding:.2em .45em;vertical-align:top}
th{background:#f4f4f4;text-align:left}td{overflow-wrap:anywhere}dt{font-weight:bold;margin-top:.5em}td.n{text-align:right;font-variant-numeric:tabular-nums}
details{margin:.4em 0}summary{cursor:pointer}.note{background:#fff6d6;border-left:4px solid #e6b800;padding:.5em .8em}
.kind{color:#777}code{font-size:.9em;word-break:break-all}.meta{color:#555}
@media print{details{display:block}nav{display:none}}
)css";

Result<const Country*> FindState(const CountryRegistry& countries, const std::string& key) {
  auto c = countries.Find(key);
  if (!c.ok()) return c.status();
  if ((*c)->ccode == 0) {
    return Status::Usage((*c)->name +
                         " has no COW code (a territory or a pre-1816 state): the report "
                         "compares states of the COW system");
  }
  return *c;
}

Result<std::pair<const Country*, const Country*>> FindDyad(const CountryRegistry& countries,
                                                           const std::string& a,
                                                           const std::string& b) {
  auto ca = FindState(countries, a);
  if (!ca.ok()) return ca.status();
  auto cb = FindState(countries, b);
  if (!cb.ok()) return cb.status();
  if (*ca == *cb)
    return Status::Usage("a dyad needs two different states ('" + a + "', '" + b + "')");
  return std::make_pair(*ca, *cb);
}

std::string Page(const report::ReportContext& ctx, const std::string& title,
                 const std::vector<report::Section>& sections) {
  using report::Esc;
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"generator\" content=\"entente " ENTENTE_VERSION "\">\n";
  html += "<title>" + Esc(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  html += "<header>\n<h1>" + Esc(title) + "</h1>\n<p class=\"meta\">Years " +
          std::to_string(ctx.years.first) + "-" + std::to_string(ctx.years.last) +
          ". Written by entente " ENTENTE_VERSION;
  if (!ctx.options->generated_at.empty()) html += " on " + Esc(ctx.options->generated_at);
  html += ". Every figure's values are under it (&ldquo;Values&rdquo;).</p>\n</header>\n";
  html += "<nav><h2>Contents</h2><ol>\n";
  for (const auto& s : sections) {
    html += "<li><a href=\"#" + Esc(s.id) + "\">" + Esc(s.title) + "</a></li>\n";
  }
  html += "</ol></nav>\n";
  for (const auto& s : sections) {
    html += "<section id=\"" + Esc(s.id) + "\">\n<h2>" + Esc(s.title) + "</h2>\n" + s.html +
            "</section>\n";
  }
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace

Result<Report> BuildReport(Store& store, const CountryRegistry& countries,
                           const ReportOptions& options) {
  report::ReportContext ctx;
  ctx.store = &store;
  ctx.countries = &countries;
  ctx.options = &options;
  ctx.years = options.years;
  if (ctx.years.first > ctx.years.last) return Status::Usage("the report's years are empty");
  for (int y = ctx.years.first; y <= ctx.years.last; ++y) ctx.year_list.push_back(y);

  auto main = FindDyad(countries, options.a, options.b);
  if (!main.ok()) return main.status();
  std::vector<std::pair<const Country*, const Country*>> dyads = {*main};
  for (const auto& [a, b] : options.compare) {
    auto d = FindDyad(countries, a, b);
    if (!d.ok()) return d.status();
    dyads.push_back(*d);
  }
  const std::uint64_t steps = 2 + dyads.size();
  auto progress = [&](std::uint64_t done) {
    if (options.progress) options.progress(done, steps);
  };
  progress(0);
  if (Status s = report::LoadSharedInputs(ctx); !s.ok()) return s;
  progress(1);
  for (std::size_t i = 0; i < dyads.size(); ++i) {
    ctx.dyads.push_back(report::MeasureDyad(ctx, *dyads[i].first, *dyads[i].second));
    progress(2 + i);
  }

  Report out;
  const auto& m = ctx.dyads.front();
  out.title = "How aligned are " + m.a->name + " and " + m.b->name + "? " +
              std::to_string(ctx.years.first) + "-" + std::to_string(ctx.years.last);
  // The summary is built last (it lists the notes the others leave) but shown first.
  std::vector<report::Section> sections = {{},
                                           report::VotesSection(ctx),
                                           report::MilitarySection(ctx),
                                           report::BeliefsSection(ctx),
                                           report::ProfileSection(ctx),
                                           report::ComparisonSection(ctx),
                                           report::MethodsSection(ctx),
                                           report::ProvenanceSection(ctx)};
  sections.front() = report::SummarySection(ctx);
  out.html = Page(ctx, out.title, sections);
  out.charts = std::move(ctx.charts);
  out.notes = std::move(ctx.notes);
  progress(steps);
  return out;
}

}  // namespace entente
