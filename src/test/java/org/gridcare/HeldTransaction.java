package org.gridcare;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction on a thread of its own that takes something (a row lock, an advisory lock) and holds it until
 * released: for tests of what has to wait for it.
 */
public final class HeldTransaction implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<?> holder;

    private HeldTransaction(TransactionTemplate tx, Runnable take) throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        holder = thread.submit(() -> tx.executeWithoutResult(status -> {
            take.run();
            taken.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        while (!taken.await(50, TimeUnit.MILLISECONDS)) {
            if (holder.isDone()) {
                holder.get(); // what taking it failed with
            }
        }
    }

    /** Runs {@code take} in a new transaction on another thread and returns once it has run. */
    public static HeldTransaction take(TransactionTemplate tx, Runnable take) throws Exception {
        return new HeldTransaction(tx, take);
    }

    /** Ends the transaction (it commits) and waits until it has. */
    public void release() throws Exception {
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
        thread.shutdownNow();
    }
}
