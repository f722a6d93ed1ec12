package health.courses.scheduling.support.hostile;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The one source of randomness of a generated test run. It is seeded from {@code -Dhostile.seed=...} when given, else
 * at random, and every assertion message names the seed, so any failing run can be replayed exactly.
 */
public final class Draw {

    private final long seed;
    private final SplittableRandom random;

    public Draw(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public static Draw seeded() {
        return new Draw(Long.getLong("hostile.seed", new SplittableRandom().nextLong()));
    }

    public long seed() {
        return seed;
    }

    /** For assertion messages. */
    public String replay() {
        return "seed " + seed + " (replay with -Dhostile.seed=" + seed + ")";
    }

    /** Inclusive on both ends. */
    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    public long anyLong() {
        return random.nextLong();
    }

    public <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public String chars(int minLength, int maxLength, Alphabet alphabet) {
        int length = between(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.next(random));
        }
        return text.toString();
    }

    /** A well-formed random (version 4) UUID: seeded, unlike UUID.randomUUID(), so a replay sends the same one. */
    public UUID uuid() {
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(3L << 62) | (1L << 63);
        return new UUID(high, low);
    }
}
