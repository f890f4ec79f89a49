// /api/v1/meta: what this server holds and how far it goes.
#include "server/endpoints.h"

namespace entente::server {
namespace {

Json CacheJson(const ResponseCache& cache) {
  const ResponseCache::Stats s = cache.stats();
  return {{"max_bytes", s.max_bytes},
          {"bytes", s.bytes},
          {"entries", s.entries},
          {"hits", s.hits},
          {"misses", s.misses}};
}

}  // namespace

Result<ApiResponse> MetaEndpoint(const ServerData& data, const Query& query) {
  if (Status s = query.CheckNames({}); !s.ok()) return s;
  Json imports = Json::array();
  for (const ImportRecord& r : data.imports) {
    imports.push_back({{"kind", r.kind},
                       {"file", r.file},
                       {"sha256", r.sha256},
                       {"rows_accepted", r.rows_accepted},
                       {"imported_at", r.imported_at}});
  }
  Json frameworks = Json::array();
  for (const auto& f : data.frameworks) {
    frameworks.push_back({{"id", f.id}, {"title", f.title}, {"max_level", f.max_level()}});
  }
  const ServeOptions& o = data.options;
  Json j = {{"name", "entente"},
            {"version", ENTENTE_VERSION},
            {"store", o.store_path},
            {"data_dir", data.data_dir},
            {"votes",
             {{"first_year", data.votes->first_year()},
              {"last_year", data.votes->last_year()},
              {"roll_calls", data.votes->roll_call_count()},
              {"subsets", {"all", "me", "nu", "di", "hr", "co", "ec", "important"}}}},
            {"military", {{"frameworks", frameworks}, {"default_years", "1946:2025"}}},
            {"profile",
             {{"source", data.profile ? "built at startup" : "stored in the store"},
              {"years", YearsText(data.profile_years)},
              {"dyad_years", data.profile_dyad_years},
              {"dimensions",
               {"economic", "diplomatic", "personal", "military", "incentives", "hurdles"}}}},
            {"beliefs", {{"corpora", {"ungd", "kremlin", "au_pm", "miller", "radio", "xi"}}}},
            {"imports", imports},
            {"limits",
             {{"read_timeout_seconds", o.read_timeout_seconds},
              {"write_timeout_seconds", o.write_timeout_seconds},
              {"keep_alive_seconds", o.keep_alive_seconds},
              {"max_body_bytes", o.max_body_bytes},
              {"max_request_line_bytes", 8192},
              {"max_header_bytes", 8192}}},
            {"cache", CacheJson(*data.cache)},
            {"openapi", "/api/v1/openapi.yaml"}};
  return JsonResponse(j);
}

}  // namespace entente::server
