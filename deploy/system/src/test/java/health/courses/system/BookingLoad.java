package health.courses.system;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady booking load from a few client threads: each booking gets its own practitioner and room, so bookings
 * never conflict and every refusal means the service was not there. Only bookings answered 201 are promises the
 * system must keep; requests cut off by a crash have an unknown outcome and are only counted.
 */
final class BookingLoad implements AutoCloseable {

    private final ClinicApi clinic;
    private final ScheduledExecutorService clients;
    private final List<ClinicApi.Booked> booked = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private BookingLoad(ClinicApi clinic, int threads) {
        this.clinic = clinic;
        AtomicInteger named = new AtomicInteger();
        this.clients = Executors.newScheduledThreadPool(threads, task -> {
            Thread thread = new Thread(task, "booking-load-" + named.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param token with the roles booking and clinician (see {@link ClinicApi})
     * @param pause between one client's bookings, which sets the rate: threads / (pause + request time)
     */
    static BookingLoad start(Supplier<String> baseUrl, String token, int threads, Duration pause) {
        BookingLoad load = new BookingLoad(new ClinicApi(baseUrl, token), threads);
        for (int i = 0; i < threads; i++) {
            load.clients.scheduleWithFixedDelay(load::bookOne, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
        return load;
    }

    private void bookOne() {
        attempts.incrementAndGet();
        try {
            booked.add(clinic.bookCourse());
        } catch (IOException | RuntimeException e) {
            failures.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<ClinicApi.Booked> booked() {
        return List.copyOf(booked);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    int attempts() {
        return attempts.get();
    }

    /** Stops the clients after their current booking, so every answered booking is counted. */
    @Override
    public void close() {
        clients.shutdown();
        try {
            clients.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
