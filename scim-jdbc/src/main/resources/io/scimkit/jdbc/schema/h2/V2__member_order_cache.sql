-- scimkit JDBC store, schema version 2 (H2 2.x). The identity that orders a group's members hands out
-- values from a cache of 4096 instead of 32: H2 writes the sequence (a store of every changed page) each
-- time its cache runs out, which made adding many members cost a disk write per 32 members. The cache is
-- one per database, so members still come back in the order they were added; after a crash the sequence
-- continues above every value it handed out.
ALTER TABLE scim_member ALTER COLUMN seq SET CACHE 4096;
