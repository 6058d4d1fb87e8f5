-- PATCH /Users/{id} of a random preloaded user: one "Replace" of displayName, capitalised as Entra sends it.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
local n = 0
request = function()
  n = n + 1
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace",'
    .. '"path":"displayName","value":"Renamed ' .. tid .. "-" .. n .. '"}]}'
  return wrk.format("PATCH", bench.base .. "/Users/" .. bench.random_user()[1], bench.scim_json(), body)
end
