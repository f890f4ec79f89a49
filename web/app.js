// The entente dashboard: pick a dyad and years, compare dyads, see every
// chart, download the data. Everything comes from the JSON API (/api/v1/);
// the page state lives in the URL hash so a view can be bookmarked or cited,
// e.g. #a=CHN&b=RUS&from=1992&to=2015&compare=USA-AUS.
import { lineChart, statusGrid } from "/charts.js";

const $ = (id) => document.getElementById(id);
const state = {
  a: "CHN", b: "RUS", from: null, to: null,
  subset: "all", measure: "agree", framework: "korolev", compare: [],
};
let meta = null;
let renderCount = 0;

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

function apiUrl(path, params) {
  return `/api/v1/${path}?${new URLSearchParams(params)}`;
}

async function api(path, params = {}) {
  const response = await fetch(apiUrl(path, params));
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  }
  return body;
}

// A state's key in URLs: ISO3 where it has one, else its COW number (COW
// letters collide with ISO3 codes: AUS is Austria for COW, Australia for ISO).
const keyOf = (c) => c.iso3 || String(c.ccode);
const dyadName = (d) => `${d.a}-${d.b}`;
const dyads = () => {
  const primary = { a: state.a, b: state.b };
  return [primary, ...state.compare.filter((d) => dyadName(d) !== dyadName(primary))];
};
const yearsParam = () => `${state.from}:${state.to}`;

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const k of ["a", "b", "subset", "measure", "framework"]) if (h.get(k)) state[k] = h.get(k);
  for (const k of ["from", "to"]) if (h.get(k)) state[k] = Number(h.get(k));
  if (h.has("compare")) {
    state.compare = h.get("compare").split(",").filter(Boolean).map((s) => {
      const [a, b] = s.split("-");
      return { a, b };
    });
  }
}

