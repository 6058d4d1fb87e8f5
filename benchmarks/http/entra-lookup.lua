-- Entra's user lookup: GET /Users?filter=userName eq "<userName>" for a random preloaded user, encoded as
-- Entra sends it (spaces as '+', quotes as %22, '@' as %40). One match, full User in a ListResponse.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
request = function()
  local name = bench.random_user()[2]
  return wrk.format("GET", bench.base .. "/Users?filter=" .. bench.form('userName eq "' .. name .. '"'))
end
