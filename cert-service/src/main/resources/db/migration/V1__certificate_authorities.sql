-- Certificate authorities: a root and an issuing intermediate; private keys encrypted at rest.
CREATE TABLE certificate_authority (
    name                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    key_type              VARCHAR(16)   NOT NULL,
    root_certificate      TEXT          NOT NULL,
    root_key              TEXT,
    issuing_certificate   TEXT          NOT NULL,
    issuing_key           TEXT          NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every certificate a CA issued, and its revocation state.
CREATE TABLE issued_certificate (
    serial             VARCHAR(40)   NOT NULL PRIMARY KEY,
    ca                 VARCHAR(64)   NOT NULL REFERENCES certificate_authority (name),
    common_name        VARCHAR(256)  NOT NULL,
    profile            VARCHAR(32)   NOT NULL,
    certificate        TEXT          NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after          TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revocation_reason  VARCHAR(32),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX issued_certificate_by_ca ON issued_certificate (ca, not_after);
CREATE INDEX issued_certificate_by_common_name ON issued_certificate (common_name);
