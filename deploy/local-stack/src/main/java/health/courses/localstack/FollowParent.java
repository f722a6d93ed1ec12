package health.courses.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A forked JVM that ends when the process it follows ends. A SIGTERM to Maven alone (an IDE's stop button, {@code
 * timeout}, a CI runner) ends Maven, but the processes it forked are not told: the local run watches Maven with this,
 * and each service it starts watches the run through the same class loaded as a Java agent ({@link #agentOption()}),
 * so nothing is left holding the ports. The exit is {@link System#exit}, so shutdown hooks stop things gracefully
 * (the run stops its services and stack; Quarkus closes its consumers); a hook that hangs is cut off after
 * {@link #GRACE}.
 *
 * <p>An agent rather than code in the services: the services stay as production runs them, and no process sits
 * between the run and a service (crash tests SIGKILL the service's own pid). The agent transforms no class. Only JDK
 * classes are used here, because the agent jar holds this one class.
 */
public final class FollowParent {

    /** As after SIGTERM (128 + 15): the way a local run ends, which Maven's exec counts as success. */
    public static final int EXIT_CODE = 143;
    static final Duration GRACE = Duration.ofSeconds(30);

    private static volatile Path agentJar;

    private FollowParent() {
    }

    /** Agent entry: {@code -javaagent:follow-parent.jar=<pid>}. */
    public static void premain(String pid) {
        follow(Long.parseLong(pid.trim()), "service " + ProcessHandle.current().pid());
    }

    /**
     * Ends this JVM once process {@code pid} has ended (at once if it is already gone). {@code who} names this
     * process in the one line written to standard error.
     */
    public static void follow(long pid, String who) {
        Optional<ProcessHandle> followed = ProcessHandle.of(pid);
        CompletableFuture<ProcessHandle> ended = followed.map(ProcessHandle::onExit)
                .orElseGet(() -> CompletableFuture.completedFuture(null));
        // A thread of its own: System.exit blocks its caller until the hooks are done, and a hook that waits for a
        // child process needs the JDK's process reaper, which may be the thread completing onExit.
        ended.thenRunAsync(() -> exit(pid, who), task -> {
            Thread thread = new Thread(task, "follow-parent-exit");
            thread.start();
        });
    }

    private static void exit(long pid, String who) {
        System.err.println(who + ": process " + pid + " that started it has ended: stopping");
        Thread backstop = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println(who + ": still stopping after " + GRACE.toSeconds() + " s: halting");
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "follow-parent-backstop");
        backstop.setDaemon(true);
        backstop.start();
        System.exit(EXIT_CODE);
    }

    /**
     * The JVM option that makes a JVM started by this one follow it: {@code -javaagent:<jar>=<this pid>}. The agent jar
     * (this class and a manifest) is written once per JVM to a temporary file, because this class may be loaded from a
     * directory (the reactor's {@code target/classes}) and an agent must be a jar.
     */
    public static String agentOption() {
        return agentOption(ProcessHandle.current().pid());
    }

    /** The JVM option that makes a JVM follow process {@code pid}. */
    static String agentOption(long pid) {
        return "-javaagent:" + agentJar() + "=" + pid;
    }

    private static synchronized Path agentJar() {
        if (agentJar == null) {
            agentJar = writeAgentJar();
        }
        return agentJar;
    }

    private static Path writeAgentJar() {
        String entry = FollowParent.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), FollowParent.class.getName());
        try {
            Path jar = Files.createTempFile("follow-parent-", ".jar");
            jar.toFile().deleteOnExit();
            try (InputStream classFile = FollowParent.class.getClassLoader().getResourceAsStream(entry);
                    OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                if (classFile == null) {
                    throw new IllegalStateException(entry + " is not readable from its class loader");
                }
                out.putNextEntry(new JarEntry(entry));
                classFile.transferTo(out);
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the follow-parent agent jar", e);
        }
    }
}
