-- Shared by the workload scripts of run.sh (loaded with dofile; wrk runs every script once per thread
-- and once more for setup/done). Environment:
--   SCIM_BENCH_TOKEN    bearer token
--   SCIM_BENCH_BASE     SCIM base path (default /scim/v2)
--   SCIM_BENCH_USERS    file of "id userName" lines (the preloaded users)
--   SCIM_BENCH_GROUPS   file of group ids, one a line
--   SCIM_BENCH_THREADS  wrk's -t, so that threads pick disjoint sequence numbers
--   SCIM_BENCH_RUN      a run id that makes created userNames unique across runs
-- Every response is checked: a status outside 200-299 is counted, and done() prints one RESULT line
-- that run.sh turns into the table. A workload that fails fast therefore cannot look fast.

bench = {}
bench.token = os.getenv("SCIM_BENCH_TOKEN") or "benchmark-token-0123456789abcdef"
bench.base = os.getenv("SCIM_BENCH_BASE") or "/scim/v2"
bench.threads = tonumber(os.getenv("SCIM_BENCH_THREADS") or "1")
bench.run = os.getenv("SCIM_BENCH_RUN") or tostring(os.time())

wrk.headers["Authorization"] = "Bearer " .. bench.token
wrk.headers["Accept"] = "application/scim+json"

-- Lines of a file as arrays of whitespace-separated fields.
function bench.read(path)
  local rows = {}
  if path == nil then return rows end
  local file = io.open(path, "r")
  if file == nil then error("cannot read " .. path) end
  for line in file:lines() do
    local row = {}
    for field in line:gmatch("%S+") do row[#row + 1] = field end
    if #row > 0 then rows[#rows + 1] = row end
  end
  file:close()
  return rows
end

-- Form encoding as Entra sends a filter: unreserved characters kept, space as '+', the rest %XX.
function bench.form(text)
  return (text:gsub("[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end)
      :gsub(" ", "+"))
end

function bench.json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

-- The user body Entra sends on create (default shape, enterprise extension), for userName `name`.
function bench.entra_user(name, n)
  local display = "Bench User " .. n
  return '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",'
    .. '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],'
    .. '"externalId":' .. bench.json_string("ext-" .. name) .. ','
    .. '"userName":' .. bench.json_string(name) .. ',"active":true,'
    .. '"displayName":' .. bench.json_string(display) .. ','
    .. '"emails":[{"primary":true,"type":"work","value":' .. bench.json_string(name) .. '}],'
    .. '"meta":{"resourceType":"User"},'
    .. '"name":{"formatted":' .. bench.json_string(display) .. ',"familyName":"User ' .. n .. '","givenName":"Bench"},'
    .. '"roles":[],'
    .. '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"' .. n .. '",'
    .. '"department":"Department ' .. (n % 50) .. '"}}'
end

-- A fresh header table per request: wrk.format uses the table it is given instead of wrk.headers and
-- writes Content-Length into it, so a shared table would carry a stale length.
function bench.scim_json()
  local headers = { ["Content-Type"] = "application/scim+json" }
  for name, value in pairs(wrk.headers) do headers[name] = value end
  return headers
end

-- Per thread, at start: the preloaded users and groups, and a random sequence of its own.
function bench.init()
  bench.users = bench.read(os.getenv("SCIM_BENCH_USERS"))
  bench.groups = bench.read(os.getenv("SCIM_BENCH_GROUPS"))
  math.randomseed(42 + tid)
end

-- A random preloaded user: { id, userName }.
function bench.random_user()
  return bench.users[math.random(#bench.users)]
end

function init(args)
  bench.init()
end

-- Per thread: its number (set by setup) and the count of non-2xx responses.
tid = 0
non2xx = 0
local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  threads[#threads + 1] = thread
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 3 then
      io.stderr:write("non-2xx " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + (thread:get("non2xx") or 0) end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    bad, e.connect + e.read + e.write + e.timeout))
end
