// Internal to the SVG charts: the parts every chart shares - the <svg>
// element with its title, the legend, and the axes with their grid.
#pragma once

#include <string>
#include <vector>

#include "present/svg/svg_scale.h"

namespace entente::svg::internal {

// The plot area, in pixels.
struct PlotArea {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

struct LegendItem {
  std::string name;
  std::string color;
  bool dashed = false;
  bool box = false;  // a filled square (bars, timeline states) instead of a line
};

// Vertical space the title and a legend of `items` take above the plot.
double HeaderHeight(const std::vector<LegendItem>& items, int width);

// <svg ...> with id, size, viewBox, role="img", an accessible <title> and the
// visible title.
void OpenSvg(std::string& out, const std::string& id, int width, int height,
             const std::string& title);
void CloseSvg(std::string& out);

// The legend, wrapped over as many rows as needed, under the title.
void WriteLegend(std::string& out, const std::vector<LegendItem>& items, int width);

// Grid lines and labels of a y axis; `label` written vertically on the left.
void WriteYAxis(std::string& out, const Ticks& ticks, const LinearScale& y, const PlotArea& area,
                int decimals, const std::string& label);
// Tick marks and labels (whole numbers, e.g. years) along the bottom.
void WriteXAxis(std::string& out, const std::vector<double>& ticks, const LinearScale& x,
                const PlotArea& area, const std::string& label);

// "No data" written across an empty plot area.
void WriteNoData(std::string& out, const PlotArea& area, const std::string& text);

}  // namespace entente::svg::internal
