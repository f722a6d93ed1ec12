package health.courses.scheduling.course;

/** The descriptions and example every course or session change documents, written once (annotation constants). */
public final class ChangeAnswers {

    public static final String OK = "Changed; the body is the course with its sessions, the ETag its new version";
    public static final String CONFLICT = "illegal-transition (the current status does not allow the change; "
            + "`currentStatus` names it), session-not-started, or slot-taken (the new time's practitioner or room is taken)";
    public static final String REFUSED = "The clinic's rules refuse the new times (course-not-schedulable, with "
            + "`conflicts`), or start-in-past, resume-date-in-past, extension-too-long";
    public static final String STALE = "If-Match names an older version of the course (version-mismatch)";
    public static final String ILLEGAL_TRANSITION = """
            {"type": "https://courses.health/problems/illegal-transition", "title": "Illegal transition", "status": 409,
             "detail": "The course 3b9e1c52-7a61-4f0e-9c2d-5d8f1a2b3c4d is cancelled; it cannot be resumed",
             "resource": "course", "currentStatus": "cancelled"}""";

    private ChangeAnswers() {
    }
}
