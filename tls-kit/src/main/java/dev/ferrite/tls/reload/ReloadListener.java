package dev.ferrite.tls.reload;

import java.util.List;

import dev.ferrite.tls.pem.PemFileException;
import dev.ferrite.tls.pem.ValidityWarning;

/** Told what a reload did, for the log, metrics and alarms. Called on the polling thread. */
public interface ReloadListener {

    /** New material is in use; {@code warnings} name certificates outside their validity. */
    void reloaded(String what, List<ValidityWarning> warnings);

    /** New files could not be used; the material loaded before stays in use. */
    void refused(String what, PemFileException problem);

    ReloadListener NONE = new ReloadListener() {
        @Override
        public void reloaded(String what, List<ValidityWarning> warnings) {
        }

        @Override
        public void refused(String what, PemFileException problem) {
        }
    };
}
