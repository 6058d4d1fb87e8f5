-- The tables of an existing application, as its own migration created them, plus what serving SCIM
-- over them needs (marked "SCIM:"): a unique index on LOWER(login) and LOWER(name), because userName
-- and displayName are unique without regard to case (RFC 7643 section 4.1.1) and filters compare
-- them as LOWER(column) = LOWER(?); one id sequence for both tables, because a SCIM id names one
-- resource of the whole service; a JSON column for the attributes without a column of their own.
-- H2 has no index on an expression: a generated lower-case column carries the unique index.
-- Idempotent: every start runs it.

CREATE SEQUENCE IF NOT EXISTS app_ids;

CREATE TABLE IF NOT EXISTS users (
    id              BIGINT DEFAULT nextval('app_ids') PRIMARY KEY,
    login           VARCHAR(255) NOT NULL,
    email           VARCHAR(255),
    first_name      VARCHAR(255),
    last_name       VARCHAR(255),
    status          VARCHAR(16),                            -- 'ACTIVE' or 'DISABLED'
    entra_object_id VARCHAR(64),
    dept            VARCHAR(255),
    scim_extra      TEXT,                                   -- SCIM: every other attribute, as JSON
    lock_version    BIGINT DEFAULT 0 NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    login_lower     VARCHAR(255) GENERATED ALWAYS AS (LOWER(login))                 -- SCIM
);
CREATE UNIQUE INDEX IF NOT EXISTS users_login_lower ON users (login_lower);                   -- SCIM
CREATE INDEX IF NOT EXISTS users_entra_object_id ON users (entra_object_id);

CREATE TABLE IF NOT EXISTS teams (
    id           BIGINT DEFAULT nextval('app_ids') PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    scim_extra   TEXT,                                      -- SCIM
    lock_version BIGINT DEFAULT 0 NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    name_lower   VARCHAR(255) GENERATED ALWAYS AS (LOWER(name))                     -- SCIM
);
CREATE UNIQUE INDEX IF NOT EXISTS teams_name_lower ON teams (name_lower);                     -- SCIM

-- No foreign key to users: the SCIM core deletes a user first and then removes it from each of its
-- teams, giving each a new version, which a cascading foreign key would do behind its back.
CREATE TABLE IF NOT EXISTS team_members (
    team_id BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX IF NOT EXISTS team_members_user ON team_members (user_id);
