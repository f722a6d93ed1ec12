package health.courses.scheduling.problem;

import java.util.UUID;

/** Parses ids taken from paths, so a malformed one answers 400 naming the parameter instead of a 404 or 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String name, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below with the parameter's name
        }
        throw new InvalidInput(name, "uuid", "must be a UUID such as 3f1c2a9e-7b6d-4c1e-9a8f-2b3c4d5e6f70");
    }
}
