package health.courses.notification.ledger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.notification.Notification;
import health.courses.notification.notification.NotificationRepository;
import health.courses.notification.problem.InvalidCursor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * A patient's notifications, newest due first, paged by keyset ({@code due_at, id}), so a page stays correct
 * while new notifications are planned between requests.
 */
@ApplicationScoped
public class LedgerService {

    private final NotificationRepository notifications;
    private final LedgerRepository ledger;

    LedgerService(NotificationRepository notifications, LedgerRepository ledger) {
        this.notifications = notifications;
        this.ledger = ledger;
    }

    @WithSession
    public Uni<LedgerView.Page> page(UUID clinicId, UUID patientId, int limit, String cursor) {
        Uni<List<Notification>> rows;
        if (cursor == null || cursor.isBlank()) {
            rows = notifications.find("clinicId = ?1 and patientId = ?2 order by dueAt desc, id desc", clinicId, patientId)
                    .page(0, limit + 1).list();
        } else {
            Cursor after = Cursor.decode(cursor);
            rows = notifications.find("""
                    clinicId = ?1 and patientId = ?2 and (dueAt < ?3 or (dueAt = ?3 and id < ?4))
                    order by dueAt desc, id desc""", clinicId, patientId, after.dueAt(), after.id())
                    .page(0, limit + 1).list();
        }
        return rows.chain(found -> {
            List<Notification> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = found.size() > limit ? Cursor.of(page.get(page.size() - 1)).encode() : null;
            return ledger.of(page.stream().map(Notification::id).toList()).map(history -> new LedgerView.Page(
                    page.stream().map(notification -> view(notification, history)).toList(), next));
        });
    }

    private static LedgerView view(Notification notification, Map<UUID, List<LedgerView.Transition>> history) {
        return new LedgerView(notification.id(), notification.kind(), notification.channel(), notification.courseId(),
                notification.sessionId(), notification.dueAt(), notification.status().code(),
                notification.statusReason(), notification.attempts(),
                history.getOrDefault(notification.id(), List.of()));
    }

    /** Opaque to clients: the last row's position, base64url so it travels in a query string as is. */
    record Cursor(OffsetDateTime dueAt, UUID id) {

        static Cursor of(Notification notification) {
            return new Cursor(notification.dueAt(), notification.id());
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((dueAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException notOurs) {
                throw new InvalidCursor();
            }
        }
    }

    static Map<UUID, List<LedgerView.Transition>> group(List<LedgerEntry> entries) {
        return entries.stream().collect(Collectors.groupingBy(LedgerEntry::notificationId,
                Collectors.mapping(LedgerEntry::transition, Collectors.toList())));
    }
}
