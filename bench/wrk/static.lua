-- One fixed request (the URL given to wrk, headers from -H): only the summary line is added.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

done = common.done
