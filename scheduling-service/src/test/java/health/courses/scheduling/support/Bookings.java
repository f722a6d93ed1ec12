package health.courses.scheduling.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for POST /api/v1/courses. */
public final class Bookings {

    private Bookings() {
    }

    /**
     * Mon/Wed/Fri at 10:00 for 4 weeks. The patient is registered and evaluated in the clinic that added the room
     * (or practitioner), so the clinical gate passes; ids no clinic added get an unregistered patient.
     */
    public static Map<String, Object> threeAWeek(UUID practitionerId, UUID roomId, LocalDate startDate) {
        TestClinic owner = TestClinic.owning(roomId) != null ? TestClinic.owning(roomId) : TestClinic.owning(practitionerId);
        UUID patient = owner != null ? owner.patientReadyFor(startDate) : UUID.randomUUID();
        return threeAWeek(patient, practitionerId, roomId, startDate);
    }

    public static Map<String, Object> threeAWeek(UUID patientId, UUID practitionerId, UUID roomId, LocalDate startDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId.toString());
        body.put("practitionerId", practitionerId.toString());
        body.put("roomId", roomId.toString());
        body.put("startDate", startDate.toString());
        body.put("sessionsPerWeek", 3);
        body.put("weeks", 4);
        body.put("localTime", "10:00");
        return body;
    }
}
