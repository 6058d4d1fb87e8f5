-- The baseline: nginx serving a 1 KB static file.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
wrk.headers["Authorization"] = nil
request = function()
  return wrk.format("GET", "/1k.json")
end
