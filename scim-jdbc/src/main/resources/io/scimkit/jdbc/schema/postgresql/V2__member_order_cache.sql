-- scimkit JDBC store, schema version 2 (PostgreSQL 15+). PostgreSQL caches sequence values per session,
-- so a cache above 1 would let two connections add members out of order; it stays at 1 (the default),
-- stated here so that both dialects have the same statements.
ALTER TABLE scim_member ALTER COLUMN seq SET CACHE 1;
