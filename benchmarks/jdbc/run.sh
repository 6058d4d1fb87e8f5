#!/usr/bin/env bash
# The JDBC store scaling benchmark of BENCHMARKS.md (issue 7): one tenant with <users> users and a group of
# <members> members in PostgreSQL, Entra's lookups and add-member PATCH measured over HTTP through the example
# server. Needs a local PostgreSQL (.ci/postgres.sh) and, from the repository root,
# `mvn -B -q -ntp -pl examples,benchmarks -am package -DskipTests`. Run as root (creates the database).
# Usage: benchmarks/jdbc/run.sh <users> <members> [seconds] [threads]
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=$1 MEMBERS=$2 SECONDS_EACH=${3:-20} THREADS=${4:-4}
DB=scimbench PORT=18600
TENANT="bench-$USERS"
export SCIM_TOKEN="bench-token-0123456789-$USERS" SCIM_DB_USER=scimkit SCIM_DB_PASSWORD=scimkit PGPASSWORD=scimkit
su postgres -c "psql -q -c 'CREATE DATABASE $DB OWNER scimkit'" 2>/dev/null || true
PSQL=(psql -q -h 127.0.0.1 -U scimkit "$DB")
TENANTS=$(mktemp) && chmod 600 "$TENANTS" && echo "$TENANT=$SCIM_TOKEN" > "$TENANTS"
unset SCIM_TOKEN_FILE
TOKEN=$SCIM_TOKEN; unset SCIM_TOKEN   # --tenants and SCIM_TOKEN exclude each other
java -Xmx1g -jar examples/target/scim-example-server.jar --port $PORT \
    --store "jdbc:postgresql://127.0.0.1:5432/$DB" --tenants "$TENANTS" > /tmp/scim-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$TENANTS"' EXIT
BASE="http://127.0.0.1:$PORT/scim/v2"
for _ in $(seq 1 60); do curl -sf "$BASE/ServiceProviderConfig" >/dev/null && break; sleep 1; done
"${PSQL[@]}" -c "DELETE FROM scim_resource WHERE tenant = '$TENANT'"
H=(-s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/scim+json")
TMPL=$(curl "${H[@]}" -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"tmpl@example.com","externalId":"tmpl-ext","active":true,"displayName":"Template User","emails":[{"type":"work","primary":true,"value":"tmpl@example.com"}]}' "$BASE/Users" | sed 's/.*"id":"\([^"]*\)".*/\1/')
GROUP=$(curl "${H[@]}" -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"big-group"}' "$BASE/Groups" | sed 's/.*"id":"\([^"]*\)".*/\1/')
curl "${H[@]}" -X PATCH -d "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"$TMPL\"}]}]}" "$BASE/Groups/$GROUP" >/dev/null
START=$(date +%s)
su postgres -c "psql -q -d $DB -v tenant=$TENANT -v users=$USERS -v members=$MEMBERS -f -" < benchmarks/jdbc/populate.sql
echo "populated $USERS users, group of $MEMBERS members in $(( $(date +%s) - START )) s"
"${PSQL[@]}" -At -c "SELECT 'users in tenant: ' || count(*) FROM scim_resource WHERE tenant = '$TENANT' AND resource_type = 'User'" \
    -c "SELECT 'members of big-group: ' || count(*) FROM scim_member WHERE tenant = '$TENANT' AND group_id = '$GROUP'"
export SCIM_TOKEN=$TOKEN
for KIND in userName externalId; do
    java -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.http.EntraStoreLoad "$BASE" "$USERS" $KIND "$SECONDS_EACH" "$THREADS"
done
java -cp benchmarks/target/benchmarks.jar io.scimkit.benchmarks.http.EntraStoreLoad "$BASE" "$USERS" addMember \
    "$SECONDS_EACH" "$THREADS" "$GROUP|$TENANT" $((MEMBERS + 1))
"${PSQL[@]}" -At -c "SELECT 'members of big-group after: ' || count(*) FROM scim_member WHERE tenant = '$TENANT' AND group_id = '$GROUP'"
