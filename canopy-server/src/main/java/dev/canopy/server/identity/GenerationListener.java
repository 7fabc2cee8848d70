package dev.canopy.server.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds one database connection listening on the channel {@code identity_generation} and passes
 * every announced generation to {@link Generations}. When the connection fails it tells
 * {@link Generations} to read the database again, and reconnects.
 */
@Component
class GenerationListener implements SmartLifecycle {

    static final String CHANNEL = "identity_generation";
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(GenerationListener.class);

    private final DataSource dataSource;
    private final Generations generations;
    private volatile boolean running;
    private Thread thread;

    GenerationListener(DataSource dataSource, Generations generations) {
        this.dataSource = dataSource;
        this.generations = generations;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "identity-generation-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        generations.deaf();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT.toMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                generations.listening();
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) WAIT.toMillis());
                    if (received != null) {
                        for (PGNotification notification : received) {
                            accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException failure) {
                generations.deaf();
                if (running) {
                    log.warn("Lost the identity notifications ({}); reading identity generations from the database"
                            + " until reconnected", failure.getMessage());
                    pause();
                }
            }
        }
    }

    private void accept(String payload) {
        int colon = payload.lastIndexOf(':');
        if (colon > 0) {
            try {
                generations.observe(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
            } catch (NumberFormatException ignored) {
                // not ours: the channel carries only "<domain>:<generation>"
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
