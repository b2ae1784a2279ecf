package dev.ferrite.tls.crl;

/** Where one CRL comes from: a URL or a file. */
interface CrlSource {

    /** The URL or file path, as shown to operators. */
    String name();

    CrlOrigin origin();

    /**
     * @param etag what the last good fetch gave (a file's content hash), null to fetch whatever there is
     * @param lastModified what the last good fetch gave, or null
     */
    CrlDownload fetch(String etag, String lastModified) throws CrlFetchException;
}
