// --data-out: every chart's data as DIR/ID.csv.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "entente/report.h"

namespace entente {

Status WriteReportData(const Report& report, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Io("cannot create '" + dir + "': " + ec.message());
  for (const ReportChart& chart : report.charts) {
    const std::string path = dir + "/" + chart.id + ".csv";
    const std::string partial = path + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      if (!out) return Status::Io("cannot write '" + path + "'");
      RenderTable(chart.data, OutputFormat::kCsv, out);
      out.close();
      if (!out) {
        std::remove(partial.c_str());
        return Status::Io("cannot write '" + path + "' (disk full?)");
      }
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
      return Status::Io("cannot rename '" + partial + "' to '" + path + "'");
    }
  }
  return Status::Ok();
}

}  // namespace entente
