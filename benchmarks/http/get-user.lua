-- GET /Users/{id} of a random preloaded user.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
request = function()
  return wrk.format("GET", bench.base .. "/Users/" .. bench.random_user()[1])
end
