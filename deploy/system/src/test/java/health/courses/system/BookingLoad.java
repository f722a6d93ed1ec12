package health.courses.system;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady booking load from a few client threads: each booking gets its own practitioner and room, so bookings
 * never conflict and every refusal means the service was not there. Only bookings answered 201 are promises the
 * system must keep; requests cut off by a crash have an unknown outcome and are only counted.
 */
final class BookingLoad implements AutoCloseable {

    private final ClinicApi clinic;
    private final Duration pause;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<ClinicApi.Booked> booked = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    private BookingLoad(ClinicApi clinic, Duration pause) {
        this.clinic = clinic;
        this.pause = pause;
    }

    /**
     * @param token with the roles booking and clinician (see {@link ClinicApi})
     * @param pause between one client's bookings, which sets the rate: threads / (pause + request time)
     */
    static BookingLoad start(Supplier<String> baseUrl, String token, int threads, Duration pause) {
        BookingLoad load = new BookingLoad(new ClinicApi(baseUrl, token), pause);
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(load::run, "booking-load-" + i);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run() {
        while (running.get()) {
            attempts.incrementAndGet();
            try {
                booked.add(clinic.bookCourse());
            } catch (IOException | RuntimeException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                return;
            }
            sleep(pause);
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

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Stops the clients after their current booking, so every answered booking is counted. */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
