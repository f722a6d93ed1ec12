package health.courses.notification.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void masksAddressesAndPhoneNumbersThatProvidersQuote() {
        var failure = new IllegalStateException("550 5.1.1 <anna.b@example.org>: unknown; sms to +49 30 1234567 refused");
        assertEquals("IllegalStateException: 550 5.1.1 <<address>>: unknown; sms to <number> refused",
                ErrorText.of(failure));
    }
}
