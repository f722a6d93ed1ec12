package health.courses.notification.checkin;

import java.util.List;

/** What the triage made of an answer, with the version of the rules that made it and which of them fired. */
public record Decision(Severity severity, int ruleVersion, List<String> reasons) {

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
