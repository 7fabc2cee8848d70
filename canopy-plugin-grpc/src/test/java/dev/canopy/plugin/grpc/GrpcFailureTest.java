package dev.canopy.plugin.grpc;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;
import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;
import dev.canopy.plugin.grpc.collector.GrpcCollectorPlugin;
import dev.canopy.plugin.grpc.collector.SampleCollectorPlugin;
import dev.canopy.plugin.grpc.cost.GrpcCostDataSourcePlugin;
import dev.canopy.plugin.grpc.webhook.GrpcWebhookPlugin;
import dev.canopy.plugin.proto.CollectResponse;
import dev.canopy.plugin.proto.CollectorGrpc;
import dev.canopy.plugin.proto.CostDataResponse;
import dev.canopy.plugin.proto.CostDataSourceGrpc;
import dev.canopy.plugin.proto.CostRow;
import dev.canopy.plugin.proto.DescribeResponse;
import dev.canopy.plugin.proto.PluginDescriptor;
import dev.canopy.plugin.proto.PluginInfoGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How calls fail over gRPC: every failure is a {@link PluginException} of the right kind, within the
 * deadlines, and a stream the caller gives up cancels the plugin's work. Loopback only.
 */
@Timeout(30)
class GrpcFailureTest {

    private static final Map<String, Object> SECRET = Map.of("token", "sample-token");

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (int index = resources.size() - 1; index >= 0; index--) {
            resources.get(index).close();
        }
    }

    @Test
    void aPluginSleepingPastTheDeadlineTimesOutWithinIt() {
        GrpcCollectorPlugin plugin = collector(sample(), GrpcPluginSettings.defaults().withCallDeadline(Duration.ofMillis(300)));
        long started = System.nanoTime();
        PluginException failure = catchThrowableOfType(PluginException.class,
                () -> plugin.verify(Map.of("sleep_on_verify_ms", 5_000), SECRET));
        assertThat(failure.failure()).isEqualTo(PluginFailure.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPluginStallingMidStreamTimesOutThroughTheIdleTimeout() throws InterruptedException {
        SampleCollectorPlugin sample = new SampleCollectorPlugin();
        GrpcCollectorPlugin plugin = collector(sample, GrpcPluginSettings.defaults().withIdleTimeout(Duration.ofMillis(500)));
        List<CollectedResource> received = new ArrayList<>();
        long started = System.nanoTime();
        // Items 60 ms apart go out one by one; after the fourth the plugin sleeps for 30 s.
        PluginException failure = catchThrowableOfType(PluginException.class, () -> {
            try (Stream<CollectedResource> items = plugin.collect(request(Map.of("delay_ms", 60, "stall_after", 4)))) {
                items.forEach(received::add);
            }
        });
        assertThat(failure.failure()).isEqualTo(PluginFailure.TIMEOUT);
        assertThat(received).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        // The idle timeout cancelled the call, which interrupted the plugin and closed its stream.
        awaitAtLeast(() -> sample.closedStreams.get(), 1);
    }

    @Test
    void aServerGoingAwayMidStreamMakesThePluginUnavailable() {
        LoopbackEndpoint endpoint = endpoint(new SampleCollectorPlugin());
        GrpcCollectorPlugin plugin = new GrpcCollectorPlugin(endpoint.channel(), GrpcPluginSettings.defaults());
        PluginException failure = catchThrowableOfType(PluginException.class, () -> {
            try (Stream<CollectedResource> items = plugin.collect(request(Map.of("count", 1_000, "delay_ms", 5)))) {
                Iterator<CollectedResource> iterator = items.iterator();
                for (int index = 0; index < 20; index++) {
                    iterator.next();
                }
                endpoint.server().abort();
                while (iterator.hasNext()) {
                    iterator.next();
                }
            }
        });
        assertThat(failure.failure()).isEqualTo(PluginFailure.UNAVAILABLE);
    }

    @Test
    void aRefusedConnectionMakesThePluginUnavailable() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ManagedChannel channel = PluginChannels.plaintext("127.0.0.1", port);
        try {
            GrpcCollectorPlugin plugin = new GrpcCollectorPlugin(channel, GrpcPluginSettings.defaults());
            assertThatThrownBy(() -> plugin.init(Map.of())).isInstanceOf(PluginException.class)
                    .extracting(failure -> ((PluginException) failure).failure()).isEqualTo(PluginFailure.UNAVAILABLE);
        } finally {
            PluginChannels.shutdown(channel, Duration.ofSeconds(1));
        }
    }

    @Test
    void aRuntimeExceptionInThePluginIsInternal() {
        GrpcCollectorPlugin plugin = collector(sample(), GrpcPluginSettings.defaults());
        PluginException failure = catchThrowableOfType(PluginException.class,
                () -> plugin.verify(Map.of("throw_on_verify", true), SECRET));
        assertThat(failure.failure()).isEqualTo(PluginFailure.INTERNAL);
        assertThat(failure.getMessage()).contains("IllegalStateException", "sample failure");
    }

    @Test
    void aRejectionKeepsThePluginsMessage() {
        GrpcCollectorPlugin plugin = collector(sample(), GrpcPluginSettings.defaults());
        PluginException failure = catchThrowableOfType(PluginException.class, () -> plugin.verify(Map.of(), Map.of()));
        assertThat(failure.failure()).isEqualTo(PluginFailure.REJECTED);
        assertThat(failure.getMessage()).isEqualTo("secret data needs a token");
    }

    @Test
    void closingAStreamEarlyCancelsThePluginsWork() {
        SampleCollectorPlugin sample = new SampleCollectorPlugin();
        GrpcCollectorPlugin plugin = collector(sample, GrpcPluginSettings.defaults());
        try (Stream<CollectedResource> items = plugin.collect(request(Map.of("count", 10_000_000)))) {
            assertThat(items.limit(10).count()).isEqualTo(10);
        }
        awaitAtLeast(() -> sample.closedStreams.get(), 1);
        long producedAtClose = sample.produced.get();
        sleep(200);
        assertThat(sample.produced.get()).as("items produced after the close").isLessThan(producedAtClose + 1_000);
    }

    @Test
    void aSlowConsumerHoldsThePluginBackInsteadOfBufferingTheStream() {
        SampleCollectorPlugin sample = new SampleCollectorPlugin();
        GrpcCollectorPlugin plugin = collector(sample, GrpcPluginSettings.defaults());
        try (Stream<CollectedResource> items = plugin.collect(request(Map.of("count", 10_000_000)))) {
            Iterator<CollectedResource> iterator = items.iterator();
            iterator.next();
            sleep(500);
            // Two prefetched batches, the transport's flow-control windows and the batch being built:
            // tens of thousands of small items at most, never the ten million.
            assertThat(sample.produced.get()).isLessThan(50_000);
        }
    }

    @Test
    void aCollectedItemWithoutStateIsMalformed() throws IOException {
        Server server = raw(new CollectorGrpc.CollectorImplBase() {
            @Override
            public void collect(dev.canopy.plugin.proto.CollectRequest request, StreamObserver<CollectResponse> responses) {
                responses.onNext(CollectResponse.newBuilder()
                        .addResources(dev.canopy.plugin.proto.CollectedResource.newBuilder().setResourceType("inventory.CloudService"))
                        .build());
                responses.onCompleted();
            }
        });
        GrpcCollectorPlugin plugin = new GrpcCollectorPlugin(channel(server), GrpcPluginSettings.defaults());
        PluginException failure = catchThrowableOfType(PluginException.class, () -> {
            try (Stream<CollectedResource> items = plugin.collect(request(Map.of()))) {
                items.forEach(item -> { });
            }
        });
        assertThat(failure.failure()).isEqualTo(PluginFailure.MALFORMED);
        assertThat(failure.getMessage()).contains("no known state");
    }

    @Test
    void aResourceThatIsNotJsonIsMalformed() throws IOException {
        Server server = raw(new CollectorGrpc.CollectorImplBase() {
            @Override
            public void collect(dev.canopy.plugin.proto.CollectRequest request, StreamObserver<CollectResponse> responses) {
                responses.onNext(CollectResponse.newBuilder()
                        .addResources(dev.canopy.plugin.proto.CollectedResource.newBuilder()
                                .setState(dev.canopy.plugin.proto.CollectedResource.State.SUCCESS)
                                .setResourceType("inventory.CloudService")
                                .setResourceJson(com.google.protobuf.ByteString.copyFromUtf8("{\"name\": ")))
                        .build());
                responses.onCompleted();
            }
        });
        GrpcCollectorPlugin plugin = new GrpcCollectorPlugin(channel(server), GrpcPluginSettings.defaults());
        assertThatThrownBy(() -> plugin.collect(request(Map.of())).toList())
                .isInstanceOf(PluginException.class)
                .extracting(failure -> ((PluginException) failure).failure()).isEqualTo(PluginFailure.MALFORMED);
    }

    @Test
    void aCostRowWithAnUnreadableDateIsMalformed() throws IOException {
        Server server = raw(new CostDataSourceGrpc.CostDataSourceImplBase() {
            @Override
            public void costData(dev.canopy.plugin.proto.CostDataRequest request, StreamObserver<CostDataResponse> responses) {
                responses.onNext(CostDataResponse.newBuilder()
                        .addRows(CostRow.newBuilder().setCost(1.5).setBilledDate("yesterday"))
                        .build());
                responses.onCompleted();
            }
        });
        GrpcCostDataSourcePlugin plugin = new GrpcCostDataSourcePlugin(channel(server), GrpcPluginSettings.defaults());
        assertThatThrownBy(() -> plugin.costData(Map.of(), SECRET, Map.of()).toList())
                .isInstanceOf(PluginException.class)
                .extracting(failure -> ((PluginException) failure).failure()).isEqualTo(PluginFailure.MALFORMED);
    }

    @Test
    void aDescriptorOfNoKnownKindIsMalformed() throws IOException {
        Server server = raw(new PluginInfoGrpc.PluginInfoImplBase() {
            @Override
            public void describe(dev.canopy.plugin.proto.DescribeRequest request, StreamObserver<DescribeResponse> responses) {
                responses.onNext(DescribeResponse.newBuilder()
                        .addPlugins(PluginDescriptor.newBuilder().setPluginId("plugin-x").setVersion("1.0").setKindValue(42))
                        .build());
                responses.onCompleted();
            }
        });
        PluginInfoClient client = new PluginInfoClient(channel(server), GrpcPluginSettings.defaults());
        assertThatThrownBy(client::describe).isInstanceOf(PluginException.class)
                .extracting(failure -> ((PluginException) failure).failure()).isEqualTo(PluginFailure.MALFORMED);
    }

    @Test
    void anEndpointWithoutTheKindIsInternal() {
        LoopbackEndpoint endpoint = endpoint(new SampleCollectorPlugin());
        GrpcWebhookPlugin plugin = new GrpcWebhookPlugin(endpoint.channel(), GrpcPluginSettings.defaults());
        assertThatThrownBy(() -> plugin.init(Map.of())).isInstanceOf(PluginException.class)
                .extracting(failure -> ((PluginException) failure).failure()).isEqualTo(PluginFailure.INTERNAL);
    }

    private SampleCollectorPlugin sample() {
        return new SampleCollectorPlugin();
    }

    private GrpcCollectorPlugin collector(SampleCollectorPlugin sample, GrpcPluginSettings settings) {
        return new GrpcCollectorPlugin(endpoint(sample).channel(), settings);
    }

    private LoopbackEndpoint endpoint(SampleCollectorPlugin sample) {
        LoopbackEndpoint endpoint = LoopbackEndpoint.serve(new ServedPlugin(SampleCollectorPlugin.DESCRIPTOR, sample));
        resources.add(endpoint);
        return endpoint;
    }

    private Server raw(io.grpc.BindableService service) throws IOException {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
        resources.add(() -> server.shutdownNow().awaitTermination());
        return server;
    }

    private ManagedChannel channel(Server server) {
        ManagedChannel channel = PluginChannels.plaintext("127.0.0.1", server.getPort());
        resources.add(() -> PluginChannels.shutdown(channel, Duration.ofSeconds(1)));
        return channel;
    }

    private static CollectRequest request(Map<String, Object> options) {
        return new CollectRequest(options, SECRET, Map.of(), Map.of());
    }

    private static void awaitAtLeast(java.util.function.LongSupplier value, long least) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (value.getAsLong() < least && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(least);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
