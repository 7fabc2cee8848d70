package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginException;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach one cluster, read from the secret data of the managed schemas: {@code kubeconfig} (the whole
 * file, with an optional {@code context}) or {@code server} + {@code token} (with an optional
 * {@code certificate_authority_data}, base64 PEM).
 * <p>
 * Nothing comes from the host: no environment variable, system property, {@code ~/.kube/config} or
 * in-cluster service account is read, so a collector running inside the server never borrows the server's
 * own rights. A kubeconfig may only carry its credentials inline: users that run a command ({@code exec},
 * {@code auth-provider}) or read local files ({@code tokenFile}, {@code client-certificate},
 * {@code certificate-authority}) are refused, since the file comes from a user and runs on the collector's host.
 *
 * @param config      the client configuration
 * @param clusterName the cluster's name as the credentials give it: the kubeconfig context's cluster, or the
 *                    API server's host name
 */
record ClusterCredentials(Config config, String clusterName) {

    private static final int CONNECTION_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 30_000;
    private static final int RETRY_LIMIT = 1;
    private static final int RETRY_INTERVAL_MS = 200;

    /** Reads the secret data; anything missing or malformed is {@code REJECTED}, without quoting it. */
    static ClusterCredentials parse(Map<String, Object> secretData) {
        Object kubeconfig = secretData.get("kubeconfig");
        if (kubeconfig != null) {
            if (!(kubeconfig instanceof String contents) || contents.isBlank()) {
                throw PluginException.rejected("secret data kubeconfig must be the kubeconfig file as a string");
            }
            Object context = secretData.get("context");
            if (context != null && (!(context instanceof String name) || name.isBlank())) {
                throw PluginException.rejected("secret data context must be a non-blank string");
            }
            return fromKubeconfig(contents, (String) context);
        }
        if (secretData.get("server") instanceof String server && !server.isBlank()
                && secretData.get("token") instanceof String token && !token.isBlank()) {
            Object authority = secretData.get("certificate_authority_data");
            if (authority != null && (!(authority instanceof String data) || data.isBlank())) {
                throw PluginException.rejected("secret data certificate_authority_data must be base64 PEM");
            }
            return fromToken(server.strip(), token.strip(), (String) authority);
        }
        throw PluginException.rejected("secret data needs either kubeconfig, or server and token");
    }

    /** A client of the cluster; the caller closes it. */
    KubernetesClient connect() {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }

    private static ClusterCredentials fromToken(String server, String token, String authorityData) {
        URI uri = serverUri(server, "secret data server");
        ConfigBuilder builder = new ConfigBuilder(Config.empty())
                .withMasterUrl(server)
                .withOauthToken(token);
        if (authorityData != null) {
            requireBase64(authorityData.strip(), "secret data certificate_authority_data");
            builder.withCaCertData(authorityData.strip());
        }
        Config config = builder.build();
        bound(config);
        return new ClusterCredentials(config, uri.getHost());
    }

    private static ClusterCredentials fromKubeconfig(String contents, String contextName) {
        io.fabric8.kubernetes.api.model.Config file;
        try {
            file = new KubernetesSerialization().unmarshal(contents, io.fabric8.kubernetes.api.model.Config.class);
        } catch (RuntimeException e) {
            throw PluginException.rejected("secret data kubeconfig is not a valid kubeconfig file");
        }
        if (file == null) {
            throw PluginException.rejected("secret data kubeconfig is not a valid kubeconfig file");
        }
        String chosen = contextName != null ? contextName : file.getCurrentContext();
        if (chosen == null || chosen.isBlank()) {
            throw PluginException.rejected("the kubeconfig has no current-context: give secret data context");
        }
        NamedContext context = named(file.getContexts(), chosen, NamedContext::getName)
                .orElseThrow(() -> PluginException.rejected("the kubeconfig has no context " + chosen));
        if (context.getContext() == null || context.getContext().getCluster() == null) {
            throw PluginException.rejected("kubeconfig context " + chosen + " names no cluster");
        }
        String clusterName = context.getContext().getCluster();
        Cluster cluster = named(file.getClusters(), clusterName, NamedCluster::getName).map(NamedCluster::getCluster)
                .orElseThrow(() -> PluginException.rejected("the kubeconfig has no cluster " + clusterName));
        if (cluster.getServer() == null || cluster.getServer().isBlank()) {
            throw PluginException.rejected("kubeconfig cluster " + clusterName + " has no server");
        }
        serverUri(cluster.getServer(), "kubeconfig cluster " + clusterName + " server");
        if (cluster.getCertificateAuthority() != null) {
            throw PluginException.rejected("kubeconfig cluster " + clusterName
                    + " reads certificate-authority from a file: use certificate-authority-data");
        }
        String userName = context.getContext().getUser();
        if (userName != null) {
            named(file.getUsers(), userName, NamedAuthInfo::getName).map(NamedAuthInfo::getUser)
                    .ifPresent(user -> requireInline(user, userName));
        }
        Config config;
        try {
            config = Config.fromKubeconfig(chosen, contents, null);
        } catch (RuntimeException e) {
            throw PluginException.rejected("secret data kubeconfig cannot be used: context " + chosen + " is incomplete");
        }
        bound(config);
        return new ClusterCredentials(config, clusterName);
    }

    private static void requireInline(AuthInfo user, String userName) {
        if (user.getExec() != null || user.getAuthProvider() != null) {
            throw PluginException.rejected("kubeconfig user " + userName
                    + " runs a command to get its credentials (exec or auth-provider): use a token or client certificate data");
        }
        if (user.getTokenFile() != null || user.getClientCertificate() != null || user.getClientKey() != null) {
            throw PluginException.rejected("kubeconfig user " + userName
                    + " reads its credentials from files: use token, client-certificate-data and client-key-data");
        }
    }

    /** Timeouts and retries of a collector: a dead API server fails fast rather than after minutes. */
    private static void bound(Config config) {
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        config.setRequestRetryBackoffLimit(RETRY_LIMIT);
        config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MS);
    }

    private static URI serverUri(String server, String what) {
        try {
            URI uri = URI.create(server);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw PluginException.rejected(what + " must be an http or https URL");
    }

    private static void requireBase64(String value, String what) {
        try {
            Base64.getDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw PluginException.rejected(what + " is not base64");
        }
    }

    private static <T> Optional<T> named(List<T> entries, String name, Function<T, String> nameOf) {
        return entries == null ? Optional.empty()
                : entries.stream().filter(entry -> Objects.equals(nameOf.apply(entry), name)).findFirst();
    }
}
