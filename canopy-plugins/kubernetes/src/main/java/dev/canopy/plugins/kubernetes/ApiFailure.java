package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * What a failed API call means for a collection, and how to say it without quoting a credential: the
 * messages name the HTTP status and the API server's own reason (which names the user and the resource,
 * never a token).
 */
final class ApiFailure {

    private ApiFailure() {
    }

    /** The API server refused the credentials themselves: the whole account fails. */
    static boolean unauthorized(KubernetesClientException failure) {
        return failure.getCode() == 401;
    }

    /** Refused for lack of rights (RBAC): only that part fails. */
    static boolean forbidden(KubernetesClientException failure) {
        return failure.getCode() == 403;
    }

    /**
     * The API server could not be reached at all (no such host, connection refused, TLS refused): the whole
     * account fails. A timeout of one call is not among them; it fails that part only.
     */
    static boolean unreachable(KubernetesClientException failure) {
        if (failure.getCode() > 0) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** {@code HTTP 403 (pods is forbidden: User "x" cannot list ...)}, or the kind of failure without a status. */
    static String describe(KubernetesClientException failure) {
        if (failure.getCode() > 0) {
            String reason = failure.getStatus() == null ? null : failure.getStatus().getMessage();
            return "HTTP " + failure.getCode() + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == failure ? "no answer from the API server" : root.getClass().getSimpleName();
    }
}
