-- wrk script for the Impactkaart load runs.
-- Arguments after "--": PATH [QUERY] [SPAN] [COSTS] [THINK]
--   PATH   the page, e.g. /kaart or /kaart/pdf
--   QUERY  the fixed part of the address, e.g. ref=budgetcoaching&kosten=90000
--   SPAN   when given, every request varies the participants over SPAN values (and the costs per round),
--          so each request asks for a map the server has not computed yet; without it one fixed address (cache warm).
--   COSTS  the costs of the first round (default 90000): give each varied run its own, so no run reuses another's maps.
--   THINK  when given, milliseconds each connection waits after an answer before its next request: a user who reads
--          the map before asking for the next one. Without it every connection asks again at once (saturation).
-- At the end: one line "RESULT label p50=.. p95=.. p99=.. ms rps=.. requests=.. errors=.." for the shell script to collect.

local thread_count = 0
local threads = {}

-- setup runs in the main Lua state; each thread has its own state, so tell every thread its number and the count.
function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
  for _, t in ipairs(threads) do
    t:set("nthreads", thread_count)
  end
end

function init(args)
  page = args[1] or "/kaart"
  query = args[2] or "ref=budgetcoaching&deelnemers=80&kosten=90000"
  span = tonumber(args[3] or "0")
  costs_base = tonumber(args[4] or "90000")
  think = tonumber(args[5] or "0")
  math.randomseed(1000 + id)
  n = 0
  if span == 0 then
    fixed = wrk.format("GET", page .. "?" .. query)
  end
end

function request()
  if fixed then
    return fixed
  end
  -- with two threads, thread 0 takes the even numbers and thread 1 the odd ones: no two requests share an address.
  local k = n * nthreads + id
  n = n + 1
  local participants = 20 + (k % span)
  local costs = costs_base + math.floor(k / span)
  return wrk.format("GET", page .. "?" .. query .. "&deelnemers=" .. participants .. "&kosten=" .. costs)
end

-- Users do not act in step: each wait is drawn between half and one and a half times THINK.
function delay()
  if think == 0 then
    return 0
  end
  return math.floor(think * (0.5 + math.random()))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f ms rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / seconds, summary.requests, errors))
end
