package dev.ferrite.tls.reload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ferrite.tls.pem.CertifiedKey;
import dev.ferrite.tls.pem.CertifiedKeys;
import dev.ferrite.tls.pem.Loaded;
import dev.ferrite.tls.pem.ValidityWarning;

/** A certificate file, its key file and the key's password (null when not encrypted). */
public record ServerKeyFiles(Path certificateFile, Path keyFile, char[] password) {

    /** Loads every pair, in order; the first is the default for clients that send no known server name. */
    public static Loaded<List<CertifiedKey>> loadAll(List<ServerKeyFiles> pairs, Instant now) {
        List<CertifiedKey> keys = new ArrayList<>();
        List<ValidityWarning> warnings = new ArrayList<>();
        for (ServerKeyFiles pair : pairs) {
            Loaded<CertifiedKey> loaded = CertifiedKeys.load(pair.certificateFile(), pair.keyFile(), pair.password(), now);
            keys.add(loaded.value());
            warnings.addAll(loaded.warnings());
        }
        return new Loaded<>(keys, warnings);
    }

    /** Every file of every pair, to watch. */
    public static List<Path> files(List<ServerKeyFiles> pairs) {
        return pairs.stream().flatMap(pair -> java.util.stream.Stream.of(pair.certificateFile(), pair.keyFile())).toList();
    }
}
