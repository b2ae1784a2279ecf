package dev.ferrite.cert.pem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

import dev.ferrite.cert.ca.KeyType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemPrivateKeyTest {

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    void aWrittenPrivateKeyIsPkcs8ThatReadsBackAsTheSameKey(KeyType keyType) {
        KeyPair keys = keyType.generate();

        String pem = Pem.encode(keys.getPrivate());

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.privateKey(pem, "key").getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048"})
    void opensslReadsAWrittenPrivateKey(KeyType keyType, @TempDir Path files) throws Exception {
        Path key = Files.writeString(files.resolve("key.pem"), Pem.encode(keyType.generate().getPrivate()));

        Process openssl = new ProcessBuilder("/usr/bin/openssl", "pkey", "-in", key.toString(), "-noout", "-check")
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        assertThat(output).contains("Key is valid");
    }
}
