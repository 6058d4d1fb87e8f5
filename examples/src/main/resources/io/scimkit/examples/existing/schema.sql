-- An application's own directory tables, written for the application and not for SCIM, in
-- PostgreSQL syntax (H2 reads it in MODE=PostgreSQL).
-- What serving SCIM over them adds, marked "SCIM:" below: a tenant column (a single-tenant
-- application keeps the default), folded keys for case-insensitive uniqueness, a JSON column for the
-- attributes without a column, and one id sequence for both tables, because a SCIM id names one
-- resource of the whole service (RFC 7643 section 3.1) and the core removes a deleted id from every
-- group. The version and timestamp columns are what many applications have for optimistic locking
-- and auditing already.

CREATE SEQUENCE IF NOT EXISTS directory_ids;

CREATE TABLE IF NOT EXISTS employees (
    id            BIGINT DEFAULT nextval('directory_ids') PRIMARY KEY,      -- SCIM id, as text
    tenant        VARCHAR(100) DEFAULT 'default' NOT NULL,                  -- SCIM: StoreContext.tenant()
    login         VARCHAR(1000) NOT NULL,                                   -- userName
    login_key     VARCHAR(1000) NOT NULL,                                   -- SCIM: IndexKey.fold(login)
    email         VARCHAR(1000),                                            -- emails[type eq "work"].value
    first_name    VARCHAR(1000),                                            -- name.givenName
    last_name     VARCHAR(1000),                                            -- name.familyName
    enabled       BOOLEAN,                                                  -- active
    object_id     VARCHAR(1000),                                            -- externalId (Entra's objectId)
    scim          TEXT,                                                     -- SCIM: every other attribute, JSON
    version       BIGINT NOT NULL,                                          -- meta.version, W/"<version>"
    created       TIMESTAMP(6) WITH TIME ZONE NOT NULL,                     -- meta.created
    last_modified TIMESTAMP(6) WITH TIME ZONE NOT NULL                      -- meta.lastModified
);
CREATE UNIQUE INDEX IF NOT EXISTS employees_login_key ON employees (tenant, login_key);
CREATE INDEX IF NOT EXISTS employees_object_id ON employees (tenant, object_id);

CREATE TABLE IF NOT EXISTS teams (
    id            BIGINT DEFAULT nextval('directory_ids') PRIMARY KEY,
    tenant        VARCHAR(100) DEFAULT 'default' NOT NULL,
    name          VARCHAR(1000) NOT NULL,                                   -- displayName
    name_key      VARCHAR(1000) NOT NULL,                                   -- SCIM: IndexKey.fold(name)
    scim          TEXT,
    version       BIGINT NOT NULL,
    created       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_modified TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS teams_name_key ON teams (tenant, name_key);

-- No foreign key to employees: the core deletes an employee first and then removes it from its
-- teams (each team gets a new version), which a foreign key would refuse.
CREATE TABLE IF NOT EXISTS team_members (
    team_id     BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    employee_id BIGINT NOT NULL,
    PRIMARY KEY (team_id, employee_id)
);
CREATE INDEX IF NOT EXISTS team_members_employee ON team_members (employee_id);
