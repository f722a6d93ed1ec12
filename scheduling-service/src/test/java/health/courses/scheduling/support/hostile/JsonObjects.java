package health.courses.scheduling.support.hostile;

import static health.courses.scheduling.support.hostile.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Request bodies: JSON objects whose fields are each valid or hostile, with fields missing, duplicated or unknown. */
public final class JsonObjects {

    /** A field value meaning "leave the field out". */
    static final String ABSENT = "ABSENT";

    private JsonObjects() {
    }

    /**
     * The valid value most of the time: about one field in a body is hostile (fewer fields, each more often), so most
     * requests get past the first checks and reach the deeper ones with one bad value.
     */
    public static Gen<String> mix(int fields, Gen<String> valid, Gen<String> hostile) {
        return Gen.frequency(weight(Math.max(10 * fields - 12, 6), valid), weight(8, hostile),
                weight(4, Gen.of("null", ABSENT, "{}", "[]", "true", "\"\"")));
    }

    /** An object from the fields in order, sometimes with a field repeated (a duplicate key) or an unknown one added. */
    public static Gen<String> object(Map<String, Gen<String>> fields) {
        List<String> names = List.copyOf(fields.keySet());
        Gen<String> anyValue = JsonValues.anyValue();
        Gen<String> extra = Gen.oneOf(
                Gen.just(""),
                Gen.just(""),
                draw -> JsonValues.quoted(draw.pick(names)) + ":" + anyValue.next(draw),
                draw -> JsonValues.quoted(draw.chars(0, 20, Alphabet.ANY)) + ":" + anyValue.next(draw));
        return draw -> {
            List<String> members = new ArrayList<>();
            fields.forEach((name, value) -> {
                String json = value.next(draw);
                if (!json.equals(ABSENT)) {
                    members.add(JsonValues.quoted(name) + ":" + json);
                }
            });
            members.add(extra.next(draw));
            return members.stream().filter(member -> !member.isEmpty()).collect(Collectors.joining(",", "{", "}"));
        };
    }
}
