package health.courses.scheduling.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on the channel the outbox insert trigger NOTIFYs at commit, so the relay starts a round within
 * milliseconds of a booking instead of waiting for the poll. The poll stays as the safety net: notifications sent
 * while this connection is down are lost, and the reconnect itself triggers a round to catch up.
 */
@ApplicationScoped
class OutboxWakeUp {

    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    private static final long RECONNECT_DELAY_MS = 1_000;

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    OutboxWakeUp(Vertx vertx, OutboxRelay relay, OutboxConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relay = relay;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void listen(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        // Its own metrics name, so its gauges do not collide with the application pool's.
        options.setMetricsName("outbox-listener");
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> RECONNECT_DELAY_MS);
        subscriber.channel(config.channel())
                .subscribeHandler(relay::wake)
                .handler(payload -> relay.wake());
        subscriber.connect().subscribe().with(
                connected -> LOG.debugf("Listening on %s for new outbox rows", config.channel()),
                failure -> LOG.warnf("Cannot LISTEN for outbox rows (%s); relying on the %s poll",
                        failure.toString(), config.pollInterval()));
    }

    void close(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
