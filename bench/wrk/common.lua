-- Shared by every scenario script: per-thread ids and random seeds, and one machine-readable summary line.
-- Settings come from the environment: BENCH_CUSTOMERS (ids are 1..N), BENCH_PATH (the path a script builds on),
-- BENCH_RUN (a tag unique to this wrk run, for unique emails).
local common = {}

common.customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "100000")
common.path = os.getenv("BENCH_PATH") or "/"
common.run = os.getenv("BENCH_RUN") or tostring(os.time())

local threads = 0

function common.setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function common.init()
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

function common.random_id()
  return math.random(1, common.customers)
end

-- errors.status counts every answer with a status of 400 or more; the API answers no 1xx or 3xx.
function common.done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end

return common
