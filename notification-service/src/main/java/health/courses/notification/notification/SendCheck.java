package health.courses.notification.notification;

import java.util.Set;

import io.smallrye.mutiny.Uni;

/**
 * A feature's last word before one of its notifications goes out, for kinds whose relevance is not a session
 * version (e.g. a check-in follow-up is pointless once the patient answered). Runs in a database session of its own.
 */
public interface SendCheck {

    Set<String> kinds();

    Uni<Boolean> stillWanted(Notification notification);
}
