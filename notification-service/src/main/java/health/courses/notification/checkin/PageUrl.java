package health.courses.notification.checkin;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The public pages' base address ({@code courses.checkin.page-url}, without a trailing slash) that the check-in,
 * reply and unsubscribe links start with. Read at first use, not at startup: in tests the port is known only once the
 * server runs ({@code %test.courses.checkin.page-url} names {@code quarkus.http.test-port}); then kept, since it is
 * constant while the service runs and a config lookup per link was a cost of every reminder mail.
 */
public final class PageUrl {

    private volatile String url;

    public String get() {
        String read = url;
        if (read == null) {
            read = ConfigProvider.getConfig().getValue("courses.checkin.page-url", String.class);
            read = read.endsWith("/") ? read.substring(0, read.length() - 1) : read;
            url = read;
        }
        return read;
    }
}
