package dev.canopy.server.plugin.local;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.canopy.plugin.api.Plugin;
import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.PluginFailure;

/**
 * Gives an in-process plugin the deadlines a remote one has: every call runs on a plugin thread and
 * fails with {@link PluginFailure#TIMEOUT} when late; a stream is pumped through a bounded queue so
 * that a plugin stalling between items fails the same way; anything a plugin throws besides a
 * {@link PluginException} becomes {@link PluginFailure#INTERNAL}. Callers cannot tell it from a
 * remote plugin.
 */
public final class PluginCallGuard {

    private static final int QUEUE_CAPACITY = 1024;
    private static final Object END = new Object();

    private final ExecutorService executor;
    private final Duration callTimeout;
    private final Duration streamIdleTimeout;

    public PluginCallGuard(ExecutorService executor, Duration callTimeout, Duration streamIdleTimeout) {
        this.executor = executor;
        this.callTimeout = callTimeout;
        this.streamIdleTimeout = streamIdleTimeout;
    }

    /** {@code plugin} seen through {@code kind}, its interface, with every call guarded. */
    public <P extends Plugin> P guard(Class<P> kind, P plugin, String pluginId) {
        InvocationHandler handler = (proxy, method, arguments) -> invoke(plugin, pluginId, method, arguments);
        return kind.cast(Proxy.newProxyInstance(kind.getClassLoader(), new Class<?>[] {kind}, handler));
    }

    private Object invoke(Plugin plugin, String pluginId, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(plugin, arguments);
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            plugin.close();
            return null;
        }
        Object result = call(pluginId, method, () -> method.invoke(plugin, arguments));
        if (result instanceof Stream<?> stream) {
            return pumped(pluginId, method.getName(), stream);
        }
        return result;
    }

    private Object call(String pluginId, Method method, ReflectiveCall call) {
        Future<Object> future;
        try {
            future = executor.submit(() -> unwrapped(call));
        } catch (RejectedExecutionException busy) {
            throw new PluginException(PluginFailure.UNAVAILABLE, "too many plugin calls at once; try again");
        }
        try {
            return future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            future.cancel(true);
            throw new PluginException(PluginFailure.TIMEOUT,
                    "plugin " + pluginId + " did not answer " + method.getName() + " within " + callTimeout.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginException(PluginFailure.UNAVAILABLE, "the call to plugin " + pluginId + " was interrupted");
        } catch (ExecutionException failed) {
            throw translated(pluginId, method.getName(), failed.getCause());
        }
    }

    private static Object unwrapped(ReflectiveCall call) throws Exception {
        try {
            return call.run();
        } catch (InvocationTargetException thrown) {
            if (thrown.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (thrown.getCause() instanceof Error error) {
                throw error;
            }
            throw thrown;
        }
    }

    static PluginException translated(String pluginId, String verb, Throwable thrown) {
        if (thrown instanceof PluginException known) {
            return known;
        }
        return new PluginException(PluginFailure.INTERNAL, "plugin " + pluginId + " failed in " + verb + ": "
                + thrown.getClass().getSimpleName() + (thrown.getMessage() != null ? ": " + thrown.getMessage() : ""), thrown);
    }

    /**
     * The plugin's stream, read on a plugin thread into a bounded queue: the caller waits at most
     * the idle timeout for each item, and closing the result stops the reading.
     */
    private Stream<Object> pumped(String pluginId, String verb, Stream<?> source) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        Future<?> pump;
        try {
            pump = executor.submit(() -> {
                try (source) {
                    Iterator<?> items = source.iterator();
                    while (items.hasNext()) {
                        queue.put(items.next());
                    }
                    queue.put(END);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } catch (Throwable failed) {
                    try {
                        queue.put(new Failure(translated(pluginId, verb, failed)));
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        } catch (RejectedExecutionException busy) {
            source.close();
            throw new PluginException(PluginFailure.UNAVAILABLE, "too many plugin calls at once; try again");
        }
        Iterator<Object> items = new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                if (next instanceof Failure failure) {
                    throw failure.exception();
                }
                return next != END;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object item = next;
                next = null;
                return item;
            }

            private Object take() {
                try {
                    Object item = queue.poll(streamIdleTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (item == null) {
                        pump.cancel(true);
                        return new Failure(new PluginException(PluginFailure.TIMEOUT, "plugin " + pluginId + " sent nothing in "
                                + verb + " for " + streamIdleTimeout.toSeconds() + " s"));
                    }
                    return item;
                } catch (InterruptedException interrupted) {
                    pump.cancel(true);
                    Thread.currentThread().interrupt();
                    return new Failure(new PluginException(PluginFailure.UNAVAILABLE, "reading plugin " + pluginId + " was interrupted"));
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> pump.cancel(true));
    }

    private record Failure(PluginException exception) {
    }

    @FunctionalInterface
    private interface ReflectiveCall {
        Object run() throws Exception;
    }
}
