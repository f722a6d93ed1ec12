package health.courses.scheduling.course;

import health.courses.scheduling.outbox.OutgoingEvent;
import java.util.List;

/**
 * The events of a lifecycle change, built only after the flush: then every version in them is the one the change
 * commits.
 */
@FunctionalInterface
interface PendingEvents {

    List<OutgoingEvent> build();
}
