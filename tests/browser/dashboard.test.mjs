// Browser tests of the entente dashboard: Debian's Chromium, headless, driven
// by playwright-core, against `entente serve --port 0` on loopback.
//
// The charts must show the right numbers, not merely exist: every point the
// page draws carries its value (data-x, data-y), and the tests compare those
// with the JSON API and with the command line (`entente votes|military|
// beliefs ... --format csv|json`), which computes them through the library
// without the server. Screenshots go to $ENTENTE_ARTIFACTS.
//
// Run by scripts/browser_test.sh, which builds the store and sets:
//   ENTENTE_BINARY, ENTENTE_STORE, ENTENTE_DATA, ENTENTE_ARTIFACTS
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/browser_test.sh`);
  return value;
};
const BINARY = env("ENTENTE_BINARY");
const STORE = env("ENTENTE_STORE");
const DATA = env("ENTENTE_DATA");
const ARTIFACTS = env("ENTENTE_ARTIFACTS");
// The flags this machine's Chromium needs (no sandbox as root, no GPU, and
// no background connections: the network is closed).
const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const TIMEOUT = { timeout: 180_000 };

let server;
let base;
let browser;
let page;
const pageErrors = [];

function startServer() {
  server = spawn(BINARY, ["--store", STORE, "--data", DATA, "-q", "serve", "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/\S+?)\/?\s/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function cli(...args) {
  return execFileSync(BINARY, ["--store", STORE, "--data", DATA, "-q", ...args], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
}

// The CSV files these tests read have no quoted fields.
function parseCsv(text) {
  const [header, ...lines] = text.trim().split("\n");
  const columns = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
}

async function api(target) {
  const response = await fetch(base + target);
  assert.equal(response.status, 200, `${target}: ${await response.clone().text()}`);
  return response.json();
}

async function points(chartId) {
  return page.$$eval(`#${chartId} circle.point`, (nodes) =>
    nodes.map((n) => ({ series: n.dataset.series, x: Number(n.dataset.x), y: Number(n.dataset.y) })));
}

async function show({ a, b, from, to, measure = "agree" }) {
  await page.selectOption("#country-a", a);
  await page.selectOption("#country-b", b);
  await page.fill("#year-from", String(from));
  await page.fill("#year-to", String(to));
  await page.selectOption("#measure", measure);
  await page.click("#show");
  await page.waitForFunction(
    ([x, y]) => location.hash.includes(`a=${x}&b=${y}`) && document.body.dataset.state === "ready",
    [a, b],
  );
}

async function screenshot(name, selector = null) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  if (selector) {
    await page.locator(selector).screenshot({ path: file });
  } else {
    await page.screenshot({ path: file, fullPage: true });
  }
  assert.ok(fs.statSync(file).size > 5000, `${file} looks empty`);
}

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  base = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  // Console errors, but for Chromium's line about each failed request: those
  // are checked one by one below, from the responses themselves.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
      pageErrors.push(m.text());
    }
  });
  // Failed requests are errors unless expected: beliefs of a dyad without
  // coded speeches (404) and the unknown country of the error test (400).
  page.on("response", async (r) => {
    if (r.status() < 400) return;
    const url = new URL(r.url());
    const expected =
      (r.status() === 404 && url.pathname === "/api/v1/beliefs") ||
      (r.status() === 400 && url.searchParams.get("a") === "XYZ");
    if (!expected) pageErrors.push(`${r.status()} for ${r.url()}`);
  });
  // Only loopback: the page must not reach out anywhere else.
  await page.route((url) => !url.href.startsWith(base), (route) => {
    pageErrors.push(`request outside the server: ${route.request().url()}`);
    return route.abort();
  });
}, TIMEOUT);

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

test("the dashboard loads and offers every state", TIMEOUT, async () => {
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.body.dataset.state === "ready");
  const countries = await api("/api/v1/countries");
  const options = await page.$$eval("#country-a option", (o) => o.map((x) => x.value));
  assert.equal(options.length, countries.rows.length);
  assert.ok(options.includes("CHN") && options.includes("RUS") && options.includes("260"));
  await screenshot("01-dashboard-default");
});

