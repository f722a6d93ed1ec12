package health.courses.benchmark;

import java.util.Map;

/**
 * One line of the report.
 *
 * @param figure   what was measured
 * @param value    the figure, formatted with its unit
 * @param baseline the raw baseline measured in the same run, or "–"
 * @param ratio    figure / baseline (higher is better for rates), null without a baseline
 * @param goal     the goal
 * @param met      whether the goal was met; null when there is no goal to judge (smoke mode, or report-only)
 * @param numbers  the raw numbers behind the line, for report.json
 */
record Row(String figure, String value, String baseline, Double ratio, String goal, Boolean met, String note,
        Map<String, Object> numbers) {

    static String ms(double millis) {
        return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
    }

    static String perSecond(double rate) {
        return String.format("%.1f/s", rate);
    }
}
