// Internal to the SVG charts: mapping data to pixels, round tick values and
// the number formats of coordinates and labels.
#pragma once

#include <string>
#include <vector>

namespace entente::svg::internal {

// Maps [d0, d1] linearly onto [r0, r1] (r1 < r0 for a y axis: SVG y grows
// downwards). A zero-width domain maps everything to the middle.
struct LinearScale {
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
  double operator()(double value) const;
};

// Round tick positions covering [lo, hi]: a step of 1, 2 or 5 times a power
// of ten giving about `target` intervals; `lo` and `hi` are widened outwards
// to the first and last tick. REQUIRES: lo <= hi, both finite. When lo == hi
// the range is widened by one unit of the value's magnitude first.
struct Ticks {
  double lo = 0;
  double hi = 1;
  double step = 1;
  std::vector<double> values;
};
Ticks NiceTicks(double lo, double hi, int target);

// A pixel coordinate with one decimal ("12.5", "300").
std::string Coord(double pixels);

// `value` with exactly `decimals` digits after the point ("0.50"); "-0.00"
// is written "0.00".
std::string FixedLabel(double value, int decimals);

}  // namespace entente::svg::internal
