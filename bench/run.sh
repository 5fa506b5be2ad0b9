#!/usr/bin/env bash
# Benchmarks the API in Release on a throwaway PostgreSQL seeded with N customers, with wrk at 16 connections,
# beside a bare ASP.NET Core + Npgsql ceiling and json-server 0.17 serving the same customers, and writes a
# Markdown table to bench/results/. Usage: bench/run.sh [--customers N] [--duration S] [--scenario NAME[,NAME]] [--hold]
set -euo pipefail

usage() {
    cat <<EOF
Usage: bench/run.sh [--customers N] [--duration S] [--scenario NAME[,NAME...]] [--hold]
  --customers N   customers to seed (default 100000; 1000000 for the large run)
  --duration S    seconds each measured scenario runs (default 10), after a 5 s warm-up
  --scenario ...  only these scenarios (the results file then ends in .tmp, which git ignores):
                  $(tr ' ' ',' <<<"${all_scenarios[*]}")
  --hold          after the report, keep the servers and the database up until Ctrl-C, to look into them
Environment: PG_BIN (default /usr/lib/postgresql/15/bin), CEILING_DIR (default ../shared/bench/ceiling),
BENCH_PG_EXTRA (appended to the API's connection string, e.g. 'No Reset On Close=true').
EOF
}

all_scenarios=(by-id page email count v2-page-1000 post put-values v3-page v3-post)
customers=100000
duration=10
warmup=5
process_warmup=10
connections=16
scenarios=("${all_scenarios[@]}")
partial=false
hold=false
while (($#)); do
    case $1 in
        --customers) customers=${2:?}; shift 2 ;;
        --duration) duration=${2:?}; shift 2 ;;
        --scenario) IFS=, read -r -a scenarios <<<"${2:?}"; partial=true; shift 2 ;;
        --hold) hold=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done
[[ $customers =~ ^[0-9]+$ && $customers -ge 100 ]] || { echo "--customers must be a number of at least 100" >&2; exit 2; }
[[ $duration =~ ^[0-9]+$ && $duration -ge 1 ]] || { echo "--duration must be a whole number of seconds" >&2; exit 2; }
for s in "${scenarios[@]}"; do
    [[ " ${all_scenarios[*]} " == *" $s "* ]] || { echo "unknown scenario '$s'" >&2; usage >&2; exit 2; }
done

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
ceiling_dir=${CEILING_DIR:-$repo/../shared/bench/ceiling}
store=bench
token='bench-token'
json_server_version=0.17.4
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
wants() { [[ " ${scenarios[*]} " == *" $1 "* ]]; }
with_ceiling() { wants by-id || wants page || wants post; }
with_json_server() { wants by-id; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- what the run needs -------------------------------------------------------------------------------------------
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
for tool in dotnet curl "$pg_bin/initdb" "$pg_bin/pg_ctl" "$pg_bin/psql"; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
if with_ceiling; then
    [[ -f $ceiling_dir/Program.cs ]] || { echo "no ceiling at $ceiling_dir (set CEILING_DIR)" >&2; exit 1; }
fi
if with_json_server; then
    json_server=$bench/.cache/node_modules/.bin/json-server
    if [[ $(node "$json_server" --version 2>/dev/null) != "$json_server_version" ]]; then
        log "installing json-server@$json_server_version into bench/.cache"
        npm install --silent --no-audit --no-fund --prefix "$bench/.cache" "json-server@$json_server_version" >/dev/null
    fi
fi

# --- everything started here is stopped and removed on exit, whatever the reason ---------------------------------
work=$(mktemp -d /tmp/customerapi-bench.XXXXXX)
raw=$(mktemp -d /tmp/customerapi-bench-raw.XXXXXX) # wrk outputs and server logs, kept after the run
chmod 755 "$work"
pids=()
pg_data=$work/pg/data

as_postgres() { # the server refuses to run as root
    if ((EUID == 0)); then (cd "$work" && runuser -u postgres -- "$@"); else (cd "$work" && "$@"); fi
}

running() {
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [[ -n $state && $state != Z ]]
}

stop_pid() {
    local pid=$1 i
    if running "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do running "$pid" || break; sleep 0.1; done
        running "$pid" && kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do stop_pid "$pid"; done
    if [[ -f $pg_data/postmaster.pid ]]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

taken_ports=()
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 30000))
        [[ " ${taken_ports[*]} " == *" $port "* ]] && continue
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        taken_ports+=("$port")
        echo "$port"
        return
    done
}

