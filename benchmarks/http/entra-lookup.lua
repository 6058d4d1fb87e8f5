-- Entra's user lookup: GET /Users?filter=userName eq "<userName>" for a random preloaded user, encoded as
-- Entra sends it (spaces as '+', quotes as %22, '@' as %40). One match, full User in a ListResponse.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
local users
function init(args)
  users = bench.read(os.getenv("SCIM_BENCH_USERS"))
  math.randomseed(42 + tid)
end
request = function()
  local user = users[math.random(#users)]
  return wrk.format("GET", bench.base .. "/Users?filter=" .. bench.form('userName eq "' .. user[2] .. '"'))
end
