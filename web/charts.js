// Small SVG charts for the dashboard, drawn from the API's numbers.
//
// Why our own: two chart types (lines over years, a status grid) need about
// 200 lines; a charting library would be a vendored dependency many times that
// size. Every drawn point carries its data (data-series, data-x, data-y) so
// that the browser tests can check the chart shows the API's values.

const SVG_NS = "http://www.w3.org/2000/svg";
export const PALETTE = ["#1f5fa8", "#c2452d", "#2e8540", "#8a4baf", "#b8860b", "#0f7b8a"];

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, attrs = {}) {
  const node = el("text", { x, y, ...attrs }, parent);
  node.textContent = content;
  return node;
}

// Round numbers for axis ticks: 1, 2 or 5 times a power of ten.
function niceStep(span, count) {
  const raw = span / Math.max(count, 1);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

function ticks(min, max, count) {
  const step = niceStep(max - min || 1, count);
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

function formatNumber(v) {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(2);
}

// A line chart over years. options: {title, yLabel, yMin, yMax, step,
// series: [{name, points: [{x, y}]}]}; y null is missing: the line breaks
// there and no point is drawn.
export function lineChart(container, options) {
  container.replaceChildren();
  const width = 760, height = 300;
  const margin = { left: 52, right: 16, top: 28, bottom: 56 };
  const svg = el("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart line-chart",
    "aria-label": options.title,
  }, container);
  text(svg, margin.left, 18, options.title, { class: "chart-title" });
  const all = options.series.flatMap((s) => s.points);
  const present = all.filter((p) => p.y !== null && p.y !== undefined);
  if (present.length === 0) {
    text(svg, width / 2, height / 2, "no data for these years", { class: "empty", "text-anchor": "middle" });
    return svg;
  }
  const xs = all.map((p) => p.x);
  const xMin = Math.min(...xs), xMax = Math.max(...xs);
  const ys = present.map((p) => p.y);
  const yMin = options.yMin ?? Math.min(...ys), yMax = options.yMax ?? Math.max(...ys);
  const plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom;
  const sx = (x) => margin.left + (xMax === xMin ? plotW / 2 : ((x - xMin) / (xMax - xMin)) * plotW);
  const sy = (y) => margin.top + (yMax === yMin ? plotH / 2 : (1 - (y - yMin) / (yMax - yMin)) * plotH);

  const axes = el("g", { class: "axes" }, svg);
  for (const v of ticks(yMin, yMax, 5)) {
    el("line", { x1: margin.left, x2: width - margin.right, y1: sy(v), y2: sy(v), class: "grid" }, axes);
    text(axes, margin.left - 6, sy(v) + 4, formatNumber(v), { "text-anchor": "end", class: "tick" });
  }
  for (const v of ticks(xMin, xMax, 10).filter(Number.isInteger)) {
    text(axes, sx(v), height - margin.bottom + 16, String(v), { "text-anchor": "middle", class: "tick" });
  }
  if (options.yLabel) {
    text(axes, 14, margin.top + plotH / 2, options.yLabel, {
      transform: `rotate(-90 14 ${margin.top + plotH / 2})`, "text-anchor": "middle", class: "axis-label",
    });
  }

  options.series.forEach((series, index) => {
    const color = PALETTE[index % PALETTE.length];
    const g = el("g", { class: "series", "data-series": series.name }, svg);
    // Consecutive present points make one path; a missing year breaks it.
    let d = "", open = false;
    for (const p of series.points) {
      if (p.y === null || p.y === undefined) { open = false; continue; }
      if (!open) {
        d += `M${sx(p.x)},${sy(p.y)}`;
        open = true;
      } else if (options.step) {
        d += `H${sx(p.x)}V${sy(p.y)}`;
      } else {
        d += `L${sx(p.x)},${sy(p.y)}`;
      }
    }
    el("path", { d, fill: "none", stroke: color, "stroke-width": 2 }, g);
    for (const p of series.points) {
      if (p.y === null || p.y === undefined) continue;
      const dot = el("circle", {
        cx: sx(p.x), cy: sy(p.y), r: 3, fill: color, class: "point",
        "data-series": series.name, "data-x": p.x, "data-y": p.y,
      }, g);
      el("title", {}, dot).textContent = `${series.name} ${p.x}: ${p.y}`;
    }
    const lx = margin.left + (index % 3) * 230, ly = height - 28 + Math.floor(index / 3) * 14;
    el("rect", { x: lx, y: ly - 9, width: 12, height: 12, fill: color }, svg);
    text(svg, lx + 16, ly + 1, series.name, { class: "legend" });
  });
  return svg;
}

// A grid of statuses: one row per criterion, one column per year. options:
// {title, rows: [{id, title}], years: [..], status(rowId, year) -> "met" |
// "not_met" | "unknown"}.
export function statusGrid(container, options) {
  container.replaceChildren();
  const labelW = 130, cell = Math.max(4, Math.min(14, Math.floor(600 / Math.max(options.years.length, 1))));
  const width = Math.max(labelW + cell * options.years.length + 16, 640);
  const height = 30 + options.rows.length * (cell + 4) + 40;
  // Drawn at its natural size (not stretched to the page): a few criteria
  // over many years would otherwise become huge.
  const svg = el("svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "chart status-grid",
    "aria-label": options.title,
  }, container);
  text(svg, 4, 18, options.title, { class: "chart-title" });
  options.rows.forEach((row, r) => {
    const y = 30 + r * (cell + 4);
    const label = text(svg, labelW - 6, y + cell - 2, row.id, { "text-anchor": "end", class: "tick" });
    el("title", {}, label).textContent = row.title;
    options.years.forEach((year, c) => {
      const status = options.status(row.id, year);
      const rect = el("rect", {
        x: labelW + c * cell, y, width: cell - 1, height: cell, class: `cell ${status}`,
        "data-criterion": row.id, "data-year": year, "data-status": status,
      }, svg);
      el("title", {}, rect).textContent = `${row.title} ${year}: ${status.replace("_", " ")}`;
    });
  });
  const yearsY = 30 + options.rows.length * (cell + 4) + 14;
  for (const v of ticks(options.years[0], options.years[options.years.length - 1], 8).filter(Number.isInteger)) {
    const c = options.years.indexOf(v);
    if (c >= 0) text(svg, labelW + c * cell + cell / 2, yearsY, String(v), { "text-anchor": "middle", class: "tick" });
  }
  const legendY = yearsY + 18;
  [["met", "met"], ["not_met", "not met"], ["unknown", "unknown (no source covers the year)"]].forEach(([cls, label], i) => {
    el("rect", { x: labelW + i * 90, y: legendY - 10, width: 12, height: 12, class: `cell ${cls}` }, svg);
    text(svg, labelW + i * 90 + 16, legendY, label, { class: "legend" });
  });
  return svg;
}