wait_http() { # url pid log: until the url answers 2xx, or the process dies, or 5 minutes pass (json-server loads slowly)
    local url=$1 pid=$2 logfile=$3 deadline=$((SECONDS + 300))
    while ((SECONDS < deadline)); do
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        running "$pid" || break
        sleep 0.2
    done
    log "no answer from $url; its log:"
    tail -n 40 "$logfile" >&2
    exit 1
}

# --- PostgreSQL: a cluster of its own, default durability, on a free port -----------------------------------------
pg_port=$(free_port)
log "starting PostgreSQL on port $pg_port"
mkdir -p "$work/pg"
((EUID == 0)) && chown postgres:postgres "$work/pg"
as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-sync >"$raw/initdb.log"
# max_wal_size only spaces out checkpoints during the bulk load; fsync and synchronous_commit stay on
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -t 60 start \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=200 -c max_wal_size=4GB" >/dev/null
psql() { "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c 'CREATE DATABASE customerapi' -c 'CREATE DATABASE ceiling'

# --- publish (Release) ---------------------------------------------------------------------------------------------
log "publishing the API (Release)"
dotnet publish "$repo/src/CustomerApi" -c Release -o "$work/api" --nologo -v q >"$raw/publish-api.log" 2>&1 ||
    { tail -n 30 "$raw/publish-api.log" >&2; exit 1; }
if with_ceiling; then
    log "publishing the ceiling (Release)"
    cp -r "$ceiling_dir" "$work/ceiling-src" && chmod -R u+w "$work/ceiling-src"
    dotnet publish "$work/ceiling-src" -c Release -o "$work/ceiling" --nologo -v q >"$raw/publish-ceiling.log" 2>&1 ||
        { tail -n 30 "$raw/publish-ceiling.log" >&2; exit 1; }
fi

api_port=$(free_port)
api_url=http://127.0.0.1:$api_port
api_pid=
start_api() {
    env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        Storage__Provider=Postgres \
        ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=customerapi;Maximum Pool Size=64${BENCH_PG_EXTRA:+;$BENCH_PG_EXTRA}" \
        Bootstrap__Stores__0__Hash=$store Bootstrap__Stores__0__Tokens__0__AccessToken=$token \
        Bootstrap__Stores__0__Tokens__0__Scopes__0=store_v2_customers \
        RateLimit__RequestsPerWindow=1000000000 \
        dotnet "$work/api/CustomerApi.dll" --urls "$api_url" >>"$raw/api.log" 2>&1 &
    api_pid=$!
    pids+=("$api_pid")
    wait_http "$api_url/health" "$api_pid" "$raw/api.log"
}

# --- seed: the API makes the schema and the store, then SQL loads the customers in bulk ---------------------------
log "migrating and creating store '$store'"
start_api
stop_pid "$api_pid"

log "seeding $customers customers"
t0=$(now)
psql -d customerapi -v n="$customers" -v store="$store" -c '\timing on' -e -f "$bench/sql/seed-api.sql" >"$raw/seed-api.log"
seed_seconds=$(seconds_since "$t0")
log "seeded the API's database in $seed_seconds s"
if with_ceiling; then
    t0=$(now)
    psql -d ceiling -v n="$customers" -c '\timing on' -e -f "$bench/sql/seed-ceiling.sql" >"$raw/seed-ceiling.log"
    ceiling_seed_seconds=$(seconds_since "$t0")
    log "seeded the ceiling's table in $ceiling_seed_seconds s"
fi
# The bulk load left the cluster's buffers dirty: write them out now, so that no checkpoint of the seed lands in a
# measured scenario (at 1,000,000 customers the email and count p99 were 23-49 ms without this, 15-17 ms with it).
psql -d postgres -qc 'CHECKPOINT'

# --- the servers under test -----------------------------------------------------------------------------------------
log "starting the API (Release) at $api_url"
start_api
[[ $(tr '\0' ' ' <"/proc/$api_pid/cmdline") == *CustomerApi.dll* ]] || { log "pid $api_pid is not the API process"; exit 1; }

if with_ceiling; then
    ceiling_port=$(free_port)
    ceiling_url=http://127.0.0.1:$ceiling_port
    log "starting the ceiling at $ceiling_url"
    env ASPNETCORE_ENVIRONMENT=Production dotnet "$work/ceiling/Ceiling.dll" --urls "$ceiling_url" \
        PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ceiling;Maximum Pool Size=64" >"$raw/ceiling.log" 2>&1 &
    ceiling_pid=$!
    pids+=("$ceiling_pid")
    wait_http "$ceiling_url/pg/customers/1" "$ceiling_pid" "$raw/ceiling.log"
fi
if with_json_server; then
    log "exporting the customers for json-server"
    psql -d customerapi -v store="$store" -v base="$api_url/stores/$store/v2" \
        -f "$bench/sql/json-server-customers.sql" >"$work/customers.jsonl"
    json_port=$(free_port)
    json_url=http://127.0.0.1:$json_port
    log "starting json-server $json_server_version at $json_url"
    env BENCH_JSONL="$work/customers.jsonl" NODE_OPTIONS=--max-old-space-size=8192 \
        node "$json_server" --quiet --port "$json_port" --host 127.0.0.1 "$bench/json-server/db.js" >"$raw/json-server.log" 2>&1 &
    json_pid=$!
    pids+=("$json_pid")
    wait_http "$json_url/customers/1" "$json_pid" "$raw/json-server.log"
fi

# --- scenarios ------------------------------------------------------------------------------------------------------
declare -A rps p50 p99 rss non2xx_of socket_errors_of
v2=/stores/$store/v2
v3=/stores/$store/v3

# One request made with curl before the load: a benchmark of error answers would measure nothing.
check() { # method url [body]
    local status
    status=$(curl -sS -o "$raw/check.body" -w '%{http_code}' -X "$1" -H "X-Auth-Token: $token" \
        -H "Accept: application/json" -H "Content-Type: application/json" ${3:+--data "$3"} "$2")
    [[ $status == 2?? ]] || { log "$1 $2 answered $status: $(head -c 500 "$raw/check.body")"; exit 1; }
}

# The plan, in the order it runs (each comparison beside the API's own figure): label|server|url path|script|BENCH_PATH
plan=()
if wants by-id; then
    check GET "$api_url$v2/customers/$customers"
    plan+=("ceiling: GET by id|ceiling|/pg/customers/1|by-id.lua|/pg/customers/"
        "API: GET by id|api|$v2/customers/1|by-id.lua|$v2/customers/"
        "json-server: GET by id|json-server|/customers/1|by-id.lua|/customers/")
fi
if wants page; then
    check GET "$api_url$v2/customers?page=1&limit=50"
    plan+=("ceiling: page of 50|ceiling|/pg/customers?limit=50|static.lua|/"
        "API: page of 50|api|$v2/customers?page=1&limit=50|static.lua|/")
fi
if wants email; then
    check GET "$api_url$v2/customers?email=Customer1%40Example.com"
    plan+=("API: GET filtered by email|api|$v2/customers|by-email.lua|$v2/customers")
fi
if wants count; then
    check GET "$api_url$v2/customers/count"
    plan+=("API: GET count|api|$v2/customers/count|static.lua|/")
fi
if wants v2-page-1000; then
    ((customers >= 50000)) || log "warning: page 1000 of 50 is past the end below 50000 customers (204, no rows)"
    check GET "$api_url$v2/customers?page=1000&limit=50"
    plan+=("API: V2 list, page 1000|api|$v2/customers?page=1000&limit=50|static.lua|/")
fi
if wants post; then
    check POST "$api_url$v2/customers" '{"first_name":"Bench","last_name":"Check","email":"bench-check@example.com"}'
    plan+=("ceiling: POST customer|ceiling|/pg/customers|post-customer.lua|/pg/customers"
        "API: POST customer|api|$v2/customers|post-customer.lua|$v2/customers")
fi
if wants put-values; then
    check PUT "$api_url$v3/customers/attribute-values" '[{"customer_id":1,"attribute_id":3,"value":"check"}]'
    plan+=("API: PUT 10 attribute values|api|$v3/customers/attribute-values|put-attribute-values.lua|$v3/customers/attribute-values")
fi

if wants v3-page; then
    check GET "$api_url$v3/customers?limit=50&include=addresses"
    plan+=("API: V3 page of 50 with addresses|api|$v3/customers?limit=50&include=addresses|static.lua|/")
fi
if wants v3-post; then
    check POST "$api_url$v3/customers" '[{"first_name":"Bench","last_name":"Check","email":"bench-v3-check@example.com"}]'
    plan+=("API: V3 POST batch of 10 customers|api|$v3/customers|post-customers-v3.lua|$v3/customers")
fi

pid_of() { case $1 in api) echo "$api_pid" ;; ceiling) echo "$ceiling_pid" ;; *) echo "$json_pid" ;; esac; }
url_of() { case $1 in api) echo "$api_url" ;; ceiling) echo "$ceiling_url" ;; *) echo "$json_url" ;; esac; }

