package dev.ferrite.cert.crl;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CRL numbers the CAs have used, so that they keep increasing across restarts and replicas. */
@Repository
class CrlNumberRepository {

    private final JdbcClient jdbc;

    CrlNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the CA's next CRL number; run it in a transaction, which the increment locks the row for. */
    long next(String ca) {
        int updated = jdbc.sql("UPDATE crl_state SET crl_number = crl_number + 1 WHERE ca = ?").param(ca).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO crl_state (ca, crl_number) VALUES (?, 1)").param(ca).update();
        }
        return jdbc.sql("SELECT crl_number FROM crl_state WHERE ca = ?").param(ca).query(Long.class).single();
    }
}
