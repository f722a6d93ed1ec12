package health.courses.localstack;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Copies a child's output line by line to the console (prefixed) or to a file, and keeps the last lines so a
 * failure message can show why the child died.
 */
final class OutputPump implements Runnable {

    private static final int KEPT_LINES = 60;

    private final InputStream input;
    private final String prefix;
    private final Path logFile;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private OutputPump(InputStream input, String prefix, Path logFile) {
        this.input = input;
        this.prefix = prefix;
        this.logFile = logFile;
    }

    static OutputPump start(InputStream input, String name, Path logFile) {
        OutputPump pump = new OutputPump(input, String.format("[%-12s] ", name), logFile);
        Thread thread = new Thread(pump, "output-" + name);
        thread.setDaemon(true);
        thread.start();
        return pump;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
                BufferedWriter file = logFile == null ? null : openLog()) {
            PrintStream console = System.out;
            String line;
            while ((line = reader.readLine()) != null) {
                keep(line);
                if (file != null) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                } else {
                    console.println(prefix + line);
                }
            }
        } catch (IOException e) {
            keep("(output lost: " + e.getMessage() + ")");
        }
    }

    private BufferedWriter openLog() throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private synchronized void keep(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }
}
