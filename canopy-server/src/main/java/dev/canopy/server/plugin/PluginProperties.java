package dev.canopy.server.plugin;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Plugin runtime settings.
 *
 * @param directory         where plugin jars are dropped to run in process; {@code <data-dir>/plugins} when empty
 * @param callTimeout       the deadline of every call that is not a stream
 * @param streamIdleTimeout how long a stream may go without an item before the call fails
 * @param streamTimeout     the deadline of a whole stream
 * @param supervisor        where managed plugins run: {@code process} (local processes) or {@code kubernetes}
 * @param startupTimeout    how long a managed plugin may take to start listening
 * @param idleStop          a managed plugin not called for this long is stopped
 * @param healthInterval    how often running managed plugins are checked, and dead ones restarted
 * @param javaCommand       the java launcher for managed plugin jars; the server's own when empty
 * @param kubernetes        the Kubernetes supervisor's settings
 */
@ConfigurationProperties("canopy.plugin")
public record PluginProperties(Path directory,
                               @DefaultValue("30s") Duration callTimeout,
                               @DefaultValue("60s") Duration streamIdleTimeout,
                               @DefaultValue("6h") Duration streamTimeout,
                               @DefaultValue("process") String supervisor,
                               @DefaultValue("60s") Duration startupTimeout,
                               @DefaultValue("30m") Duration idleStop,
                               @DefaultValue("5s") Duration healthInterval,
                               String javaCommand,
                               @DefaultValue Kubernetes kubernetes) {

    /**
     * @param namespace     where Deployments and Services of plugins are created
     * @param clusterDomain the cluster's DNS domain, for the Service endpoints
     * @param port          the port plugin containers listen on
     */
    public record Kubernetes(@DefaultValue("canopy-plugins") String namespace,
                             @DefaultValue("cluster.local") String clusterDomain,
                             @DefaultValue("50051") int port) {
    }
}
