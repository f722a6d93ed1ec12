package health.courses.notification.checkin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.notification.Notification;
import health.courses.notification.notification.SendCheck;
import io.smallrye.mutiny.Uni;

/**
 * A check-in or its follow-up goes out only while the check-in waits for an answer: one answered a moment before
 * its follow-up was claimed gets no follow-up (the answer withdraws planned ones; this catches the claimed ones).
 */
@ApplicationScoped
public class CheckInSendCheck implements SendCheck {

    private final CheckInRepository checkIns;

    CheckInSendCheck(CheckInRepository checkIns) {
        this.checkIns = checkIns;
    }

    @Override
    public Set<String> kinds() {
        return CheckInKind.WITH_LINK;
    }

    @Override
    public Uni<Boolean> stillWanted(Notification notification) {
        return checkIns.find("sessionId", notification.sessionId()).firstResult()
                .map(checkIn -> checkIn != null && CheckIn.OPEN.equals(checkIn.status()));
    }
}
