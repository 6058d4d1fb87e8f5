-- scimkit JDBC store, schema version 4 (PostgreSQL 15+). Indexes that hand out rows already in the order
-- of a sort by userName (RFC 7644 §3.4.2.3), so that a page is read from the index instead of sorting the
-- tenant: resources without a value come last in ascending and first in descending order, ties in
-- creation order. The same statements as on H2: the ascending indexes get their NULLS LAST spelt out
-- (PostgreSQL's default, so they are rebuilt as they were), and userName gets a descending one, since
-- the ascending index read backwards would put ties in reverse creation order.
DROP INDEX IF EXISTS scim_resource_user_name_fold_ix;
CREATE INDEX IF NOT EXISTS scim_resource_user_name_fold_ix ON scim_resource (tenant, resource_type, user_name_fold ASC NULLS LAST, seq);
CREATE INDEX IF NOT EXISTS scim_resource_user_name_fold_desc_ix ON scim_resource (tenant, resource_type, user_name_fold DESC NULLS FIRST, seq);
DROP INDEX IF EXISTS scim_resource_display_name_fold_ix;
CREATE INDEX IF NOT EXISTS scim_resource_display_name_fold_ix ON scim_resource (tenant, resource_type, display_name_fold ASC NULLS LAST, seq);
-- The identity that orders resources keeps a cache of 1 (PostgreSQL caches per session, so more would let
-- two connections create resources out of order); stated so that both dialects have the same statements.
ALTER TABLE scim_resource ALTER COLUMN seq SET CACHE 1;
