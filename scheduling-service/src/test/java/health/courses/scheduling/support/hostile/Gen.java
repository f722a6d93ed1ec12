package health.courses.scheduling.support.hostile;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Draws one value; the few ways to combine them that the hostile-input generators need. */
@FunctionalInterface
public interface Gen<T> {

    T next(Draw draw);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapping) {
        return draw -> mapping.apply(next(draw));
    }

    static <T> Gen<T> just(T value) {
        return draw -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Gen<T> of(List<T> values) {
        return draw -> draw.pick(values);
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... choices) {
        List<Gen<? extends T>> all = List.of(choices);
        return draw -> draw.pick(all).next(draw);
    }

    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** One of the generators, each as likely as its weight says. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... choices) {
        List<Weighted<T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return draw -> {
            int ticket = draw.between(1, total);
            for (Weighted<T> choice : all) {
                ticket -= choice.weight();
                if (ticket <= 0) {
                    return choice.gen().next(draw);
                }
            }
            throw new IllegalStateException("weights changed while drawing");
        };
    }

    /** Between min and max values from the generator, joined like a JSON array or a query string. */
    static Gen<String> joined(Gen<String> element, int min, int max, String delimiter, String prefix, String suffix) {
        return draw -> IntStream.range(0, draw.between(min, max)).mapToObj(i -> element.next(draw))
                .collect(Collectors.joining(delimiter, prefix, suffix));
    }
}
