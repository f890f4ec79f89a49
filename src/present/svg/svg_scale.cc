#include "present/svg/svg_scale.h"

#include <cmath>
#include <cstdio>

namespace entente::svg::internal {

double LinearScale::operator()(double value) const {
  if (d1 == d0) return (r0 + r1) / 2;
  return r0 + (value - d0) * (r1 - r0) / (d1 - d0);
}

Ticks NiceTicks(double lo, double hi, int target) {
  if (target < 1) target = 1;
  if (lo == hi) {
    // One value only: show a unit of its own magnitude around it.
    const double unit = lo == 0 ? 1.0 : std::pow(10.0, std::floor(std::log10(std::abs(lo))));
    lo -= unit;
    hi += unit;
  }
  const double raw = (hi - lo) / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = factor * magnitude;
    if (raw <= step * 1.0000001) break;
  }
  Ticks ticks;
  ticks.step = step;
  ticks.lo = std::floor(lo / step + 1e-9) * step;
  ticks.hi = std::ceil(hi / step - 1e-9) * step;
  const int count = static_cast<int>(std::lround((ticks.hi - ticks.lo) / step));
  for (int i = 0; i <= count; ++i) {
    double v = ticks.lo + i * step;
    if (std::abs(v) < step * 1e-9) v = 0;  // no "-0" or 1e-17 from the sum
    ticks.values.push_back(v);
  }
  return ticks;
}

std::string Coord(double pixels) {
  char buffer[32];
  const double rounded = std::round(pixels * 10) / 10;
  if (rounded == std::floor(rounded)) {
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded == 0 ? 0.0 : rounded);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
  }
  return buffer;
}

std::string FixedLabel(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  // "-0.00" would suggest a negative value where there is none.
  if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

}  // namespace entente::svg::internal
