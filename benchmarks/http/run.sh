#!/usr/bin/env bash
# The example server's HTTP benchmark (issue 12): starts the shaded example server pinned to one core,
# preloads users through the SCIM API (Bulk, RFC 7644 §3.7), then drives wrk pinned to another core
# through five workloads, each with a warm-up and a measured period, and prints requests/s, p50, p99,
# non-2xx responses and the server's CPU time per request. Optionally nginx serving a 1 KB file on the
# same core, as a baseline. Stops everything it started at the end, on error and on Ctrl-C.
#
#   mvn -B -ntp package -DskipTests            # once, builds examples/target/scim-example-server.jar
#   benchmarks/http/run.sh                     # memory store, defaults below
#   benchmarks/http/run.sh --store h2 --nginx  # the default H2 store (in a temporary directory), plus nginx
#   benchmarks/http/run.sh --help
#
# Needs: java 17+, wrk 4, curl, jq, taskset (util-linux); nginx for --nginx.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

jar="$root/examples/target/scim-example-server.jar"
store="memory"
users=10000
groups=10
warmup=3
prewarm=0
duration=10
connections=16
threads=1
server_core=1
wrk_core=0
port=18480
workloads="lookup,get,patch,member,create"
nginx=0
jetty_floor=0
floor_jar="$root/benchmarks/target/benchmarks.jar"
audit_log="on"
java_opts="${JAVA_OPTS:-}"
server_args=""
keep=0
csv=""

usage() {
  cat <<EOF
Usage: $0 [options]
  --jar FILE            example server jar (default: examples/target/scim-example-server.jar)
  --store memory|h2     the server's store; h2 is the default store of the example server, here in a
                        fresh temporary directory (default: $store)
  --users N             users preloaded before the workloads (default: $users)
  --groups N            groups created for the member workload (default: $groups)
  --warmup SECONDS      warm-up per workload, not measured (default: $warmup)
  --prewarm SECONDS     before all workloads, run each of them this long, not measured, so that the JIT
                        has compiled the whole request path (default: $prewarm; 20-30 on one core)
  --duration SECONDS    measured period per workload (default: $duration)
  --connections N       wrk connections (default: $connections)
  --threads N           wrk threads (default: $threads)
  --server-core N       the CPU the server (and nginx) runs on (default: $server_core)
  --wrk-core N          the CPU wrk runs on (default: $wrk_core)
  --port N              the server's port; nginx uses N+1 (default: $port)
  --workloads LIST      comma-separated, any of lookup,get,patch,member,create (default: all five)
  --nginx               also measure nginx serving a 1 KB file on the server's core
  --jetty-floor         also measure Jetty alone (benchmarks module's JettyFloor: same Jetty, no Jersey, no
                        SCIM, a fixed 1 KB body) on the server's core, with the server's JVM options; needs
                        benchmarks/target/benchmarks.jar (mvn -pl benchmarks -am package -DskipTests)
  --audit-log on|off    the server's --audit-log (default: $audit_log)
  --java-opts "..."     JVM options for the server (default: \$JAVA_OPTS, else none)
  --server-args "..."   more options for the server, e.g. "--max-threads 16"
  --csv FILE            also append the rows to FILE (label,workload,rps,p50_ms,p99_ms,non2xx,cpu_us)
  --keep                keep the temporary directory (server log, ids, wrk output)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --store) store="$2"; shift 2 ;;
    --users) users="$2"; shift 2 ;;
    --groups) groups="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --prewarm) prewarm="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --server-core) server_core="$2"; shift 2 ;;
    --wrk-core) wrk_core="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --nginx) nginx=1; shift ;;
    --jetty-floor) jetty_floor=1; shift ;;
    --audit-log) audit_log="$2"; shift 2 ;;
    --java-opts) java_opts="$2"; shift 2 ;;
    --server-args) server_args="$2"; shift 2 ;;
    --csv) csv="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

for tool in java wrk curl jq taskset; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
[[ -f "$jar" ]] || { echo "no $jar: run 'mvn -B -ntp package -DskipTests' first" >&2; exit 2; }
case "$store" in memory|h2) ;; *) echo "--store is memory or h2" >&2; exit 2 ;; esac

work="$(mktemp -d "${TMPDIR:-/tmp}/scim-http-bench.XXXXXX")"
server_pid=""
nginx_pid=""
floor_pid=""

