package health.courses.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * A consumer group as the broker describes it, sampled every {@value #SAMPLE_MS} ms: its state and how many partitions
 * each member holds. What a rebalance cost is read off the samples: how long the group was not {@code Stable}.
 */
final class ConsumerGroupWatch implements AutoCloseable {

    private static final long SAMPLE_MS = 200;

    /** One change seen: milliseconds since the watch started, the state, partitions per member (sorted). */
    record Change(long atMs, String state, List<Integer> partitionsPerMember) {
    }

    private final String group;
    private final Admin admin;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "consumer-group-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final long started = System.nanoTime();
    private final List<Change> changes = new ArrayList<>();

    ConsumerGroupWatch(String bootstrapServers, String group) {
        this.group = group;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000));
        sampler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    long nowMs() {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    private void sample() {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(2, TimeUnit.SECONDS).get(group);
            List<Integer> perMember = description.members().stream()
                    .map(member -> member.assignment().topicPartitions().size()).sorted().toList();
            Change change = new Change(nowMs(), String.valueOf(description.groupState()), perMember);
            synchronized (changes) {
                Change last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
                if (last == null || !last.state().equals(change.state())
                        || !last.partitionsPerMember().equals(change.partitionsPerMember())) {
                    changes.add(change);
                }
            }
        } catch (Exception unavailable) {
            // a sample missed (broker busy): the next one tells
        }
    }

    List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    /** Each stretch during which the group was not Stable (a rebalance), in ms; one still open counts to now. */
    List<Long> rebalancePauses() {
        List<Long> pauses = new ArrayList<>();
        Long since = null;
        for (Change change : changes()) {
            boolean stable = "STABLE".equalsIgnoreCase(change.state());
            if (!stable && since == null) {
                since = change.atMs();
            } else if (stable && since != null) {
                pauses.add(change.atMs() - since);
                since = null;
            }
        }
        if (since != null) {
            pauses.add(nowMs() - since);
        }
        return pauses;
    }

    String describe() {
        return changes().stream().map(change -> change.atMs() + " ms " + change.state() + " " + change.partitionsPerMember())
                .collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
