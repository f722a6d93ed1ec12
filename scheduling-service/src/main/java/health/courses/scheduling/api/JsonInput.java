package health.courses.scheduling.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import health.courses.scheduling.problem.Dates;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Stricter JSON reading for request bodies, found by the hostile-input test: a key sent twice is refused (two parsers
 * could read different values from one body), a NUL character in any string is refused (PostgreSQL cannot store it,
 * so it surfaced as a 500), and dates outside {@link Dates}' range are refused (date arithmetic overflowed).
 */
@Singleton
class JsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        SimpleModule strict = new SimpleModule("strict-input");
        strict.addDeserializer(String.class, new NoNulStrings());
        strict.addDeserializer(LocalDate.class, new SupportedDates());
        mapper.registerModule(strict);
    }

    /** Quarkus registers its own modules first; ours, registered here, replaces their String and LocalDate readers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "must not contain NUL characters", value, String.class);
            }
            return value;
        }
    }

    static final class SupportedDates extends StdScalarDeserializer<LocalDate> {

        SupportedDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (value != null && !Dates.supported(value)) {
                throw InvalidFormatException.from(parser, "must be " + Dates.RANGE, value.toString(), LocalDate.class);
            }
            return value;
        }
    }
}