function writeHash() {
  const h = new URLSearchParams({
    a: state.a, b: state.b, from: state.from, to: state.to,
    subset: state.subset, measure: state.measure, framework: state.framework,
  });
  if (state.compare.length) h.set("compare", state.compare.map(dyadName).join(","));
  history.replaceState(null, "", `#${h}`);
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

function fillControls() {
  $("country-a").value = state.a;
  $("country-b").value = state.b;
  $("year-from").value = state.from;
  $("year-to").value = state.to;
  $("subset").value = state.subset;
  $("measure").value = state.measure;
  $("framework").value = state.framework;
  const list = $("compare-list");
  list.replaceChildren();
  state.compare.forEach((d, i) => {
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.dataset.dyad = dyadName(d);
    chip.textContent = `compared: ${dyadName(d)}`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "\u00d7";
    remove.title = `remove ${dyadName(d)}`;
    remove.addEventListener("click", () => { state.compare.splice(i, 1); render(); });
    chip.appendChild(remove);
    list.appendChild(chip);
  });
}

function readControls() {
  state.a = $("country-a").value;
  state.b = $("country-b").value;
  state.from = Number($("year-from").value);
  state.to = Number($("year-to").value);
  state.subset = $("subset").value;
  state.measure = $("measure").value;
  state.framework = $("framework").value;
}

function downloads(target, path, paramsFor) {
  const box = $(target);
  box.replaceChildren(document.createTextNode("Download: "));
  for (const d of dyads()) {
    for (const format of ["csv", "json"]) {
      const a = document.createElement("a");
      a.href = apiUrl(path, { ...paramsFor(d), format });
      a.textContent = `${dyadName(d)} ${format.toUpperCase()}`;
      if (format === "csv") a.setAttribute("download", "");
      a.dataset.dyad = dyadName(d);
      a.dataset.format = format;
      box.appendChild(a);
    }
  }
}

// One point per year of the range; a year without a row is missing (null),
// so the line breaks there instead of bridging it.
function yearly(rows, field, from, to, key = "year") {
  const byYear = new Map(rows.map((r) => [r[key], r[field]]));
  const points = [];
  for (let y = from; y <= to; y++) points.push({ x: y, y: byYear.has(y) ? byYear.get(y) : null });
  return points;
}

function showError(section, chart, error) {
  $(chart).replaceChildren();
  const p = document.createElement("p");
  p.className = "note error-note";
  p.textContent = error.message;
  $(chart).appendChild(p);
}

async function renderVotes() {
  const params = (d) => ({ a: d.a, b: d.b, years: yearsParam(), subset: state.subset });
  downloads("votes-downloads", "votes", params);
  const answers = await Promise.all(dyads().map((d) => api("votes", params(d))));
  const label = $("measure").selectedOptions[0]?.textContent ?? state.measure;
  lineChart($("votes-chart"), {
    title: `UN voting similarity: ${label} (${state.subset} roll calls)`,
    yLabel: label,
    yMin: state.measure === "agree" ? 0 : -1,
    yMax: 1,
    series: answers.map((r, i) => ({
      name: dyadName(dyads()[i]),
      points: yearly(r.rows, state.measure, state.from, state.to),
    })),
  });
}

async function renderMilitary() {
  const params = (d) => ({ a: d.a, b: d.b, years: yearsParam(), framework: state.framework });
  downloads("military-downloads", "military", params);
  const answers = await Promise.all(dyads().map((d, i) =>
    api("military", i === 0 ? { ...params(d), evidence: "true" } : params(d))));
  const framework = answers[0].frameworks[0];
  lineChart($("military-chart"), {
    title: `Military alignment level, framework ${framework.id} (0 none ... ${framework.max_level} full alliance)`,
    yLabel: "level",
    yMin: 0,
    yMax: framework.max_level,
    step: true,
    series: answers.map((r, i) => ({
      name: dyadName(dyads()[i]),
      points: yearly(r.rows, "level", state.from, state.to),
    })),
  });
  const first = answers[0];
  const byYear = new Map(first.rows.map((r) => [r.year, r]));
  statusGrid($("military-grid"), {
    title: `Criteria met per year: ${dyadName(dyads()[0])}`,
    rows: framework.criteria.map((c) => ({ id: c.id, title: c.title })),
    years: first.rows.map((r) => r.year),
    status: (id, year) => {
      const row = byYear.get(year);
      if (row.criteria_met.split(";").includes(id)) return "met";
      if (row.criteria_unknown.split(";").includes(id)) return "unknown";
      return "not_met";
    },
  });
  const body = $("military-evidence").querySelector("tbody");
  body.replaceChildren();
  for (const e of (first.evidence ?? []).filter((e) => e.source)) {
    const tr = document.createElement("tr");
    const cite = [e.publisher, e.title, e.published].filter(Boolean).join(", ");
    for (const value of [e.criterion, e.counted ? "yes" : "no", e.source,
      e.end_date ? `${e.date} - ${e.end_date}` : e.date, e.name || e.detail, cite]) {
      const td = document.createElement("td");
      td.textContent = value;
      tr.appendChild(td);
    }
    if (e.url) {
      const a = document.createElement("a");
      a.href = e.url;
      a.textContent = " [source]";
      a.rel = "noreferrer";
      tr.lastChild.appendChild(a);
    }
    body.appendChild(tr);
  }
}

async function renderBeliefs() {
  const d = dyads()[0];
  const params = (x) => ({ a: x.a, b: x.b, years: yearsParam() });
  $("beliefs-downloads").replaceChildren();
  $("beliefs-note").textContent = "";
  let r;
  try {
    r = await api("beliefs", params(d));
  } catch (e) {
    // No coded speeches for a side is common (the store holds what
    // `entente opcode --corpus` coded): say so, keep the other charts.
    if (e.status === 404) {
      $("beliefs-chart").replaceChildren();
      $("beliefs-note").textContent = e.message;
      return;
    }
    throw e;
  }
  downloads("beliefs-downloads", "beliefs", params);
  $("beliefs-downloads").querySelectorAll("a").forEach((a) => {
    if (a.dataset.dyad !== dyadName(d)) a.remove();
  });
  // The years asked, so that one year of speeches is seen in its window.
  const from = state.from, to = state.to;
  lineChart($("beliefs-chart"), {
    title: `Master beliefs by year: ${r.a.label} vs ${r.b.label}`,
    yLabel: "index (-1..1)",
    yMin: -1,
    yMax: 1,
    series: [
      { name: `${d.a} P-1`, points: yearly(r.rows, "a_p1", from, to) },
      { name: `${d.b} P-1`, points: yearly(r.rows, "b_p1", from, to) },
      { name: `${d.a} I-1`, points: yearly(r.rows, "a_i1", from, to) },
      { name: `${d.b} I-1`, points: yearly(r.rows, "b_i1", from, to) },
    ],
  });
  const c = (x) => (x.congruent ? "congruent" : "not congruent");
  $("beliefs-note").textContent =
    `Over ${r.years}: P-1 difference ${r.p1.difference?.toFixed(3)} (${c(r.p1)}), ` +
    `I-1 difference ${r.i1.difference?.toFixed(3)} (${c(r.i1)}). Rule: ${r.rule}.`;
}

async function renderProfile() {
  const params = (d) => ({ a: d.a, b: d.b, years: yearsParam() });
  let answers;
  try {
    answers = await Promise.all(dyads().map((d) => api("profile", params(d))));
  } catch (e) {
    // The profile endpoint is absent on servers built without it (404 for
    // the path): hide the section rather than show an error.
    if (e.status === 404 && /no such path/.test(e.message)) {
      $("profile-section").hidden = true;
      return;
    }
    throw e;
  }
  $("profile-section").hidden = false;
  downloads("profile-downloads", "profile", params);
  lineChart($("profile-chart"), {
    title: "Composite alignment index (0-100)",
    yLabel: "composite",
    yMin: 0,
    yMax: 100,
    series: answers.map((r, i) => ({
      name: dyadName(dyads()[i]),
      points: yearly(r.rows, "composite", state.from, state.to),
    })),
  });
  // The first dyad's four alignment dimensions side by side.
  const first = answers[0];
  lineChart($("profile-dimensions-chart"), {
    title: `Alignment dimensions (0-100): ${dyadName(dyads()[0])}`,
    yLabel: "index",
    yMin: 0,
    yMax: 100,
    series: ["economic", "diplomatic", "personal", "military"].map((d) => ({
      name: d,
      points: yearly(first.rows, d, state.from, state.to),
    })),
  });
  const last = [...first.classes].reverse().find((c) => c.class !== "unknown");
  $("profile-note").textContent = last
    ? `${dyadName(dyads()[0])} in ${last.year}: ${last.class.replaceAll("_", " ")} (${last.rule}).`
    : "Too little data to classify these years.";
}

async function render() {
  writeHash();
  fillControls();
  const id = ++renderCount;
  document.body.dataset.state = "loading";
  setStatus(`Loading ${dyads().map(dyadName).join(", ")}, ${yearsParam()}...`);
  const parts = [
    ["votes-section", "votes-chart", renderVotes],
    ["military-section", "military-chart", renderMilitary],
    ["beliefs-section", "beliefs-chart", renderBeliefs],
    ["profile-section", "profile-chart", renderProfile],
  ];
  const results = await Promise.allSettled(parts.map(([, , f]) => f()));
  if (id !== renderCount) return;  // a newer render started meanwhile
  const failed = results
    .map((r, i) => [r, parts[i]])
    .filter(([r]) => r.status === "rejected");
  for (const [r, [section, chart]] of failed) showError(section, chart, r.reason);
  if (failed.length) {
    setStatus(failed[0][0].reason.message, true);
  } else {
    setStatus(`${dyads().map(dyadName).join(", ")}, ${yearsParam()}`);
  }
  document.body.dataset.state = "ready";
}

async function start() {
  readHash();
  try {
    meta = await api("meta");
    const countries = (await api("countries")).rows
      .slice()
      .sort((x, y) => x.name.localeCompare(y.name));
    for (const select of [$("country-a"), $("country-b")]) {
      for (const c of countries) {
        select.add(new Option(`${c.name} (${c.iso3 || c.cowc})`, keyOf(c)));
      }
    }
    for (const f of meta.military.frameworks) $("framework").add(new Option(f.title, f.id));
  } catch (e) {
    setStatus(`The API did not answer: ${e.message}`, true);
    document.body.dataset.state = "ready";
    return;
  }
  state.from ??= meta.votes.first_year;
  state.to ??= meta.votes.last_year;
  $("controls").addEventListener("submit", (event) => {
    event.preventDefault();
    readControls();
    render();
  });
  $("add-compare").addEventListener("click", () => {
    readControls();
    const d = { a: state.a, b: state.b };
    if (!state.compare.some((x) => dyadName(x) === dyadName(d))) state.compare.push(d);
    render();
  });
  await render();
}

start();
