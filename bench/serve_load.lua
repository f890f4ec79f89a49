-- wrk script for bench/serve_load.sh: every request asks for a different
-- dyad (all pairs of the states below, in turn), so the load measures the
-- endpoint's work, not one cached answer. The endpoint and its extra query
-- come from the environment: ENDPOINT (votes, profile, ...) and QUERY.
local states = {
  "USA", "CAN", "MEX", "BRA", "ARG", "GBR", "FRA", "DEU", "ITA", "ESP",
  "POL", "UKR", "RUS", "TUR", "IRN", "ISR", "EGY", "SAU", "NGA", "ZAF",
  "ETH", "KEN", "IND", "PAK", "BGD", "CHN", "JPN", "KOR", "PRK", "VNM",
  "IDN", "THA", "PHL", "MYS", "AUS", "NZL", "SWE", "NOR", "CUB", "VEN",
}
local endpoint = os.getenv("ENDPOINT") or "votes"
local query = os.getenv("QUERY") or ""
local paths = {}
for i = 1, #states do
  for j = i + 1, #states do
    paths[#paths + 1] = "/api/v1/" .. endpoint .. "?a=" .. states[i] .. "&b=" .. states[j] .. query
  end
end
counter = 0  -- global: setup() gives each thread its own start

function setup(thread)
  -- Threads start at different places in the list.
  thread:set("counter", math.random(#paths))
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  io.write(string.format("dyads cycled: %d\n", #paths))
  io.write(string.format("requests: %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
