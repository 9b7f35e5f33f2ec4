-- wrk script for load/api-compute.sh: POSTs a realistic project file to the compute API (participants, staff costs
-- and name vary). By default every request is a different project (the name carries its number), so nothing is
-- answered from the compute cache; with DISTINCT > 0 the requests cycle through that many projects, as a form or a
-- nightly import that asks the same again does.
-- Arguments after "--": PATH (e.g. /api/v1/compute?draws=0) [DISTINCT]. The RESULT line and the thread set-up come
-- from report.lua.
dofile("load/report.lua")

function init(args)
  page = args[1] or "/api/v1/compute"
  distinct = tonumber(args[2] or "0")
  n = 0
  think = 0 -- no think time: saturation (report.lua's delay reads it)
  headers = { ["Content-Type"] = "application/json", ["Accept-Language"] = "nl" }
end

function request()
  local k = n * nthreads + id
  n = n + 1
  if distinct > 0 then k = k % distinct end
  local body = string.format(
    '{ "referenceProject": "budgetcoaching", "name": "Budgetcoaching %d", "start": "2026-01-01", "months": 12, ' ..
    '"participants": %d, "costs": { "staff": %d, "volunteers": 2000, "material": 5000, "overhead": 8000 }, ' ..
    '"phase": "plan", "answers": { "intensiteit": "zoals-referentie" } }',
    k, 20 + (k % 400), 60000 + (k % 1000))
  return wrk.format("POST", page, headers, body)
end
