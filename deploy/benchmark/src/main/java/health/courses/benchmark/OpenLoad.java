package health.courses.benchmark;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-model load: requests are issued at fixed intended times whatever the system does, and each latency is
 * measured from its intended start, so a stall shows as the latency of every request it delayed (no coordinated
 * omission). Requests that cannot start on time wait in the executor's queue, and that wait is counted.
 */
final class OpenLoad {

    /** One request; throws if the system refused it. */
    @FunctionalInterface
    interface Request {
        void issue(long sequence) throws Exception;
    }

    record Result(Histogram latencies, long issued, long failed, Duration elapsed, String firstFailure) {

        double p(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1_000_000.0;
        }

        double achievedRate() {
            return (issued - failed) / (elapsed.toNanos() / 1e9);
        }
    }

    private OpenLoad() {
    }

    static Result run(double perSecond, Duration duration, int workers, Request request) {
        Recorder recorder = new Recorder(3);
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        long interval = (long) (1_000_000_000L / perSecond);
        long total = Math.max(1, (long) (perSecond * duration.toNanos() / 1e9));
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("open-load"));
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sequence = i;
            pool.execute(() -> {
                try {
                    request.issue(sequence);
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
                recorder.recordValue(Math.max(0, System.nanoTime() - intended));
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(recorder.getIntervalHistogram(), total, failed.get(),
                Duration.ofNanos(System.nanoTime() - start), firstFailure.get());
    }

    /** Closed model, for the maximum rate only: each client issues its next request as soon as the last answered. */
    static Result saturate(int clients, Duration duration, Request request) {
        Recorder recorder = new Recorder(3);
        AtomicLong issued = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("saturate"));
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    long sequence = issued.getAndIncrement();
                    long began = System.nanoTime();
                    try {
                        request.issue(sequence);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                    recorder.recordValue(System.nanoTime() - began);
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(recorder.getIntervalHistogram(), issued.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - start), firstFailure.get());
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
