-- Sweep core schema: who may do what (profiles, users, tokens), what the CRM looks like
-- (modules, fields, picklists), how records are grouped (territories, blueprints, custom views).
-- Record tables themselves (one per module, typed columns) are derived from the field
-- metadata by RecordSchema, so a custom field is one metadata row plus one ALTER TABLE.
-- Runs unchanged on H2 and PostgreSQL.

-- Ids look like Zoho's 19-digit ids. Rows seeded by migrations use ids below the start.
CREATE SEQUENCE sweep_ids START WITH 5725767000001000001 INCREMENT BY 1;

CREATE TABLE profiles (
    id            BIGINT PRIMARY KEY,
    name          VARCHAR(100) NOT NULL UNIQUE,
    -- the Administrator profile may do everything, on every module and field
    administrator BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    email         VARCHAR(255) NOT NULL UNIQUE,
    full_name     VARCHAR(255) NOT NULL,
    profile_id    BIGINT NOT NULL REFERENCES profiles (id),
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash VARCHAR(255),
    created_time  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tokens (
    id           BIGINT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id),
    -- SHA-256 of the token; the token itself is shown once and never stored
    token_hash   CHAR(64) NOT NULL UNIQUE,
    scopes       VARCHAR(4000) NOT NULL,
    label        VARCHAR(255),
    created_time TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_time TIMESTAMP WITH TIME ZONE,
    revoked_time TIMESTAMP WITH TIME ZONE
);

CREATE TABLE modules (
    id              BIGINT PRIMARY KEY,
    api_name        VARCHAR(100) NOT NULL UNIQUE,
    module_name     VARCHAR(100) NOT NULL,
    singular_label  VARCHAR(100) NOT NULL,
    plural_label    VARCHAR(100) NOT NULL,
    table_name      VARCHAR(60) NOT NULL UNIQUE,
    generated_type  VARCHAR(20) NOT NULL CHECK (generated_type IN ('default', 'custom')),
    sequence_number INT NOT NULL
);

CREATE TABLE fields (
    id               BIGINT PRIMARY KEY,
    module_id        BIGINT NOT NULL REFERENCES modules (id),
    api_name         VARCHAR(100) NOT NULL,
    field_label      VARCHAR(255) NOT NULL,
    column_name      VARCHAR(60) NOT NULL,
    data_type        VARCHAR(30) NOT NULL,
    length           INT NOT NULL,
    decimal_place    INT,
    read_only        BOOLEAN NOT NULL DEFAULT FALSE,
    system_mandatory BOOLEAN NOT NULL DEFAULT FALSE,
    custom_field     BOOLEAN NOT NULL DEFAULT FALSE,
    visible          BOOLEAN NOT NULL DEFAULT TRUE,
    mass_update      BOOLEAN NOT NULL DEFAULT FALSE,
    lookup_module_id BIGINT REFERENCES modules (id),
    sequence_number  INT NOT NULL,
    CONSTRAINT fields_api_name_unique UNIQUE (module_id, api_name),
    CONSTRAINT fields_column_unique UNIQUE (module_id, column_name)
);

CREATE TABLE picklist_values (
    field_id        BIGINT NOT NULL REFERENCES fields (id),
    sequence_number INT NOT NULL,
    actual_value    VARCHAR(255) NOT NULL,
    display_value   VARCHAR(255) NOT NULL,
    PRIMARY KEY (field_id, actual_value)
);

-- A profile without a row for a module may neither edit nor mass update it.
CREATE TABLE profile_modules (
    profile_id      BIGINT NOT NULL REFERENCES profiles (id),
    module_id       BIGINT NOT NULL REFERENCES modules (id),
    can_view        BOOLEAN NOT NULL DEFAULT TRUE,
    can_edit        BOOLEAN NOT NULL DEFAULT TRUE,
    can_mass_update BOOLEAN NOT NULL DEFAULT FALSE,
    -- 'all': every record of the module; 'owned': records the user owns or that lie in one of the user's territories
    record_access   VARCHAR(10) NOT NULL DEFAULT 'all' CHECK (record_access IN ('all', 'owned')),
    PRIMARY KEY (profile_id, module_id)
);

-- Fields are editable unless a profile restricts them.
CREATE TABLE profile_field_restrictions (
    profile_id BIGINT NOT NULL REFERENCES profiles (id),
    field_id   BIGINT NOT NULL REFERENCES fields (id),
    access     VARCHAR(10) NOT NULL CHECK (access IN ('read_only', 'hidden')),
    PRIMARY KEY (profile_id, field_id)
);

CREATE TABLE territories (
    id        BIGINT PRIMARY KEY,
    name      VARCHAR(255) NOT NULL,
    parent_id BIGINT REFERENCES territories (id)
);

CREATE TABLE user_territories (
    user_id      BIGINT NOT NULL REFERENCES users (id),
    territory_id BIGINT NOT NULL REFERENCES territories (id),
    PRIMARY KEY (user_id, territory_id)
);

-- A record in an active blueprint cannot have the blueprint's picklist field mass updated.
CREATE TABLE blueprints (
    id        BIGINT PRIMARY KEY,
    module_id BIGINT NOT NULL REFERENCES modules (id),
    name      VARCHAR(255) NOT NULL,
    field_id  BIGINT NOT NULL REFERENCES fields (id),
    active    BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE custom_views (
    id              BIGINT PRIMARY KEY,
    module_id       BIGINT NOT NULL REFERENCES modules (id),
    name            VARCHAR(255) NOT NULL,
    system_name     VARCHAR(255),
    is_default      BOOLEAN NOT NULL DEFAULT FALSE,
    system_defined  BOOLEAN NOT NULL DEFAULT FALSE,
    -- Zoho's criteria object as JSON text ({comparator, field, value} or {group_operator, group}); NULL = all records
    criteria        VARCHAR(100000),
    owner_id        BIGINT REFERENCES users (id),
    shared_with_all BOOLEAN NOT NULL DEFAULT FALSE,
    created_time    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE custom_view_shares (
    custom_view_id BIGINT NOT NULL REFERENCES custom_views (id),
    user_id        BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (custom_view_id, user_id)
);
