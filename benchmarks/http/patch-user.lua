-- PATCH /Users/{id} of a random preloaded user: one "Replace" of displayName, capitalised as Entra sends it.
dofile((os.getenv("SCIM_BENCH_DIR") or "benchmarks/http") .. "/common.lua")
local users
local n = 0
function init(args)
  users = bench.read(os.getenv("SCIM_BENCH_USERS"))
  math.randomseed(42 + tid)
end
request = function()
  n = n + 1
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace",'
    .. '"path":"displayName","value":"Renamed ' .. tid .. "-" .. n .. '"}]}'
  return wrk.format("PATCH", bench.base .. "/Users/" .. users[math.random(#users)][1], bench.scim_json(), body)
end
