-- POST /Users with the body Entra sends (enterprise extension), a new userName each time.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
local n = 0
request = function()
  n = n + 1
  local name = "post-" .. bench.run .. "-" .. tid .. "-" .. n .. "@example.com"
  return wrk.format("POST", bench.base .. "/Users", bench.scim_json(), bench.entra_user(name, n))
end
