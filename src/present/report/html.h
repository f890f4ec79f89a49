// Internal to the report: small HTML building blocks. Every piece of text
// goes through Esc; numbers are formatted here so tables read alike.
#pragma once

#include <string>
#include <string_view>

#include "entente/table.h"
#include "present/report/report_context.h"

namespace entente::report {

std::string Esc(std::string_view text);

// A number with `decimals` digits, "-" for NaN (missing).
std::string Num(double value, int decimals);

// <table> of `table` (header row from its columns), missing cells as "-".
std::string HtmlTable(const Table& table, int decimals);

// A link when `url` is http(s); the escaped text otherwise.
std::string Link(std::string_view url, std::string_view text);

// A figure: the chart's SVG, its caption, and its values in a collapsed
// <details> table. Records the chart (id, title, data) for --data-out.
std::string Figure(ReportContext& ctx, const std::string& id, const std::string& title,
                   const std::string& svg, const std::string& caption_html, Table data);

// A highlighted paragraph for what is missing and how to fill it.
std::string Note(const std::string& html);

}  // namespace entente::report
