#include "server/api_response.h"

#include <cmath>
#include <sstream>

namespace entente::server {

ApiResponse JsonResponse(const Json& body, int status) {
  ApiResponse r;
  r.status = status;
  // Invalid UTF-8 (a query parameter echoed in a message) is replaced, not thrown.
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

ApiResponse ErrorResponse(int status, const std::string& message) {
  return JsonResponse({{"error", {{"status", status}, {"message", message}}}}, status);
}

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return 200;
    case Status::Code::kUsage:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    default:
      return 500;
  }
}

ApiResponse ErrorResponse(const Status& status) {
  return ErrorResponse(HttpStatusOf(status), status.message());
}

Json Number(double value) {
  if (std::isnan(value)) return nullptr;
  return value;
}

Json CountryJson(const Country& c) {
  return {
      {"ccode", c.ccode}, {"iso3", c.iso3}, {"iso2", c.iso2}, {"cowc", c.cowc}, {"name", c.name}};
}

Json TableRecords(const Table& table) {
  Json rows = Json::array();
  for (const auto& row : table.rows) {
    Json record = Json::object();
    for (std::size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
      const Cell& cell = row[c];
      Json value;
      if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        value = *i;
      } else if (const auto* d = std::get_if<double>(&cell)) {
        value = Number(*d);
      } else if (const auto* s = std::get_if<std::string>(&cell)) {
        value = *s;
      }
      record[table.columns[c]] = std::move(value);
    }
    rows.push_back(std::move(record));
  }
  return rows;
}

ApiResponse DataResponse(ResponseFormat format, Json meta, const Table& table,
                         const std::string& file_stem) {
  if (format == ResponseFormat::kCsv) {
    std::ostringstream out;
    RenderTable(table, OutputFormat::kCsv, out);
    ApiResponse r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = out.str();
    r.attachment = file_stem + ".csv";
    return r;
  }
  meta["columns"] = table.columns;
  meta["rows"] = TableRecords(table);
  return JsonResponse(meta);
}

}  // namespace entente::server
