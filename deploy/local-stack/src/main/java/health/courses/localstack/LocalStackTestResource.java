package health.courses.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts an ephemeral {@link LocalStack} for a Quarkus test JVM. Use with
 * {@code @WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)}
 * so it starts once per JVM.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalStack stack;

    @Override
    public Map<String, String> start() {
        stack = LocalStack.start(StackSettings.ephemeral());
        return stack.config();
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
