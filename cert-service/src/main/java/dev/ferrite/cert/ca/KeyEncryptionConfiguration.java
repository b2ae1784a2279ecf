package dev.ferrite.cert.ca;

import java.nio.file.Path;

import dev.ferrite.cert.CertProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One key-encryption key for every private key cert-service keeps: the CAs' and the bundles'. */
@Configuration(proxyBeanMethods = false)
class KeyEncryptionConfiguration {

    @Bean
    KeyEncryption keyEncryption(CertProperties properties, @Value("${ferrite.data-dir}") Path dataDir) {
        return new KeyEncryption(KeyEncryptionKeySource.resolve(properties.keyEncryptionKey(),
                dataDir.resolve("cert-service").resolve("key-encryption.key")));
    }
}
