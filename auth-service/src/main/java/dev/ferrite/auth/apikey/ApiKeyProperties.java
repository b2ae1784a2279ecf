package dev.ferrite.auth.apikey;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrite.auth.api-key.*}.
 *
 * @param bootstrapFile a file of {@code key:secret[:role]} lines applied at every start; none when unset
 */
@ConfigurationProperties("ferrite.auth.api-key")
public record ApiKeyProperties(Path bootstrapFile) {
}
