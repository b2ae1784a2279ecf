-- Management API keys. The secret is kept only as a slow salted hash.
CREATE TABLE api_key (
    name        VARCHAR(256)  NOT NULL PRIMARY KEY,
    api_key     VARCHAR(256)  NOT NULL UNIQUE,
    secret_hash VARCHAR(255)  NOT NULL,
    role        VARCHAR(32)   NOT NULL,
    description VARCHAR(1024) NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    source      VARCHAR(16)   NOT NULL
);
