package health.courses.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks for processes that must be told their port up front (a Quarkus jar cannot report port 0 back). */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port free right now; another process may still take it before ours binds, which is rare enough here. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Binds the wildcard address, so a listener on any local address (127.0.0.1, ::1, 0.0.0.0) counts as taken. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
