package health.courses.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that accepts every mail and keeps none: the provider for the benchmark, so the drain and lateness
 * rows measure notification-service and not a test mail server storing 100,000 messages in memory. Speaks just
 * what a plain (no TLS, no auth) client needs.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(OpenLoad.daemon("smtp-sink"));
    private final AtomicLong accepted = new AtomicLong();

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    static SmtpSink start() throws IOException {
        SmtpSink sink = new SmtpSink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        sink.connections.execute(sink::accept);
        return sink;
    }

    int port() {
        return server.getLocalPort();
    }

    long accepted() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * One client connection. Advertises PIPELINING (RFC 2920), so a client sends MAIL, RCPT and DATA in one write and
     * waits once; replies are flushed only when nothing more has arrived. A message is skipped by scanning its bytes
     * for the end of data ({@code CRLF . CRLF}), not decoded into a String per line: the sink shares the machine's
     * cores with what it measures, and should cost as little of them as it can.
     */
    private void converse(Socket socket) {
        try (socket; OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024)) {
            Input in = new Input(socket.getInputStream());
            reply(out, "220 sink ESMTP");
            out.flush();
            byte[] line = new byte[512];
            int length;
            while ((length = in.readLine(line)) >= 0) {
                switch (command(line, length)) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 104857600");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        out.flush();
                        if (!in.skipMessage()) {
                            return;
                        }
                        accepted.incrementAndGet();
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        out.flush();
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
                if (!in.hasMore()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to keep
        }
    }

    /** The command's first four letters, upper case. */
    private static String command(byte[] line, int length) {
        char[] letters = new char[Math.min(4, length)];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = Character.toUpperCase((char) (line[i] & 0xff));
        }
        return new String(letters);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A connection's input through a buffer of its own: no lock per byte, as BufferedInputStream takes. */
    private static final class Input {

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        /** Reads one line into {@code line} (cut at its length), without its CRLF; -1 at the end of input. */
        int readLine(byte[] line) throws IOException {
            int length = 0;
            boolean any = false;
            while (true) {
                if (position == limit && !fill()) {
                    return any ? length : -1;
                }
                any = true;
                byte next = buffer[position++];
                if (next == '\n') {
                    int kept = Math.min(length, line.length);
                    return kept > 0 && line[kept - 1] == '\r' ? kept - 1 : kept;
                }
                if (length < line.length) {
                    line[length] = next;
                }
                length++;
            }
        }

        /** Skips a message up to and including its end of data; false if the input ended first. */
        boolean skipMessage() throws IOException {
            // 0: at a line's start, 1: inside a line, 2: after CR, 3: after a line-start dot, 4: after that dot's CR
            int state = 0;
            while (true) {
                if (position == limit && !fill()) {
                    return false;
                }
                byte[] bytes = buffer;
                int end = limit;
                for (int i = position; i < end; i++) {
                    byte next = bytes[i];
                    state = switch (state) {
                        case 0 -> next == '.' ? 3 : next == '\r' ? 2 : 1;
                        case 2 -> next == '\n' ? 0 : next == '\r' ? 2 : 1;
                        case 3 -> next == '\r' ? 4 : 1;
                        case 4 -> next == '\n' ? 5 : next == '\r' ? 2 : 1;
                        default -> next == '\r' ? 2 : 1;
                    };
                    if (state == 5) {
                        position = i + 1;
                        return true;
                    }
                }
                position = end;
            }
        }

        /** Whether more input is already here, so replies can wait to go out together. */
        boolean hasMore() throws IOException {
            return position < limit || in.available() > 0;
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
