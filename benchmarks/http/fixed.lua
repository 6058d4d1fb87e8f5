-- wrk script: the baseline, a trivial JAX-RS endpoint on the same server returning a fixed 1 KB JSON.
local token = os.getenv("SCIM_BENCH_TOKEN") or "benchmark-token-0123456789abcdef"
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
  return wrk.format("GET", "/bench/fixed")
end
