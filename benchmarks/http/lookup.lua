-- wrk script: Entra's user lookup, GET /Users?filter=userName eq "userN@example.com" for random N < 100000,
-- sent the way Entra encodes it ('+' for spaces, %22 for quotes).
local token = os.getenv("SCIM_BENCH_TOKEN") or "benchmark-token-0123456789abcdef"
wrk.headers["Authorization"] = "Bearer " .. token
math.randomseed(42)
request = function()
  local n = math.random(0, 99999)
  return wrk.format("GET", "/scim/v2/Users?filter=userName+eq+%22user" .. n .. "%40example.com%22")
end
