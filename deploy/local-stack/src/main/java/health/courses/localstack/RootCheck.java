package health.courses.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL refuses to run as root. zonky then runs it in a user namespace ({@code unshare -U}); where that is
 * not allowed the only way out is another user, and saying so beats initdb's stack trace.
 */
final class RootCheck {

    private RootCheck() {
    }

    static void requireUsablePostgresUser() {
        if (isRoot() && !unshareWorks()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root and 'unshare -U' is not available here. "
                    + "Run as an unprivileged user instead, e.g. runuser -u nobody -- ./mvnw ... "
                    + "(with HOME and the Maven repository readable by that user).");
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean unshareWorks() {
        try {
            Process process = new ProcessBuilder("unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
