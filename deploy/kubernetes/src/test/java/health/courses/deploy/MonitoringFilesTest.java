package health.courses.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the provisioned dashboard are well-formed and cover what operators watch. That every metric
 * they name exists on the running services is checked in deploy/system (DashboardMetricsExistTest).
 */
class MonitoringFilesTest {

    @Test
    void alertRulesHaveANameAnExpressionAndASeverity() {
        JsonNode rules = Manifests.documents(Manifests.compose().resolve("prometheus/alerts.yml")).get(0);
        Set<String> alerts = new HashSet<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                assertFalse(rule.path("expr").asText().isBlank(), rule.toString());
                assertTrue(Set.of("warning", "critical").contains(rule.at("/labels/severity").asText()), rule.toString());
                alerts.add(rule.path("alert").asText());
            }
        }
        assertTrue(alerts.containsAll(Set.of("CourseEventsConsumerLagging", "OutboxEventsNotPublished",
                "NotificationsDueButNotSent", "ReminderSendLateness", "DeadLettersGrowing", "NotificationDeliveryFailures",
                "UrgentCheckInEscalations")), alerts.toString());
    }

    @Test
    void theDashboardIsProvisionedAgainstTheProvisionedDatasource() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                Manifests.compose().resolve("grafana/dashboards/treatment-courses.json").toFile());
        JsonNode datasource = Manifests.documents(
                Manifests.compose().resolve("grafana/provisioning/datasources/prometheus.yaml")).get(0).at("/datasources/0");
        assertEquals("prometheus", datasource.path("type").asText());
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique");
            assertEquals(datasource.path("uid").asText(), panel.at("/datasource/uid").asText(), panel.path("title").asText());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            panel.path("targets").forEach(target -> assertFalse(target.path("expr").asText().isBlank()));
        }
        assertTrue(ids.size() >= 10, "panels: " + ids.size());
    }
}
