package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which secret data the collector accepts, without a cluster. */
class ClusterCredentialsTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: ops
            clusters:
            - name: ops-cluster
              cluster:
                server: https://10.20.30.40:6443
                certificate-authority-data: Y2VydGlmaWNhdGU=
            contexts:
            - name: ops
              context:
                cluster: ops-cluster
                user: ops-user
            users:
            - name: ops-user
              user:
            %s
            """;

    @Test
    void aTokenGivesTheServerAndItsHostAsClusterName() {
        ClusterCredentials credentials = ClusterCredentials.parse(Map.of("server", "https://k8s.example.com:6443",
                "token", "abc", "certificate_authority_data", "Y2VydGlmaWNhdGU="));

        assertThat(credentials.clusterName()).isEqualTo("k8s.example.com");
        assertThat(credentials.config().getMasterUrl()).startsWith("https://k8s.example.com:6443");
        assertThat(credentials.config().getOauthToken()).isEqualTo("abc");
        assertThat(credentials.config().getCaCertData()).isEqualTo("Y2VydGlmaWNhdGU=");
    }

    @Test
    void aKubeconfigWithAnInlineTokenGivesItsContextsCluster() {
        ClusterCredentials credentials = ClusterCredentials.parse(Map.of("kubeconfig", KUBECONFIG.formatted("    token: s3cret")));

        assertThat(credentials.clusterName()).isEqualTo("ops-cluster");
        assertThat(credentials.config().getMasterUrl()).startsWith("https://10.20.30.40:6443");
        assertThat(credentials.config().getAutoOAuthToken()).isEqualTo("s3cret");
    }

    @Test
    void aKubeconfigThatRunsACommandIsRefused() {
        String exec = """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: /bin/sh
                      args: ["-c", "cat /etc/passwd"]
                """;
        assertRejected(Map.of("kubeconfig", KUBECONFIG.formatted(exec)), "runs a command");
    }

    @Test
    void aKubeconfigThatReadsLocalFilesIsRefused() {
        assertRejected(Map.of("kubeconfig", KUBECONFIG.formatted("    tokenFile: /var/run/secrets/token")), "reads its credentials from files");
        assertRejected(Map.of("kubeconfig", KUBECONFIG.formatted("    client-certificate: /etc/kubernetes/admin.crt")),
                "reads its credentials from files");
    }

    @Test
    void malformedSecretDataIsRefusedWithoutQuotingIt() {
        assertRejected(Map.of(), "either kubeconfig, or server and token");
        assertRejected(Map.of("server", "https://k8s.example.com"), "either kubeconfig, or server and token");
        assertRejected(Map.of("server", "k8s.example.com", "token", "abc"), "http or https URL");
        assertRejected(Map.of("server", "https://k8s.example.com", "token", "abc", "certificate_authority_data", "not base64!"), "not base64");
        assertRejected(Map.of("kubeconfig", KUBECONFIG.formatted("    token: s3cret"), "context", "missing"), "no context missing");
        PluginException failure = assertRejected(Map.of("kubeconfig", "token: s3cret: [unclosed"), "not a valid kubeconfig");
        assertThat(failure.getMessage()).doesNotContain("s3cret");
    }

    private static PluginException assertRejected(Map<String, Object> secretData, String reason) {
        PluginException failure = catchThrowableOfType(PluginException.class, () -> ClusterCredentials.parse(secretData));
        assertThat(failure).as("secret data refused").isNotNull();
        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).contains(reason);
        return failure;
    }
}
