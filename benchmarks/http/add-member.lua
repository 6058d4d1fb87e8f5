-- Adds one member to a growing group: PATCH /Groups/{id} "Add" "members" with one {"$ref": null, "value": id}
-- as Entra sends it. Request k of the run (over all threads) adds preloaded user k mod U to group
-- (k div U) mod G, so each group grows to U members before the next one starts; only after G x U
-- requests are adds repeated (and then change nothing). SCIM_BENCH_OFFSET is the first k (run.sh passes
-- the count of requests sent before, so that each run continues where the previous one stopped).
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
local k
function init(args)
  bench.init()
  k = tonumber(os.getenv("SCIM_BENCH_OFFSET") or "0") + tid
end
request = function()
  local users, groups = bench.users, bench.groups
  local user = users[(k % #users) + 1][1]
  local group = groups[(math.floor(k / #users) % #groups) + 1][1]
  k = k + bench.threads
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add",'
    .. '"path":"members","value":[{"$ref":null,"value":"' .. user .. '"}]}]}'
  return wrk.format("PATCH", bench.base .. "/Groups/" .. group, bench.scim_json(), body)
end
