package dev.ferrite.cert.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Reads the {@code sans} of an issue request: {@code DNS:host}, {@code IP:address},
 * {@code URI:uri}, {@code email:address}, or a bare value that is an IP literal or a host name.
 */
final class SubjectAlternativeNames {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private SubjectAlternativeNames() {
    }

    static GeneralNames parse(List<String> sans, boolean wildcardsAllowed) {
        List<GeneralName> names = new ArrayList<>();
        for (String san : sans) {
            names.add(parseOne(san == null ? "" : san.strip(), wildcardsAllowed));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static GeneralName parseOne(String san, boolean wildcardsAllowed) {
        int colon = san.indexOf(':');
        String prefix = colon > 0 ? san.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        String value = colon > 0 ? san.substring(colon + 1) : san;
        return switch (prefix) {
            case "dns" -> dns(value, wildcardsAllowed);
            case "ip" -> ip(value);
            case "uri" -> uri(value);
            case "email" -> email(value);
            default -> isIp(san) ? ip(san) : dns(san, wildcardsAllowed);
        };
    }

    private static GeneralName dns(String name, boolean wildcardsAllowed) {
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String[] labels = host.split("\\.", -1);
        boolean valid = !host.isEmpty() && host.length() <= 253;
        for (int i = 0; valid && i < labels.length; i++) {
            valid = LABEL.matcher(labels[i]).matches() || (i == 0 && labels[i].equals("*") && labels.length > 2);
        }
        if (!valid) {
            throw new InvalidIssueRequestException("sans: '" + name + "' is not a valid DNS name");
        }
        if (host.startsWith("*") && !wildcardsAllowed) {
            throw new InvalidIssueRequestException("sans: the wildcard name '" + name + "' is allowed only in the server profile");
        }
        return new GeneralName(GeneralName.dNSName, host.toLowerCase(Locale.ROOT));
    }

    private static GeneralName ip(String address) {
        if (!isIp(address)) {
            throw new InvalidIssueRequestException("sans: '" + address + "' is not an IPv4 or IPv6 address");
        }
        return new GeneralName(GeneralName.iPAddress, address);
    }

    private static GeneralName uri(String uri) {
        try {
            java.net.URI parsed = new java.net.URI(uri);
            if (parsed.getScheme() == null) {
                throw new InvalidIssueRequestException("sans: the URI '" + uri + "' has no scheme");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidIssueRequestException("sans: '" + uri + "' is not a URI: " + e.getReason());
        }
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }

    private static GeneralName email(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@', at + 1) >= 0 || address.contains(" ")) {
            throw new InvalidIssueRequestException("sans: '" + address + "' is not an email address");
        }
        return new GeneralName(GeneralName.rfc822Name, address);
    }

    private static boolean isIp(String value) {
        return IPV4.matcher(value).matches() || (IPV6.matcher(value).matches() && isIpv6(value));
    }

    private static boolean isIpv6(String value) {
        try {
            // A literal with ':' is parsed without any name lookup.
            return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
