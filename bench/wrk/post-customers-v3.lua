-- POST BENCH_PATH a V3 batch of 10 new customers without passwords, emails no other request of any run uses.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

setup = common.setup
init = common.init
done = common.done

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local sent = 0

function request()
  sent = sent + 1
  local items = {}
  for i = 1, 10 do
    items[i] = string.format('{"first_name":"Bench","last_name":"Batch","email":"bench-v3-%s-%d-%d-%d@example.com"}',
      common.run, thread_id, sent, i)
  end
  return wrk.format(nil, common.path, nil, "[" .. table.concat(items, ",") .. "]")
end
