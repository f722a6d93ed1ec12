package health.courses.scheduling.evaluation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding of a clinical evaluation, as a code. The system stores findings; it never makes a diagnosis. */
@Schema(name = "Finding", enumeration = { "chronic-prostatitis", "acute-prostatitis", "extensive-calcification",
        "congestion", "oedema" })
public enum Finding {
    CHRONIC_PROSTATITIS(false),
    /** Massage is not allowed. */
    ACUTE_PROSTATITIS(true),
    /** The therapy is not adequate. */
    EXTENSIVE_CALCIFICATION(true),
    CONGESTION(false),
    OEDEMA(false);

    private final boolean contraindicated;

    Finding(boolean contraindicated) {
        this.contraindicated = contraindicated;
    }

    public boolean contraindicated() {
        return contraindicated;
    }

    /** e.g. acute-prostatitis: also what JSON carries and what a refusal names. */
    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Validation messages list the allowed values by their codes. */
    @Override
    public String toString() {
        return code();
    }

    public static Finding ofCode(String code) {
        return Arrays.stream(values()).filter(finding -> finding.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown finding " + code));
    }
}
