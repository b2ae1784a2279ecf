package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;

/**
 * An OCSP request read completely, so that nothing malformed surfaces later. A signature on the
 * request is not checked: RFC 6960 leaves that to the responder, and this one answers anybody.
 *
 * @param certIds the DER of each CertID in base64, which tells identical requests apart
 * @param nonce the nonce extension, to be echoed; null when the request has none
 */
record ParsedRequest(List<CertificateID> ids, List<String> certIds, Extension nonce) {

    /** RFC 8954: a nonce of 0 octets or more than 128 must be refused as malformed. */
    static final int MAX_NONCE_OCTETS = 128;

    static final class MalformedRequestException extends Exception {
        MalformedRequestException(String message) {
            super(message);
        }
    }

    static ParsedRequest parse(byte[] der, int maxCertificates) throws MalformedRequestException {
        try {
            OCSPReq request = new OCSPReq(der);
            Req[] requests = request.getRequestList();
            if (requests.length == 0 || requests.length > maxCertificates) {
                throw new MalformedRequestException("asks about " + requests.length + " certificates; 1 to "
                        + maxCertificates + " are answered");
            }
            List<CertificateID> ids = new ArrayList<>(requests.length);
            List<String> certIds = new ArrayList<>(requests.length);
            for (Req one : requests) {
                CertificateID id = one.getCertID();
                ids.add(id);
                certIds.add(Base64.getEncoder().encodeToString(id.toASN1Primitive().getEncoded()));
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                int octets = nonceOctets(nonce);
                if (octets == 0 || octets > MAX_NONCE_OCTETS) {
                    throw new MalformedRequestException("has a nonce of " + octets + " octets");
                }
            }
            return new ParsedRequest(List.copyOf(ids), List.copyOf(certIds), nonce);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRequestException("is not a DER OCSPRequest: " + e.getMessage());
        }
    }

    /** RFC 8954 wraps the nonce in an OCTET STRING; older clients put the bare octets in the extension. */
    private static int nonceOctets(Extension nonce) {
        byte[] value = nonce.getExtnValue().getOctets();
        try {
            return ASN1OctetString.getInstance(value).getOctets().length;
        } catch (IllegalArgumentException e) {
            return value.length;
        }
    }
}
