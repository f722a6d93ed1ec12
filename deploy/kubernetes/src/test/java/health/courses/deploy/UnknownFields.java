package health.courses.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fabric8 and Strimzi models keep fields they do not know in {@code additionalProperties} instead of failing, so
 * a misspelt field (say {@code readinesProbe}) would parse. This walks a parsed resource and lists every such field
 * with its path: a manifest is valid only when the list is empty.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> of(Object resource) {
        List<String> unknown = new ArrayList<>();
        walk(resource, "", unknown, 0);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", unknown, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> || !isModel(value.getClass())) {
            // free-form maps (labels, annotations, Kafka config) hold any key by design
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (name.equals("getAdditionalProperties")) {
                Object extra = invoke(getter, value);
                if (extra instanceof Map<?, ?> map && !map.isEmpty()) {
                    map.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else if ((name.startsWith("get") && name.length() > 3) && !name.equals("getClass")) {
                walk(invoke(getter, value), path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4),
                        unknown, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api"))
                && !type.isEnum();
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