stop_pid() { # SIGTERM, then SIGKILL after 15 s
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  trap - EXIT INT TERM
  stop_pid "$server_pid"
  stop_pid "$nginx_pid"
  stop_pid "$floor_pid"
  if [[ $keep == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# The token goes to the server and to wrk through the environment, never on a command line.
export SCIM_BENCH_TOKEN="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SCIM_BENCH_DIR="$here"
export SCIM_BENCH_BASE="/scim/v2"
export SCIM_BENCH_THREADS="$threads"
run="$(date +%s)"
export SCIM_BENCH_USERS="$work/users.txt"
export SCIM_BENCH_GROUPS="$work/groups.txt"
base="http://127.0.0.1:$port/scim/v2"
auth_header="$work/auth-header"
printf 'Authorization: Bearer %s\n' "$SCIM_BENCH_TOKEN" > "$auth_header"

scim() { # scim METHOD PATH [curl args...]: prints the body, fails on a non-2xx status
  local method="$1" path="$2"; shift 2
  curl -sS --fail-with-body -X "$method" -H @"$auth_header" -H 'Content-Type: application/scim+json' \
    "$base$path" "$@"
}

cpu_ticks() { # utime + stime of a process, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

case "$store" in
  memory) store_arg="memory" ;;
  h2) mkdir -p "$work/scim-data"; store_arg="h2:$work/scim-data" ;;
esac

echo "server: $jar --store $store (audit log $audit_log) $server_args on CPU $server_core; JVM options: ${java_opts:-(none)}" >&2
# shellcheck disable=SC2086 # java_opts and server_args are lists of options
SCIM_TOKEN="$SCIM_BENCH_TOKEN" taskset -c "$server_core" java $java_opts -jar "$jar" \
  --port "$port" --store "$store_arg" --audit-log "$audit_log" $server_args > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "the server is not ready" >&2; exit 1; }

# Preload: Bulk requests of up to 1000 POST /Users each (the server's default bulk.maxOperations), in the
# body Entra sends; the ids come back in each operation's location.
echo "preloading $users users and $groups groups ..." >&2
: > "$SCIM_BENCH_USERS"
for ((from = 0; from < users; from += 1000)); do
  to=$(( from + 1000 < users ? from + 1000 : users ))
  jq -cn --argjson from "$from" --argjson to "$to" '{
    schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
    Operations: [range($from; $to) as $n | ("bench-\($n)@example.com") as $u | {
      method: "POST", path: "/Users", bulkId: "u\($n)",
      data: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        externalId: "ext-\($u)", userName: $u, active: true, displayName: "Bench User \($n)",
        emails: [{primary: true, type: "work", value: $u}],
        meta: {resourceType: "User"},
        name: {formatted: "Bench User \($n)", familyName: "User \($n)", givenName: "Bench"},
        roles: [],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
          {employeeNumber: "\($n)", department: "Department \($n % 50)"}}}]}' > "$work/bulk.json"
  scim POST /Bulk --data-binary @"$work/bulk.json" > "$work/bulk-response.json"
  jq -r '.Operations[] | select(.status == "201") | "\(.location | sub(".*/"; "")) bench-\(.bulkId[1:])@example.com"' \
    "$work/bulk-response.json" >> "$SCIM_BENCH_USERS"
done
loaded=$(wc -l < "$SCIM_BENCH_USERS")
[[ $loaded == "$users" ]] || { echo "only $loaded of $users users were created:" >&2; head -c 2000 "$work/bulk-response.json" >&2; exit 1; }
: > "$SCIM_BENCH_GROUPS"
for ((g = 0; g < groups; g++)); do
  scim POST /Groups -d "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"bench-group-$g-$run\"}" \
    | jq -r .id >> "$SCIM_BENCH_GROUPS"
done

script_of() {
  case "$1" in
    lookup) echo entra-lookup.lua ;; get) echo get-user.lua ;; patch) echo patch-user.lua ;;
    member) echo add-member.lua ;; create) echo create-user.lua ;; nginx|jetty) echo nginx.lua ;;
    *) echo "unknown workload $1" >&2; exit 2 ;;
  esac
}

label_of() {
  case "$1" in
    lookup) echo 'Entra lookup GET /Users?filter=userName eq' ;; get) echo 'GET /Users/{id}' ;;
    patch) echo 'PATCH /Users/{id} Replace displayName' ;; member) echo 'PATCH /Groups/{id} add 1 member' ;;
    create) echo 'POST /Users (Entra body)' ;; nginx) echo 'nginx, 1 KB file' ;;
    jetty) echo 'Jetty alone, 1 KB body' ;;
  esac
}

field() { # field NAME < RESULT line
  sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p"
}

