package dev.ferrite.cert.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrpcAccessConfigurationTest {

    private final GrpcAccessConfiguration configuration = new GrpcAccessConfiguration();

    @Test
    void withoutATokenTheServerMayBindOnlyToLoopback() {
        assertThat(configuration.internalTokenInterceptor(new CertGrpcProperties(""), "", "127.0.0.1"))
                .isNotInstanceOf(InternalTokenInterceptor.class);
        assertThat(configuration.internalTokenInterceptor(new CertGrpcProperties(""), "", "localhost"))
                .isNotInstanceOf(InternalTokenInterceptor.class);

        for (String host : new String[] {"*", "0.0.0.0", "::"}) {
            assertThatThrownBy(() -> configuration.internalTokenInterceptor(new CertGrpcProperties(""), "", host))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("without ferrite.cert.grpc.internal-token")
                    .hasMessageContaining("'" + host + "'");
        }
    }

    @Test
    void anAddressOverridesTheHost() {
        assertThatThrownBy(() -> configuration.internalTokenInterceptor(new CertGrpcProperties(""), "0.0.0.0:19087", "127.0.0.1"))
                .hasMessageContaining("'0.0.0.0'");
        assertThat(configuration.internalTokenInterceptor(new CertGrpcProperties(""), "[::1]:19087", "*"))
                .isNotInstanceOf(InternalTokenInterceptor.class);
    }

    @Test
    void withATokenTheServerMayBindAnywhereAndChecksIt() {
        assertThat(configuration.internalTokenInterceptor(new CertGrpcProperties("a-Token-of-24-characters"), "", "0.0.0.0"))
                .isInstanceOf(InternalTokenInterceptor.class);
    }

    @Test
    void aShortTokenIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new CertGrpcProperties("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ferrite.cert.grpc.internal-token must be at least 16 characters (e.g. 'openssl rand -base64 32'), was 5");
    }
}
