package dev.ferrite.cert.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.util.function.Consumer;

import dev.ferrite.cert.CertServiceApplication;
import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.issue.IssueRequest;
import dev.ferrite.cert.issue.RevocationReason;
import dev.ferrite.cert.issue.Revocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class CrlNumberRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void theCrlNumberKeepsRisingAcrossARestartAndRevokedCertificatesStayListed() {
        long[] numberBeforeRestart = new long[1];
        String[] revoked = new String[1];

        runCertService(context -> {
            revoked[0] = context.getBean(CertificateIssuer.class)
                    .issue(new IssueRequest(null, "sensor-restart", null, null, null, null, null)).certificate().serial();
            context.getBean(Revocations.class).revoke(revoked[0], RevocationReason.KEY_COMPROMISE);
            X509CRL crl = fetchCrl(context);
            assertThat(crl.getRevokedCertificate(Crls.serial(revoked[0]))).isNotNull();
            numberBeforeRestart[0] = Crls.number(crl);
        });

        runCertService(context -> {
            X509CRL crl = fetchCrl(context);
            assertThat(Crls.number(crl)).isGreaterThan(numberBeforeRestart[0]);
            assertThat(crl.getRevokedCertificate(Crls.serial(revoked[0])).getRevocationReason())
                    .isEqualTo(CRLReason.KEY_COMPROMISE);
        });
    }

    private static X509CRL fetchCrl(ConfigurableApplicationContext context) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpResponse<byte[]> response = new CertHttp(port).fetch("/crl/default.crl");
        assertThat(response.statusCode()).isEqualTo(200);
        return Crls.parse(response.body());
    }

    private void runCertService(Consumer<ConfigurableApplicationContext> check) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CertServiceApplication.class).run(
                "--server.port=0",
                "--ferrite.data-dir=" + dataDir)) {
            check.accept(context);
        }
    }
}
