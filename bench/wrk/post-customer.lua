-- POST BENCH_PATH a new customer without a password, with an email no other request of any run uses.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

setup = common.setup
init = common.init
done = common.done

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local sent = 0

function request()
  sent = sent + 1
  local body = string.format('{"first_name":"Bench","last_name":"Poster","email":"bench-%s-%d-%d@example.com"}',
    common.run, thread_id, sent)
  return wrk.format(nil, common.path, nil, body)
end
