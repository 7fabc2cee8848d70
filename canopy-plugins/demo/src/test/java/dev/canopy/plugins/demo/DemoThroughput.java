package dev.canopy.plugins.demo;

import dev.canopy.plugin.api.collector.CollectRequest;
import dev.canopy.plugin.api.collector.CollectedResource;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Not a test: measures how fast the demo estate is generated on one thread. Run it with the test class
 * path, e.g. {@code java -cp target/classes:target/test-classes:<api jar> dev.canopy.plugins.demo.DemoThroughput 1000000}.
 */
final class DemoThroughput {

    private DemoThroughput() {
    }

    public static void main(String[] arguments) {
        long size = arguments.length > 0 ? Long.parseLong(arguments[0]) : 1_000_000;
        DemoCollectorPlugin plugin = new DemoCollectorPlugin();
        for (int round = 1; round <= 5; round++) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            long checksum = 0;
            long count = 0;
            try (Stream<CollectedResource> items = plugin.collect(new CollectRequest(
                    Map.of("size", size, "seed", round), Map.of(), Map.of(), Map.of()))) {
                for (CollectedResource item : (Iterable<CollectedResource>) items::iterator) {
                    checksum += item.resource().size();
                    count++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // CPU time of this thread: what a busy machine's other work does not distort (garbage collection excluded).
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9;
            System.out.printf("round %d: %,d items in %.2f s, %,.0f items/s; %,.0f items per CPU second (checksum %d)%n",
                    round, count, seconds, count / seconds, count / cpuSeconds, checksum);
        }
    }
}
