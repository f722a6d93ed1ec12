package health.courses.notification.ops;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What of a dead letter's payload an operator may see. Events carry ids, times, zone, versions and statuses by
 * contract, but a dead letter is by definition a record that broke a rule, so this does not trust the contract: only
 * fields whose names say they are ids, instants or course bookkeeping keep their value, every other value is
 * replaced by {@value #REDACTED} (the field name stays, so the shape can still be diagnosed).
 */
final class PayloadRedaction {

    static final String REDACTED = "[redacted]";

    private static final Set<String> KEPT = Set.of("id", "type", "status", "version", "reason", "zone", "severity",
            "sessionsperweek", "weeks", "sessioncount", "recurrence", "index", "sequence", "kind", "channel",
            "durationminutes");

    private PayloadRedaction() {
    }

    static JsonNode redact(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), redactField(field.getKey(), field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            // An array of scalars has no field names to judge by: ids (sessionIds) are kept only under a kept name.
            node.forEach(element -> copy.add(element.isContainerNode() ? redact(element) : JsonNodeFactory.instance.textNode(REDACTED)));
            return copy;
        }
        return JsonNodeFactory.instance.textNode(REDACTED);
    }

    /** Arrays of ids under an id-ish name (sessionIds, heldSessionIds) keep their values. */
    private static JsonNode redactField(String name, JsonNode value) {
        if (value.isArray() && kept(name)) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> copy.add(element.isContainerNode() ? redact(element) : element));
            return copy;
        }
        return value.isContainerNode() ? redact(value) : kept(name) ? value : JsonNodeFactory.instance.textNode(REDACTED);
    }

    private static boolean kept(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return KEPT.contains(lower) || name.endsWith("Id") || name.endsWith("Ids") || name.endsWith("At")
                || name.endsWith("Start") || name.endsWith("End") || lower.endsWith("time") || lower.endsWith("date");
    }
}
