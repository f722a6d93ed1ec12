package health.courses.system;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the {@link SystemUnderTest}. It lives in the root store, so every test class in the JVM shares one
 * start, and JUnit closes it (an AutoCloseable) when the run ends. A failed start is kept too: the other tests
 * fail at once with the same cause instead of starting everything again.
 */
public final class SystemExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Start.class, key -> Start.attempt(), Start.class)
                .systemOrThrow();
    }

    private record Start(SystemUnderTest system, RuntimeException failure) implements AutoCloseable {

        static Start attempt() {
            try {
                SystemUnderTest system = SystemUnderTest.start();
                // Every answer any system test receives from either service is checked against its OpenAPI document.
                RestAssured.filters(new OpenApiContract(system));
                return new Start(system, null);
            } catch (RuntimeException e) {
                return new Start(null, e);
            }
        }

        SystemUnderTest systemOrThrow() {
            if (failure != null) {
                throw new IllegalStateException("the system under test did not start: " + failure.getMessage(), failure);
            }
            return system;
        }

        @Override
        public void close() {
            if (system != null) {
                system.close();
            }
        }
    }
}
