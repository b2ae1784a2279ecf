package dev.ferrite.auth.apikey.bootstrap;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad bootstrap file into one clear sentence at start-up instead of a stack trace. */
class BootstrapFileFailureAnalyzer extends AbstractFailureAnalyzer<BootstrapFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BootstrapFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the file, or point ferrite.auth.api-key.bootstrap-file at another one.", cause);
    }
}
