package health.courses.scheduling.audit;

import java.util.UUID;

/**
 * Who made a change, as the audit log records it: the clinic, the token's subject and the role that authorised the
 * call, and the request id. Changes caused by events have a {@code system:<what>} subject and the role
 * {@code system}, and no request id.
 */
public record Actor(UUID clinicId, String subject, String role, String requestId) {

    public static final String SYSTEM_ROLE = "system";

    public static Actor system(UUID clinicId, String what) {
        return new Actor(clinicId, "system:" + what, SYSTEM_ROLE, null);
    }
}
