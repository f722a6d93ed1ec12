package health.courses.scheduling.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for POST /api/v1/courses. */
public final class Bookings {

    private Bookings() {
    }

    public static Map<String, Object> threeAWeek(UUID practitionerId, UUID roomId, LocalDate startDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", UUID.randomUUID().toString());
        body.put("practitionerId", practitionerId.toString());
        body.put("roomId", roomId.toString());
        body.put("startDate", startDate.toString());
        body.put("sessionsPerWeek", 3);
        body.put("weeks", 4);
        body.put("localTime", "10:00");
        return body;
    }
}
