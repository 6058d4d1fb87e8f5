-- Fills one tenant of the JDBC store (PostgreSQL) with :users users and a group "big-group" of :members
-- members, for the scaling benchmark in BENCHMARKS.md. Run with psql after the example server created,
-- in this tenant, the template user tmpl@example.com (externalId tmpl-ext, one work email) and the group
-- big-group with the template user as its only member (benchmarks/jdbc/run.sh does both).
-- Rows are copies of the templates with userName user<n>@example.com, externalId ext-<n> and a
-- deterministic UUID id, so they are exactly what the store itself writes (same columns, same JSON).
\set ON_ERROR_STOP on
-- Foreign-key checks off for this session (superuser only): 1M row-locking FK probes take longer than the
-- inserts; the rows reference the template's tenant and the users inserted in the same transaction.
SET session_replication_role = replica;
BEGIN;
CREATE TEMP TABLE tmpl AS
  SELECT * FROM scim_resource WHERE tenant = :'tenant' AND resource_type = 'User' AND user_name_key = 'tmpl@example.com';
CREATE TEMP TABLE gen AS
  SELECT n, md5(:'tenant' || '/' || n)::uuid::text AS id, 'user' || n || '@example.com' AS user_name
  FROM generate_series(1, :users) AS n;
CREATE TEMP TABLE tmpl_email AS
  SELECT e.* FROM scim_email e JOIN tmpl t ON e.tenant = t.tenant AND e.resource_type = t.resource_type
      AND e.resource_id = t.id;
CREATE TEMP TABLE tmpl_member AS
  SELECT m.*, t.id AS tmpl_id FROM scim_member m JOIN tmpl t ON m.tenant = t.tenant AND m.member_id = t.id;
-- Without statistics the planner may rescan the real tables once per generated row.
ANALYZE tmpl;
ANALYZE gen;
ANALYZE tmpl_email;
ANALYZE tmpl_member;
INSERT INTO scim_resource (tenant, resource_type, id, version, created, last_modified, user_name_key, user_name_fold,
    external_id, active, body)
  SELECT t.tenant, t.resource_type, g.id, 1, t.created, t.last_modified, g.user_name, g.user_name, 'ext-' || g.n,
      t.active,
      replace(replace(replace(t.body::text, t.id, g.id), 'tmpl@example.com', g.user_name), 'tmpl-ext', 'ext-' || g.n)::jsonb
  FROM tmpl t, gen g;
INSERT INTO scim_email (tenant, resource_type, resource_id, position, value_fold, type_fold, is_primary)
  SELECT e.tenant, e.resource_type, g.id, e.position, g.user_name, e.type_fold, e.is_primary
  FROM tmpl_email e CROSS JOIN gen g;
INSERT INTO scim_member (tenant, resource_type, group_id, member_id, member_key, member_type, display, ref)
  SELECT m.tenant, m.resource_type, m.group_id, g.id, g.id, m.member_type, m.display, replace(m.ref, m.tmpl_id, g.id)
  FROM tmpl_member m CROSS JOIN gen g
  WHERE g.n <= :members;
COMMIT;
ANALYZE scim_resource;
ANALYZE scim_email;
ANALYZE scim_member;
