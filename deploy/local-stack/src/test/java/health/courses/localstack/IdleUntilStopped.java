package health.courses.localstack;

/** A JVM standing in for a service: does nothing until stopped, and says when its shutdown hooks ran. */
public final class IdleUntilStopped {

    static final String STOPPED = "idle: shutdown hook ran";

    private IdleUntilStopped() {
    }

    public static void main(String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(STOPPED)));
        System.out.println("idle: started");
        // until the JVM is stopped: nothing ever counts this down
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
