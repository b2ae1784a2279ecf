package dev.ferrite.cert.bundle;

import java.util.List;

import dev.ferrite.cert.issue.IssueRequest;

/**
 * What an issued bundle's certificate was issued with, kept so that a rotation issues the same
 * certificate again with a fresh key and validity.
 *
 * @param validityDays null for the profile's default
 */
public record IssueParameters(String ca, String commonName, List<String> sans, String profile, Integer validityDays,
        String keyType) {

    public IssueParameters {
        sans = sans == null ? List.of() : List.copyOf(sans);
    }

    IssueRequest toIssueRequest() {
        return new IssueRequest(ca, commonName, sans, profile, validityDays, null, keyType);
    }
}
