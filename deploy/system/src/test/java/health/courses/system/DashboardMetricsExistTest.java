package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules (deploy/compose) name exists on the running
 * services' /q/metrics, so no panel stays empty and no alert watches a series that is never there.
 */
@SystemTest
class DashboardMetricsExistTest {

    /** Made by Prometheus itself, not by the services. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
            "increase", "delta", "by", "without", "on", "ignoring", "and", "or", "unless", "histogram_quantile",
            "clamp_min", "clamp_max", "abs", "topk", "bottomk", "le", "offset", "bool", "group_left", "group_right");

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsPublished(SystemUnderTest system) throws IOException {
        Path compose = Path.of(System.getProperty("repo.root", "../..")).resolve("deploy/compose");
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(compose.resolve("grafana/dashboards/treatment-courses.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        JsonNode rules = new YAMLMapper().readTree(compose.resolve("prometheus/alerts.yml").toFile());
        rules.path("groups").forEach(group -> group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText())));
        Set<String> named = new TreeSet<>();
        expressions.forEach(expression -> named.addAll(metricNames(expression)));
        assertTrue(named.size() >= 12, "metrics found in the expressions: " + named);

        String published = given().get(system.schedulingUrl() + "/q/metrics").then().statusCode(200).extract().asString()
                + given().get(system.notificationUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        Set<String> missing = new TreeSet<>();
        for (String metric : named) {
            boolean present = Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(published).find();
            if (!present && !PROMETHEUS_OWN.contains(metric)) {
                missing.add(metric);
            }
        }
        assertEquals(Set.of(), missing, "named by the dashboard or the alerts but not published");
    }

    /** The metric names of a PromQL expression: identifiers minus label matchers, grouping labels, functions, numbers. */
    static Set<String> metricNames(String expression) {
        String withoutLabels = expression
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\"[^\"]*\"", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w(])(?!\\s*\\()").matcher(withoutLabels);
        while (identifier.find()) {
            String word = identifier.group(1);
            if (!PROMQL_WORDS.contains(word) && !word.matches("\\d.*|e\\d+")) {
                names.add(word);
            }
        }
        return names;
    }
}
