package health.courses.notification.checkin;

/** What the check-in message templates show. */
public record CheckInMessage(String kind, String clinicName, String link, long validHours) {

    public boolean followUp() {
        return CheckInKind.FOLLOW_UP.equals(kind);
    }

    public boolean urgent() {
        return CheckInKind.URGENT_ADVICE.equals(kind);
    }
}
