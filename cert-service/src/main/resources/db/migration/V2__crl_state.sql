-- The last CRL number each CA signed: RFC 5280 requires CRL numbers to increase, across restarts too.
CREATE TABLE crl_state (
    ca          VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES certificate_authority (name),
    crl_number  BIGINT       NOT NULL
);
