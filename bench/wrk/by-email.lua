-- GET BENCH_PATH?email=<the email of a random seeded customer> (seeded as CustomerN@Example.com).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

setup = common.setup
init = common.init
done = common.done

function request()
  return wrk.format(nil, common.path .. "?email=Customer" .. common.random_id() .. "%40Example.com")
end
