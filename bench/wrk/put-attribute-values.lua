-- PUT BENCH_PATH an upsert of 10 attribute values: 10 different random customers, each a value of one of the
-- seeded string attributes (ids 3 to 5).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

setup = common.setup
init = common.init
done = common.done

wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"

local items = 10

function request()
  local first = common.random_id()
  local step = math.max(1, math.floor(common.customers / items))
  local parts = {}
  for i = 0, items - 1 do
    local customer = (first + i * step - 1) % common.customers + 1
    parts[#parts + 1] = string.format('{"customer_id":%d,"attribute_id":%d,"value":"v%d"}',
      customer, math.random(3, 5), math.random(1, 1000000))
  end
  return wrk.format(nil, common.path, nil, "[" .. table.concat(parts, ",") .. "]")
end
