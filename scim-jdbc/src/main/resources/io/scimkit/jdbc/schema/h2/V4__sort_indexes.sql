-- scimkit JDBC store, schema version 4 (H2 2.x). Indexes that hand out rows already in the order of a
-- sort by userName (RFC 7644 §3.4.2.3), so that a page is read from the index instead of sorting the
-- tenant: resources without a value come last in ascending and first in descending order, ties in
-- creation order. H2 puts NULL first in an ascending index unless told otherwise and does not read an
-- index backwards, so the ascending indexes of version 1 are rebuilt with NULLS LAST (they still answer
-- the filters on these columns) and userName gets a descending one.
DROP INDEX IF EXISTS scim_resource_user_name_fold_ix;
CREATE INDEX IF NOT EXISTS scim_resource_user_name_fold_ix ON scim_resource (tenant, resource_type, user_name_fold ASC NULLS LAST, seq);
CREATE INDEX IF NOT EXISTS scim_resource_user_name_fold_desc_ix ON scim_resource (tenant, resource_type, user_name_fold DESC NULLS FIRST, seq);
DROP INDEX IF EXISTS scim_resource_display_name_fold_ix;
CREATE INDEX IF NOT EXISTS scim_resource_display_name_fold_ix ON scim_resource (tenant, resource_type, display_name_fold ASC NULLS LAST, seq);
-- The identity that orders resources hands out values from a cache of 4096 instead of 32, as version 2 did
-- for members: H2 writes the sequence each time its cache runs out, an extra page write per 32 creates.
-- One cache per database, so creation order is kept; after a crash the sequence continues above every
-- value it handed out.
ALTER TABLE scim_resource ALTER COLUMN seq SET CACHE 4096;