rows=()
# The member workload's next sequence number: each run continues with the users after those the
# previous runs added, so that every measured request adds a new member.
offset=0
measure() { # measure WORKLOAD URL PID
  local workload="$1" url="$2" pid="$3" script result before after requests
  script="$here/$(script_of "$workload")"
  echo "$workload: ${warmup} s warm-up, ${duration} s measured ..." >&2
  SCIM_BENCH_OFFSET=$offset SCIM_BENCH_RUN="$run-$workload-w" \
    taskset -c "$wrk_core" wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$script" "$url" \
    > "$work/$workload-warmup.txt" 2>&1
  offset=$(( offset + $(field requests < "$work/$workload-warmup.txt") + connections ))
  export SCIM_BENCH_OFFSET=$offset
  before=$(cpu_ticks "$pid")
  SCIM_BENCH_RUN="$run-$workload-m" taskset -c "$wrk_core" wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s "$script" "$url" \
    > "$work/$workload.txt" 2>&1
  after=$(cpu_ticks "$pid")
  offset=$(( offset + $(field requests < "$work/$workload.txt") + connections ))
  result=$(grep '^RESULT ' "$work/$workload.txt") || { cat "$work/$workload.txt" >&2; exit 1; }
  requests=$(field requests <<< "$result")
  local hz; hz=$(getconf CLK_TCK)
  rows+=("$(printf '%-40s %9.0f %8.2f %8.2f %8.2f %8d %7d %9.0f' "$(label_of "$workload")" \
    "$(field rps <<< "$result")" \
    "$(echo "$(field p50_us <<< "$result") / 1000" | bc -l)" \
    "$(echo "$(field p99_us <<< "$result") / 1000" | bc -l)" \
    "$(echo "$(field max_us <<< "$result") / 1000" | bc -l)" \
    "$(field non2xx <<< "$result")" "$(field socket_errors <<< "$result")" \
    "$(echo "($after - $before) * 1000000 / $hz / ($requests + 1)" | bc -l)")")
  if [[ -n "$csv" ]]; then
    echo "$store,$workload,$(field rps <<< "$result"),$(field p50_us <<< "$result"),$(field p99_us <<< "$result"),$(field non2xx <<< "$result"),$(echo "($after - $before) * 1000000 / $hz / ($requests + 1)" | bc -l | cut -d. -f1)" >> "$csv"
  fi
  grep -q '^non-2xx' "$work/$workload.txt" && grep '^non-2xx' "$work/$workload.txt" | head -3 >&2 || true
}

IFS=',' read -r -a selected <<< "$workloads"
if [[ $prewarm -gt 0 ]]; then
  for workload in "${selected[@]}"; do
    echo "$workload: ${prewarm} s pre-warm-up ..." >&2
    SCIM_BENCH_OFFSET=$offset SCIM_BENCH_RUN="$run-$workload-p" \
      taskset -c "$wrk_core" wrk -t"$threads" -c"$connections" -d"${prewarm}s" -s "$here/$(script_of "$workload")" \
      "http://127.0.0.1:$port" > "$work/$workload-prewarm.txt" 2>&1
    offset=$(( offset + $(field requests < "$work/$workload-prewarm.txt") + connections ))
  done
fi
for workload in "${selected[@]}"; do
  measure "$workload" "http://127.0.0.1:$port" "$server_pid"
done

if [[ $nginx == 1 ]]; then
  command -v nginx >/dev/null || { echo "nginx is not installed" >&2; exit 2; }
  mkdir -p "$work/nginx/www" "$work/nginx/tmp"
  head -c 1024 /dev/zero | tr '\0' 'x' > "$work/nginx/www/1k.json"
  cat > "$work/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server { listen 127.0.0.1:$((port + 1)); root $work/nginx/www; }
}
EOF
  taskset -c "$server_core" nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" > "$work/nginx/out.log" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$((port + 1))/1k.json" && break; sleep 0.1; done
  measure nginx "http://127.0.0.1:$((port + 1))" "$nginx_pid"
fi

if [[ $jetty_floor == 1 ]]; then
  [[ -f "$floor_jar" ]] || { echo "no $floor_jar: run 'mvn -B -ntp -pl benchmarks -am package -DskipTests' first" >&2; exit 2; }
  # shellcheck disable=SC2086 # java_opts is a list of options
  taskset -c "$server_core" java $java_opts -cp "$floor_jar" io.scimkit.benchmarks.http.JettyFloor $((port + 2)) \
    > "$work/jetty-floor.log" 2>&1 &
  floor_pid=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$((port + 2))/1k.json" && break; sleep 0.1; done
  if [[ $prewarm -gt 0 ]]; then
    taskset -c "$wrk_core" wrk -t"$threads" -c"$connections" -d"${prewarm}s" -s "$here/nginx.lua" \
      "http://127.0.0.1:$((port + 2))" > "$work/jetty-prewarm.txt" 2>&1
  fi
  measure jetty "http://127.0.0.1:$((port + 2))" "$floor_pid"
fi

echo
echo "store $store, $users users, audit log $audit_log, pre-warm-up ${prewarm} s per workload, wrk -t$threads -c$connections on CPU $wrk_core, server on CPU $server_core, ${warmup} s warm-up + ${duration} s"
printf '%-40s %9s %8s %8s %8s %8s %7s %9s\n' workload 'req/s' 'p50 ms' 'p99 ms' 'max ms' 'non-2xx' 'sockerr' 'CPU us/req'
printf '%s\n' "${rows[@]}"
echo "(CPU us/req: the server's user+system CPU time during the measured period divided by the requests answered; load average $(cut -d' ' -f1-3 /proc/loadavg))"
