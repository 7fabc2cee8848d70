package dev.canopy.plugins.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;

/** What an AWS failure means to the collector, and how to name it without quoting anything secret. */
final class AwsErrors {

    /** Error codes of credentials AWS does not accept (as opposed to a permission missing on one API). */
    private static final Set<String> BAD_CREDENTIALS = Set.of("AuthFailure", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidAccessKeyId", "IncompleteSignature",
            "MissingAuthenticationToken", "ExpiredToken", "ExpiredTokenException", "InvalidToken");

    private AwsErrors() {
    }

    /** An error code of bad credentials, or HTTP 401 (which EC2 answers for them) without a readable code. */
    static boolean badCredentials(Throwable failure) {
        if (!(failure instanceof AwsServiceException service)) {
            return false;
        }
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return code == null ? service.statusCode() == 401 : BAD_CREDENTIALS.contains(code);
    }

    /** {@code AccessDenied (HTTP 403): User ... is not authorized ...}, or the client-side failure. */
    static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return (code == null ? "error" : code) + " (HTTP " + service.statusCode() + ")"
                    + (message == null || message.isBlank() ? "" : ": " + message);
        }
        if (failure instanceof SdkException) {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return cause == failure ? detail : detail + " (" + cause.getClass().getSimpleName() + ")";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
