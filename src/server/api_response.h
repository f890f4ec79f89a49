// What an endpoint hands back to the HTTP layer, and the JSON helpers every
// endpoint shares. No HTTP library types: endpoints are plain functions of
// (data, query) that unit and contract tests can call directly.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "entente/countries.h"
#include "entente/status.h"
#include "entente/table.h"

namespace entente::server {

using Json = nlohmann::ordered_json;

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, the response is offered as a download under this file name.
  std::string attachment;
};

// A JSON document as the response body.
ApiResponse JsonResponse(const Json& body, int status = 200);

// {"error": {"status": 400, "message": "..."}}. The message names the bad
// parameter and value; it is the Status message, unchanged.
ApiResponse ErrorResponse(int status, const std::string& message);

// The HTTP status a library Status maps to: kUsage 400, kNotFound 404, the
// rest (data, I/O, internal) 500.
int HttpStatusOf(const Status& status);
ApiResponse ErrorResponse(const Status& status);

// A double as JSON: NaN (missing) becomes null, never 0.
Json Number(double value);

// {"ccode": 710, "iso3": "CHN", "iso2": "CN", "cowc": "CHN", "name": "China"}.
Json CountryJson(const Country& country);

// The table's rows as JSON objects keyed by column name (missing cells null).
Json TableRecords(const Table& table);

enum class ResponseFormat { kJson, kCsv };

// A data endpoint's answer: `meta` plus "columns" and "rows" from `table` as
// JSON (full precision), or the table alone as CSV (table.decimals digits,
// empty cells for missing values) offered as FILE_STEM.csv.
ApiResponse DataResponse(ResponseFormat format, Json meta, const Table& table,
                         const std::string& file_stem);

}  // namespace entente::server
