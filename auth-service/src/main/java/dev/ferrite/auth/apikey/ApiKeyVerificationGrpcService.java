package dev.ferrite.auth.apikey;

import dev.ferrite.apikeyguard.ApiKeyVerification;
import dev.ferrite.contracts.apikey.v1.ApiKeyOutcome;
import dev.ferrite.contracts.apikey.v1.ApiKeyRole;
import dev.ferrite.contracts.apikey.v1.ApiKeyVerificationGrpc;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyRequest;
import dev.ferrite.contracts.apikey.v1.VerifyApiKeyResponse;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** The control-bus side of API key checks, for the other services' REST guards. */
@Service
public class ApiKeyVerificationGrpcService extends ApiKeyVerificationGrpc.ApiKeyVerificationImplBase {

    private final StoredApiKeyVerifier verifier;

    public ApiKeyVerificationGrpcService(StoredApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void verify(VerifyApiKeyRequest request, StreamObserver<VerifyApiKeyResponse> responses) {
        ApiKeyVerification verification = verifier.verify(request.getApiKey(), request.getApiSecret());
        VerifyApiKeyResponse.Builder response = VerifyApiKeyResponse.newBuilder().setOutcome(outcome(verification));
        if (verification.isValid()) {
            response.setRole(role(verification));
        }
        responses.onNext(response.build());
        responses.onCompleted();
    }

    private static ApiKeyOutcome outcome(ApiKeyVerification verification) {
        return switch (verification.outcome()) {
            case VALID -> ApiKeyOutcome.API_KEY_OUTCOME_VALID;
            case UNKNOWN_KEY -> ApiKeyOutcome.API_KEY_OUTCOME_UNKNOWN_KEY;
            case WRONG_SECRET -> ApiKeyOutcome.API_KEY_OUTCOME_WRONG_SECRET;
            case DISABLED -> ApiKeyOutcome.API_KEY_OUTCOME_DISABLED;
            case EXPIRED -> ApiKeyOutcome.API_KEY_OUTCOME_EXPIRED;
        };
    }

    private static ApiKeyRole role(ApiKeyVerification verification) {
        return switch (verification.role()) {
            case ADMINISTRATOR -> ApiKeyRole.API_KEY_ROLE_ADMINISTRATOR;
            case VIEWER -> ApiKeyRole.API_KEY_ROLE_VIEWER;
            case PUBLISHER -> ApiKeyRole.API_KEY_ROLE_PUBLISHER;
        };
    }
}
