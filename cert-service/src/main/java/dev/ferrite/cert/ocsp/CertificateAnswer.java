package dev.ferrite.cert.ocsp;

import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;

/**
 * The answer about one requested certificate.
 *
 * @param certificateStatus as BouncyCastle builds it: null for good
 */
record CertificateAnswer(CertificateID id, OcspStatus status, CertificateStatus certificateStatus) {
}
