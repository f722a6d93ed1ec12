package health.courses.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Clients of a clinic spread over replicas: each registers a patient through one scheduling-service, writes the
 * patient's contact (email and SMS) through one notification-service, books a course, and every few courses cancels
 * the first session through the other scheduling-service. Only answered requests are facts; a request cut off by a
 * killed replica is counted, and a cancel cut off that way leaves its course out of the order check (its outcome is
 * unknown).
 */
final class ReplicaLoad implements AutoCloseable {

    enum Cancel { NONE, DONE, UNKNOWN }

    /** A booking answered 201, when its client began it (System.nanoTime), and what became of its first session. */
    record Course(ClinicApi.Booked booked, long begunNanos, String email, Cancel cancel) {

        String firstSession() {
            return booked.sessionIds().get(0);
        }
    }

    private static final Duration RETRY_AFTER = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Supplier<String>> schedulers;
    private final List<Supplier<String>> notifications;
    private final String token;
    private final int cancelEvery;
    private final ScheduledExecutorService clients;
    private final List<Course> courses = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger booked = new AtomicInteger();
    private final int[] bookedVia;

    private ReplicaLoad(List<Supplier<String>> schedulers, List<Supplier<String>> notifications, String token,
            int clients, int cancelEvery) {
        this.schedulers = schedulers;
        this.notifications = notifications;
        this.token = token;
        this.cancelEvery = cancelEvery;
        this.bookedVia = new int[schedulers.size()];
        AtomicInteger named = new AtomicInteger();
        this.clients = Executors.newScheduledThreadPool(clients, task -> {
            Thread thread = new Thread(task, "replica-load-" + named.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code clients} threads, client i on scheduler i mod n and notification-service i mod n. */
    static ReplicaLoad start(List<Supplier<String>> schedulers, List<Supplier<String>> notifications, String token,
            int clients, Duration pause, int cancelEvery) {
        ReplicaLoad load = new ReplicaLoad(schedulers, notifications, token, clients, cancelEvery);
        for (int i = 0; i < clients; i++) {
            int client = i;
            load.clients.scheduleWithFixedDelay(() -> load.bookOne(client), 0, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
        return load;
    }

    private void bookOne(int client) {
        attempts.incrementAndGet();
        long begun = System.nanoTime();
        int scheduler = client % schedulers.size();
        ClinicApi api = new ClinicApi(schedulers.get(scheduler), token);
        try {
            String patient = api.registerEvaluatedPatient("chronic-prostatitis");
            String email = "replica-" + patient + "@example.org";
            send("PUT", notifications.get(client % notifications.size()).get() + "/api/v1/patients/" + patient
                    + "/contact", """
                    {"email":"%s","phone":"+4930%07d","language":"en","zone":"Europe/Berlin",\
                    "preferredChannels":["email","sms"]}""".formatted(email,
                    ThreadLocalRandom.current().nextInt(10_000_000)));
            ClinicApi.Booked course = api.bookCourse(patient);
            synchronized (bookedVia) {
                bookedVia[scheduler]++;
            }
            Cancel cancel = Cancel.NONE;
            if (booked.incrementAndGet() % cancelEvery == 0) {
                cancel = cancel(schedulers.get((scheduler + 1) % schedulers.size()).get(), course.sessionIds().get(0));
            }
            courses.add(new Course(course, begun, email, cancel));
        } catch (IOException | RuntimeException e) {
            failures.add(e.toString());
            awaitReplicasBack(client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A killed replica refuses connections at once: rather than spin, its clients wait until this client's two
     * services accept connections again, for at most {@link #RETRY_AFTER}; the next attempt tells the rest.
     */
    private void awaitReplicasBack(int client) {
        String scheduler = schedulers.get(client % schedulers.size()).get();
        String notification = notifications.get(client % notifications.size()).get();
        try {
            await().atMost(RETRY_AFTER).pollInterval(Duration.ofMillis(50))
                    .until(() -> accepts(scheduler) && accepts(notification));
        } catch (ConditionTimeoutException stillDown) {
            // still restarting: the next scheduled attempt fails fast and waits here again
        }
    }

    private static boolean accepts(String url) {
        URI address = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private Cancel cancel(String scheduler, String sessionId) throws InterruptedException {
        try {
            send("POST", scheduler + "/api/v1/sessions/" + sessionId + "/cancel",
                    "{\"by\":\"patient\",\"reason\":\"illness\"}");
            return Cancel.DONE;
        } catch (IOException | RuntimeException cutOff) {
            failures.add("cancel: " + cutOff);
            return Cancel.UNKNOWN;
        }
    }

    /** Fails unless the answer is 2xx (a contact PUT answers 201 the first time). */
    private void send(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    List<Course> courses() {
        return List.copyOf(courses);
    }

    /** Courses booked (201) through scheduler {@code index} so far. */
    int bookedVia(int index) {
        synchronized (bookedVia) {
            return bookedVia[index];
        }
    }

    int booked() {
        return booked.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    int attempts() {
        return attempts.get();
    }

    /** Stops the clients after their current iteration, so every answered booking is counted. */
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
