-- GET BENCH_PATH<id> for random ids of the seeded customers.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

setup = common.setup
init = common.init
done = common.done

function request()
  return wrk.format(nil, common.path .. common.random_id())
end
