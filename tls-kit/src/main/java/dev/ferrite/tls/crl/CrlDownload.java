package dev.ferrite.tls.crl;

/**
 * What one fetch of a CRL source gave.
 *
 * @param crl the bytes (DER or PEM), or null when the source said it has not changed
 * @param etag the validators for the next conditional fetch, when the source gave them
 */
record CrlDownload(byte[] crl, String etag, String lastModified) {

    static CrlDownload notModified(String etag, String lastModified) {
        return new CrlDownload(null, etag, lastModified);
    }

    boolean isNotModified() {
        return crl == null;
    }
}