test("a picked dyad's vote chart shows the library's numbers", TIMEOUT, async () => {
  await show({ a: "IND", b: "FRA", from: 1990, to: 2015 });
  const drawn = (await points("votes-chart")).filter((p) => p.series === "IND-FRA");
  const fromApi = await api("/api/v1/votes?a=IND&b=FRA&years=1990:2015");
  const fromCli = parseCsv(cli("votes", "IND", "FRA", "--years", "1990:2015", "--format", "csv"));
  const present = fromApi.rows.filter((r) => r.agree !== null);
  assert.ok(present.length >= 20, `only ${present.length} years`);
  assert.equal(drawn.length, present.length);
  assert.equal(fromCli.length, fromApi.rows.length);
  for (const [i, row] of present.entries()) {
    assert.equal(drawn[i].x, row.year);
    assert.equal(drawn[i].y, row.agree);  // exactly the API's number
    const c = fromCli.find((r) => Number(r.year) === row.year);
    assert.ok(Math.abs(Number(c.agree) - drawn[i].y) < 5e-7, `year ${row.year}`);  // CSV: 6 decimals
  }
  await screenshot("02-votes-IND-FRA", "#votes-section");
});

test("the vote measure can be switched", TIMEOUT, async () => {
  await show({ a: "IND", b: "FRA", from: 1990, to: 2015, measure: "kappa" });
  const drawn = await points("votes-chart");
  const fromApi = await api("/api/v1/votes?a=IND&b=FRA&years=1990:2015");
  const present = fromApi.rows.filter((r) => r.kappa !== null);
  assert.deepEqual(drawn.map((p) => [p.x, p.y]), present.map((r) => [r.year, r.kappa]));
  const title = await page.textContent("#votes-chart .chart-title");
  assert.match(title, /kappa/);
});

test("the military chart and criteria grid show the scored levels", TIMEOUT, async () => {
  await show({ a: "USA", b: "JPN", from: 1990, to: 2015 });
  const drawn = await points("military-chart");
  const fromApi = await api("/api/v1/military?a=USA&b=JPN&years=1990:2015");
  const fromCli = parseCsv(cli("military", "USA", "JPN", "--years", "1990:2015", "--format", "csv"));
  assert.equal(drawn.length, 26);
  for (const [i, row] of fromApi.rows.entries()) {
    assert.deepEqual([drawn[i].x, drawn[i].y], [row.year, row.level]);
    assert.equal(Number(fromCli[i].level), drawn[i].y);
  }
  // Every cell of the grid has the status the API gives for that year.
  const cells = await page.$$eval("#military-grid rect.cell[data-year]", (nodes) =>
    nodes.map((n) => [n.dataset.criterion, Number(n.dataset.year), n.dataset.status]));
  const criteria = fromApi.frameworks[0].criteria.map((c) => c.id);
  assert.equal(cells.length, criteria.length * 26);
  for (const [criterion, year, status] of cells) {
    const row = fromApi.rows.find((r) => r.year === year);
    const want = row.criteria_met.split(";").includes(criterion) ? "met"
      : row.criteria_unknown.split(";").includes(criterion) ? "unknown" : "not_met";
    assert.equal(status, want, `${criterion} ${year}`);
  }
  // US-Japan: the 1951/1960 security treaty is met in every year shown.
  assert.ok(cells.filter(([c]) => c === "treaty").every(([, , s]) => s === "met"));
  // The evidence table lists cited sources.
  const evidence = await page.$$eval("#military-evidence tbody tr", (rows) => rows.length);
  assert.ok(evidence > 0);
  await screenshot("03-military-USA-JPN", "#military-section");
});

test("the beliefs chart shows the coded speeches", TIMEOUT, async () => {
  await show({ a: "IND", b: "FRA", from: 1990, to: 2015 });
  const drawn = await points("beliefs-chart");
  const fromCli = JSON.parse(cli("beliefs", "IND", "FRA", "--years", "1990:2015", "--format", "json"));
  const fromApi = await api("/api/v1/beliefs?a=IND&b=FRA&years=1990:2015");
  const expect = [
    ["IND P-1", fromCli.a.series, "p1"], ["FRA P-1", fromCli.b.series, "p1"],
    ["IND I-1", fromCli.a.series, "i1"], ["FRA I-1", fromCli.b.series, "i1"],
  ];
  for (const [series, rows, field] of expect) {
    const mine = drawn.filter((p) => p.series === series);
    assert.equal(mine.length, rows.length, series);
    for (const row of rows) {
      const p = mine.find((x) => x.x === row.year);
      assert.ok(p, `${series} ${row.year}`);
      assert.ok(Math.abs(p.y - row[field]) < 5e-5, `${series} ${row.year}`);  // CLI JSON: 4 decimals
    }
  }
  assert.deepEqual(drawn.filter((p) => p.series === "IND P-1").map((p) => p.y),
    fromApi.rows.filter((r) => r.a_p1 !== null).map((r) => r.a_p1));
  const note = await page.textContent("#beliefs-note");
  assert.match(note, /P-1 difference/);
  await screenshot("04-beliefs-IND-FRA", "#beliefs-section");
});

