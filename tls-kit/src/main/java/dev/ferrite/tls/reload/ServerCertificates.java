package dev.ferrite.tls.reload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.ferrite.tls.pem.CertifiedKey;

/**
 * One listener's server certificates and the choice among them: by the server name the client
 * asked for (exact name first, then a wildcard one level deep), among those whose key suits the
 * handshake; the first certificate is the default for every other name.
 */
final class ServerCertificates {

    private final List<CertifiedKey> keys;
    private final Map<String, List<Integer>> byName = new LinkedHashMap<>();

    ServerCertificates(List<CertifiedKey> keys) {
        this.keys = List.copyOf(keys);
        for (int i = 0; i < this.keys.size(); i++) {
            for (String name : this.keys.get(i).serverNames()) {
                byName.computeIfAbsent(name, ignored -> new ArrayList<>()).add(i);
            }
        }
    }

    CertifiedKey get(int index) {
        return index >= 0 && index < keys.size() ? keys.get(index) : null;
    }

    List<CertifiedKey> all() {
        return keys;
    }

    /**
     * @param serverName the SNI host name, or null when the client sent none
     * @param keyType a JSSE key type ("RSA", "EC", "RSASSA-PSS", "EC_RSA", "EdDSA"...)
     * @return the index of the chosen certificate
     */
    Optional<Integer> choose(String serverName, String keyType) {
        if (serverName != null) {
            String name = serverName.toLowerCase(Locale.ROOT);
            Optional<Integer> exact = firstSuiting(byName.get(name), keyType);
            if (exact.isPresent()) {
                return exact;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                Optional<Integer> wildcard = firstSuiting(byName.get("*" + name.substring(dot)), keyType);
                if (wildcard.isPresent()) {
                    return wildcard;
                }
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            if (suits(keys.get(i), keyType)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private Optional<Integer> firstSuiting(List<Integer> candidates, String keyType) {
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.stream().filter(i -> suits(keys.get(i), keyType)).findFirst();
    }

    /** JSSE and Netty name a key type by the key algorithm, before any "_" naming the issuer's. */
    static boolean suits(CertifiedKey key, String keyType) {
        if (keyType == null) {
            return true;
        }
        String algorithm = key.key().getAlgorithm();
        String wanted = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
        return switch (wanted) {
            case "RSA", "RSASSA-PSS" -> algorithm.equals("RSA") || algorithm.equals("RSASSA-PSS");
            case "EC", "ECDSA" -> algorithm.equals("EC") || algorithm.equals("ECDSA");
            case "EdDSA", "Ed25519", "Ed448" -> algorithm.equals("EdDSA") || algorithm.equals("Ed25519")
                    || algorithm.equals("Ed448");
            default -> algorithm.equals(wanted);
        };
    }
}
