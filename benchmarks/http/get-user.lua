-- GET /Users/{id} of a random preloaded user.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
local users
function init(args)
  users = bench.read(os.getenv("SCIM_BENCH_USERS"))
  math.randomseed(42 + tid)
end
request = function()
  return wrk.format("GET", bench.base .. "/Users/" .. users[math.random(#users)][1])
end
