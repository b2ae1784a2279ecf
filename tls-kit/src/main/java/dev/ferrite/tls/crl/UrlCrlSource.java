package dev.ferrite.tls.crl;

import java.net.URI;

/** A CRL at an HTTP or HTTPS URL. */
record UrlCrlSource(URI url, CrlOrigin origin, HttpCrlFetcher fetcher) implements CrlSource {

    @Override
    public String name() {
        return url.toString();
    }

    @Override
    public CrlDownload fetch(String etag, String lastModified) throws CrlFetchException {
        return fetcher.fetch(url, etag, lastModified);
    }
}
