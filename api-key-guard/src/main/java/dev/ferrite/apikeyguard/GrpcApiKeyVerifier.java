package dev.ferrite.apikeyguard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.ferrite.contracts.apikey.v1.ApiKeyRole;
import dev.ferrite.contracts.apikey.v1.ApiKeyVerificationGrpc;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyRequest;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;

/** Asks auth-service over gRPC (the control bus) whether a key and secret are good. */
public class GrpcApiKeyVerifier implements ApiKeyVerifier, AutoCloseable {

    private final ManagedChannel channel;
    private final ApiKeyVerificationGrpc.ApiKeyVerificationBlockingStub stub;
    private final Duration timeout;

    public GrpcApiKeyVerifier(ManagedChannel channel, Duration timeout) {
        this.channel = channel;
        this.stub = ApiKeyVerificationGrpc.newBlockingStub(channel);
        this.timeout = timeout;
    }

    @Override
    public ApiKeyVerification verify(String apiKey, String apiSecret) {
        VerifyApiKeyResponse response;
        try {
            // Waiting for readiness rides out a restart of auth-service within the deadline.
            response = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .withWaitForReady()
                    .verify(VerifyApiKeyRequest.newBuilder().setApiKey(apiKey).setApiSecret(apiSecret).build());
        } catch (StatusRuntimeException e) {
            throw new ApiKeyVerifierUnavailableException(
                    "auth-service did not answer the API key check: " + e.getStatus().getCode(), e);
        }
        return switch (response.getOutcome()) {
            case API_KEY_OUTCOME_VALID -> ApiKeyVerification.valid(role(response.getRole()));
            case API_KEY_OUTCOME_UNKNOWN_KEY -> ApiKeyVerification.rejected(ApiKeyVerification.Outcome.UNKNOWN_KEY);
            case API_KEY_OUTCOME_WRONG_SECRET -> ApiKeyVerification.rejected(ApiKeyVerification.Outcome.WRONG_SECRET);
            case API_KEY_OUTCOME_DISABLED -> ApiKeyVerification.rejected(ApiKeyVerification.Outcome.DISABLED);
            case API_KEY_OUTCOME_EXPIRED -> ApiKeyVerification.rejected(ApiKeyVerification.Outcome.EXPIRED);
            case API_KEY_OUTCOME_UNSPECIFIED, UNRECOGNIZED -> throw new ApiKeyVerifierUnavailableException(
                    "auth-service gave an API key outcome this service does not know: " + response.getOutcomeValue(), null);
        };
    }

    private static ApiRole role(ApiKeyRole role) {
        return switch (role) {
            case API_KEY_ROLE_ADMINISTRATOR -> ApiRole.ADMINISTRATOR;
            case API_KEY_ROLE_VIEWER -> ApiRole.VIEWER;
            case API_KEY_ROLE_PUBLISHER -> ApiRole.PUBLISHER;
            // Fail closed: an unknown role is worth nothing.
            case API_KEY_ROLE_UNSPECIFIED, UNRECOGNIZED -> throw new ApiKeyVerifierUnavailableException(
                    "auth-service gave a role this service does not know: " + role, null);
        };
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