drive() { # seconds output-file url script bench-path [wrk options]
    local seconds=$1 out=$2 url=$3 script=$4 path=$5
    shift 5
    BENCH_WRK_DIR=$bench/wrk BENCH_CUSTOMERS=$customers BENCH_PATH=$path BENCH_RUN="r$(date +%s%N)" \
        wrk -t2 "-c$connections" --timeout 10s -H "Accept: application/json" -H "X-Auth-Token: $token" \
        -s "$bench/wrk/$script" "-d${seconds}s" "$@" "$url" >"$out"
}

measure() { # label server url-path script bench-path
    local label=$1 pid url file line requests duration_us p50_us p99_us non2xx socket_errors
    pid=$(pid_of "$2")
    url=$(url_of "$2")$3
    file=$raw/$(tr -cs 'a-zA-Z0-9' - <<<"$label" | sed 's/-$//')
    log "$label: ${warmup} s warm-up, ${duration} s measured"
    echo 5 >"/proc/$pid/clear_refs"
    drive "$warmup" "$file.warmup.txt" "$url" "$4" "$5"
    drive "$duration" "$file.txt" "$url" "$4" "$5" --latency
    line=$(grep '^BENCH ' "$file.txt") || { log "no summary from wrk for $label"; cat "$file.txt" >&2; exit 1; }
    read -r requests duration_us p50_us p99_us non2xx socket_errors <<<"$(sed -E 's/^BENCH //; s/[a-z0-9_]+=//g' <<<"$line")"
    rps[$label]=$(awk -v r="$requests" -v d="$duration_us" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
    p50[$label]=$(awk -v u="$p50_us" 'BEGIN { printf "%.2f", u / 1000 }')
    p99[$label]=$(awk -v u="$p99_us" 'BEGIN { printf "%.2f", u / 1000 }')
    non2xx_of[$label]=$non2xx
    socket_errors_of[$label]=$socket_errors
    rss[$label]=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    log "$label: ${rps[$label]} req/s, p50 ${p50[$label]} ms, p99 ${p99[$label]} ms, peak ${rss[$label]} MB, non-2xx $non2xx, socket errors $socket_errors"
}

# A fresh .NET process runs its first seconds on unoptimised (tier-0) code, and more so on a busy machine: every
# request of the plan is driven once before anything is measured, so the first scenario is not the one that pays.
log "warming up: every scenario ${process_warmup} s before the measurements"
for entry in "${plan[@]}"; do
    IFS='|' read -r label server target script path <<<"$entry"
    drive "$process_warmup" "$raw/process-warmup.txt" "$(url_of "$server")$target" "$script" "$path"
done

rows=()
for entry in "${plan[@]}"; do
    IFS='|' read -r label server target script path <<<"$entry"
    measure "$label" "$server" "$target" "$script" "$path"
    rows+=("$label")
done

# --- the report -----------------------------------------------------------------------------------------------------
p99_target=20
rss_target=300
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

table_row() {
    local label=$1 kind=${1#*: } ratios=() targets=() misses=() other r need
    if [[ $label == API:* && ($kind == "GET by id" || $kind == "page of 50" || $kind == "POST customer") ]]; then
        other="ceiling: $kind"
        if [[ -n ${rps[$other]:-} ]]; then
            r=$(ratio "${rps[$label]}" "${rps[$other]}")
            case $kind in "GET by id") need=0.8 ;; "page of 50") need=0.7 ;; *) need=0.5 ;; esac
            ratios+=("${r}× ceiling")
            targets+=("≥ ${need}× ceiling")
            at_least "$r" "$need" || misses+=("ceiling ratio")
            if [[ $kind == "POST customer" ]]; then
                r=$(ratio "${p99[$label]}" "${p99[$other]}")
                ratios+=("p99 ${r}× ceiling's")
                targets+=("p99 ≤ 2× ceiling's")
                awk -v a="$r" 'BEGIN { exit !(a <= 2) }' || misses+=("p99 ratio")
            fi
        fi
        other="json-server: $kind"
        if [[ -n ${rps[$other]:-} ]]; then
            r=$(ratio "${rps[$label]}" "${rps[$other]}")
            ratios+=("${r}× json-server")
            if [[ $kind == "GET by id" ]]; then
                targets+=("≥ 3× json-server")
                at_least "$r" 3 || misses+=("json-server ratio")
            fi
        fi
    fi
    local met=""
    if [[ $label == API:* ]]; then
        targets+=("p99 < $p99_target ms" "RSS < $rss_target MB")
        below "${p99[$label]}" "$p99_target" || misses+=("p99")
        below "${rss[$label]}" "$rss_target" || misses+=("RSS")
        ((non2xx_of[$label] == 0)) || misses+=("non-2xx")
        ((socket_errors_of[$label] == 0)) || misses+=("socket errors")
        met=yes
        ((${#misses[@]} == 0)) || met="**no**: $(joined "${misses[@]}")"
    fi
    local answers=${non2xx_of[$label]}
    ((socket_errors_of[$label] == 0)) || answers+=" (+${socket_errors_of[$label]} socket errors)"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "${rps[$label]}" "${p50[$label]}" \
        "${p99[$label]}" "${rss[$label]}" "$answers" "$(joined "${ratios[@]}")" "$(joined "${targets[@]}")" "$met"
}
joined() { local IFS='|' all; all="$*"; echo "${all//|/, }"; }

day=$(date +%F)
results_dir=$bench/results
mkdir -p "$results_dir"
results=$results_dir/$day-$customers-customers.md
$partial && results=$results_dir/$day-$customers-customers-$(IFS=-; echo "${scenarios[*]}").tmp
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
[[ -z $(git -C "$repo" status --porcelain -- src 2>/dev/null) ]] || commit+=" (src/ with uncommitted changes)"
{
    printf '# Benchmark: %s customers, %s\n\n' "$customers" "$day"
    printf -- '- Date: %s\n' "$(date -u '+%F %H:%M UTC')"
    printf -- '- Machine: %s cores (nproc), %s, %s GiB memory; load average before the run %s\n' "$(nproc)" \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
        "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "$load_before"
    printf -- '- Commit: %s; API published in Release, PostgreSQL %s on the same machine (fsync on, shared_buffers 256MB)\n' \
        "$commit" "$("$pg_bin/postgres" --version | awk '{ print $3 }')"
    printf -- '- Customers: %s, seeded in %s s (plus one attribute value and one address each)%s\n' "$customers" "$seed_seconds" \
        "${ceiling_seed_seconds:+; the ceiling table in $ceiling_seed_seconds s}"
    printf -- '- Load: wrk -t2 -c%s; every scenario first driven %s s to warm the processes up, then per scenario %s s warm-up and %s s measured\n\n' \
        "$connections" "$process_warmup" "$warmup" "$duration"
    printf '| scenario | req/s | p50 ms | p99 ms | peak RSS MB | non-2xx | ratio | target | met? |\n'
    printf '|---|---:|---:|---:|---:|---:|---|---|---|\n'
    for label in "${rows[@]}"; do table_row "$label"; done
    cat <<EOF

Ratios are requests/s against the same request on the ceiling (a bare ASP.NET Core + Npgsql endpoint,
\`../shared/bench/ceiling\`) and on json-server $json_server_version, measured in this run. Peak RSS is the process's VmHWM
during the scenario (reset before its warm-up). non-2xx counts answers of 400 or more (the servers answer no 1xx
or 3xx); socket errors (wrk's 10 s timeout included) are shown beside it.
EOF
} >"$results"
cat "$results"
log "results: ${results#"$repo"/}; raw wrk outputs and logs: $raw; whole run $(($(date +%s) - started)) s"
if $hold; then
    log "holding (Ctrl-C ends): API $api_url (X-Auth-Token: $token), psql -h 127.0.0.1 -p $pg_port -U postgres customerapi"
    sleep infinity &
    pids+=("$!")
    wait "$!"
fi
