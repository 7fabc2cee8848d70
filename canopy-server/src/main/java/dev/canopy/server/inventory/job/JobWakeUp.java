package dev.canopy.server.inventory.job;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Lets idle workers of this instance start on a new job at once instead of at their next poll. */
@Component
class JobWakeUp {

    private final Semaphore signal = new Semaphore(0);

    /** Wakes the workers once the current transaction commits (at once outside one). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.release();
                }
            });
        } else {
            signal.release();
        }
    }

    /** Waits for a wake-up or the timeout; true when woken. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signal.drainPermits();
        return woken;
    }
}
