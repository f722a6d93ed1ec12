package health.courses.scheduling.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.courses.scheduling.problem.InvalidInput;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties (run by jqwik's own engine, no Quarkus needed) of the two values clients hand back to us untouched:
 * request ids and paging cursors. Whatever arrives, a request id that reaches the logs is a plain token, and a cursor
 * either decodes or is refused as the client's error, never a 500.
 */
class UntrustedTokensPropertyTest {

    @Property(tries = 2000)
    void aRequestIdIsAlwaysAPlainTokenAndAPlainOneIsKept(@ForAll String offered) {
        String id = RequestIds.accept(offered);
        assertTrue(id.matches("[A-Za-z0-9._-]{1,64}"), id);
        if (offered.matches("[A-Za-z0-9._-]{1,64}")) {
            assertEquals(offered, id);
        }
    }

    @Property(tries = 2000)
    void aForgedCursorIsRefusedAsInvalidInputOnly(@ForAll String first, @ForAll String second) {
        for (String cursor : new String[] { Cursor.encode(first, second), first }) {
            try {
                Cursor decoded = Cursor.decode(cursor, 2);
                if (decoded != null) {
                    decoded.instant(0);
                    decoded.uuid(1);
                }
            } catch (InvalidInput refused) {
                assertEquals("cursor", refused.errors().get(0).field());
            }
        }
    }
}
