package health.courses.notification.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The escalation rules of domain.md, with their thresholds from configuration ({@code courses.checkin.rules.*}).
 * Unable to urinate is urgent. Pain at or above the threshold, some difficulty urinating, irritation or an allergic
 * reaction, or pain or erectile difficulty that was already there at the previous check-in of the course, are for
 * the clinic to review. Anything else is reassured.
 */
@ApplicationScoped
public class Triage {

    private final CheckInConfig.Rules rules;

    Triage(CheckInConfig config) {
        this.rules = config.rules();
    }

    /** @param previous the answer to the course's previous check-in, if it was answered */
    public Decision judge(Answer answer, Optional<Answer> previous) {
        List<String> reasons = new ArrayList<>();
        if ("unable".equals(answer.urination())) {
            reasons.add("urination-unable");
        }
        if (answer.pain() >= rules.reviewPainAtLeast()) {
            reasons.add("pain-at-least-" + rules.reviewPainAtLeast());
        }
        if ("some-difficulty".equals(answer.urination())) {
            reasons.add("urination-some-difficulty");
        }
        if (answer.irritation()) {
            reasons.add("irritation-or-allergic-reaction");
        }
        if (answer.pain() > 0 && previous.filter(before -> before.pain() > 0).isPresent()) {
            reasons.add("pain-persists");
        }
        if (answer.erectileDifficulty() && previous.filter(Answer::erectileDifficulty).isPresent()) {
            reasons.add("erectile-difficulty-persists");
        }
        Severity severity = reasons.contains("urination-unable") ? Severity.URGENT
                : reasons.isEmpty() ? Severity.NONE : Severity.REVIEW;
        return new Decision(severity, rules.version(), reasons);
    }
}