test("dyads can be compared on one chart, and their data downloaded", TIMEOUT, async () => {
  await show({ a: "IND", b: "FRA", from: 1990, to: 2015 });
  await page.click("#add-compare");
  await page.waitForFunction(() => document.querySelector('.chip[data-dyad="IND-FRA"]'));
  await show({ a: "USA", b: "ISR", from: 1990, to: 2015 });
  const drawn = await points("votes-chart");
  const series = [...new Set(drawn.map((p) => p.series))];
  assert.deepEqual(series, ["USA-ISR", "IND-FRA"]);
  const usaIsr = await api("/api/v1/votes?a=USA&b=ISR&years=1990:2015");
  assert.deepEqual(
    drawn.filter((p) => p.series === "USA-ISR").map((p) => [p.x, p.y]),
    usaIsr.rows.filter((r) => r.agree !== null).map((r) => [r.year, r.agree]));
  // USA-Israel agree far more than India-France over 1990-2015 (a sanity
  // check on real data: the US and Israel vote together on most roll calls).
  const mean = (s) => {
    const ys = drawn.filter((p) => p.series === s).map((p) => p.y);
    return ys.reduce((x, y) => x + y, 0) / ys.length;
  };
  assert.ok(mean("USA-ISR") > mean("IND-FRA"));
  // The military chart compares the same two dyads.
  const military = [...new Set((await points("military-chart")).map((p) => p.series))];
  assert.deepEqual(military, ["USA-ISR", "IND-FRA"]);
  // The CSV download link gives what the command line writes.
  const href = await page.getAttribute(
    '#votes-downloads a[data-dyad="USA-ISR"][data-format="csv"]', "href");
  const csv = await (await fetch(base + href)).text();
  assert.equal(csv, cli("votes", "USA", "ISR", "--years", "1990:2015", "--format", "csv"));
  const json = await page.getAttribute(
    '#votes-downloads a[data-dyad="IND-FRA"][data-format="json"]', "href");
  assert.deepEqual((await (await fetch(base + json)).json()).rows,
    (await api("/api/v1/votes?a=IND&b=FRA&years=1990:2015&subset=all")).rows);
  await screenshot("05-compare-USA-ISR-IND-FRA");
  // Removing the compared dyad leaves one series.
  await page.click('.chip[data-dyad="IND-FRA"] button');
  await page.waitForFunction(() => !document.querySelector(".chip") && document.body.dataset.state === "ready");
  assert.deepEqual([...new Set((await points("votes-chart")).map((p) => p.series))], ["USA-ISR"]);
});

test("the profile charts show the library's composite and dimensions", TIMEOUT, async () => {
  await show({ a: "CHN", b: "RUS", from: 1992, to: 2015 });
  assert.equal(await page.$eval("#profile-section", (n) => n.hidden), false);
  const fromCli = JSON.parse(cli("profile", "CHN", "RUS", "--years", "1992:2015", "--format", "json"));
  const composite = (await points("profile-chart")).filter((p) => p.series === "CHN-RUS");
  const want = fromCli.years.filter((y) => y.composite !== null);
  assert.ok(want.length > 10, `only ${want.length} years with a composite`);
  assert.deepEqual(composite.map((p) => [p.x, p.y]), want.map((y) => [y.year, y.composite]));
  const dims = await points("profile-dimensions-chart");
  for (const d of ["economic", "diplomatic", "personal", "military"]) {
    const expected = fromCli.years.filter((y) => y.index[d] !== null).map((y) => [y.year, y.index[d]]);
    assert.deepEqual(dims.filter((p) => p.series === d).map((p) => [p.x, p.y]), expected, d);
  }
  const note = await page.textContent("#profile-note");
  assert.match(note, /^CHN-RUS in \d{4}: /);
  await screenshot("07-profile-CHN-RUS", "#profile-section");
});

test("a bad country in the URL is reported with its name", TIMEOUT, async () => {
  await page.goto(`${base}/#a=XYZ&b=RUS&from=1990&to=2000`);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.state === "ready");
  const status = await page.textContent("#status");
  assert.match(status, /XYZ/);
  assert.ok(await page.$eval("#status", (n) => n.classList.contains("error")));
  await screenshot("06-error-unknown-country");
});

test("the page raised no script errors", () => {
  assert.deepEqual(pageErrors, []);
});
