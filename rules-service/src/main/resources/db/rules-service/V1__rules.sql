-- Rules in EMQX 5's shape. The SQL is kept as written; actions as their JSON array.
CREATE TABLE rule_definition (
    id          VARCHAR(255)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255)  NOT NULL,
    sql_text    VARCHAR       NOT NULL,
    actions     VARCHAR       NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    description VARCHAR       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row whose version every change of a rule increments in the same transaction: each
-- replica polls it and reloads the rules when it moved, so deletions are seen too.
CREATE TABLE rule_set_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);

INSERT INTO rule_set_version (id, version) VALUES (1, 0);
