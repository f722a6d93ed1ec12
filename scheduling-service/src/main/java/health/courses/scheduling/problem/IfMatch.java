package health.courses.scheduling.problem;

/** Parses If-Match: the ETag we send is the version in quotes; a weak or unquoted form is accepted as well. */
public final class IfMatch {

    private IfMatch() {
    }

    /** Throws 412 when the header names another version; an absent header or {@code *} matches any version. */
    public static void require(String header, String resource, int current) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            if (Integer.parseInt(value) == current) {
                return;
            }
        } catch (NumberFormatException e) {
            throw new InvalidInput("If-Match", "etag", "must be an ETag this service sent, such as \"3\"");
        }
        throw new PreconditionFailed(resource, current);
    }
}
