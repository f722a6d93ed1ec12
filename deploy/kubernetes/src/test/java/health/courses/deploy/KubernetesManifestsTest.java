package health.courses.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every manifest under deploy/kubernetes parses into the Kubernetes (fabric8) or Strimzi model with no unknown field,
 * and says what the operations issue asks of it. There is no cluster here: this is the offline proof.
 */
class KubernetesManifestsTest {

    /** apiVersion/kind to its model; CloudNativePG has no Java model, it is checked in {@link CloudNativePgClusterTest}. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class));
    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    @Test
    void everyManifestAndPatchParsesIntoItsModelWithoutUnknownFields() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : Manifests.yamlFiles(Manifests.kubernetes())) {
            if (Manifests.isKustomization(file)) {
                continue;
            }
            for (JsonNode document : Manifests.documents(file)) {
                if (document.isArray()) {
                    checkJsonPatch(file, document, problems);
                    continue;
                }
                String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                if (type.equals(CNPG_CLUSTER)) {
                    continue;
                }
                Class<?> model = MODELS.get(type);
                if (model == null) {
                    problems.add(file + ": no model for " + type);
                    continue;
                }
                Object parsed = Manifests.YAML.treeToValue(document, model);
                UnknownFields.of(parsed).forEach(field -> problems.add(file + ": unknown field " + type + field));
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked >= 20, "expected the whole base and overlays, checked " + checked);
    }

    @Test
    void noSecretIsCommittedAndSensitiveSettingsComeFromSecrets() {
        for (Path file : Manifests.yamlFiles(Manifests.kubernetes())) {
            for (JsonNode document : Manifests.documents(file)) {
                assertFalse(document.path("kind").asText().equals("Secret"), file + " commits a Secret");
            }
        }
        List<PodTemplateSpec> pods = new ArrayList<>();
        base(Deployment.class).forEach(deployment -> pods.add(deployment.getSpec().getTemplate()));
        base(Job.class).forEach(job -> pods.add(job.getSpec().getTemplate()));
        for (PodTemplateSpec pod : pods) {
            for (Container container : pod.getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (Pattern.compile("PASSWORD|TOKEN|SECRET|PUBLICKEY|USERNAME|SID").matcher(env.getName()).find()) {
                        assertNotNull(env.getValueFrom(), env.getName() + " must come from a secret");
                        assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName() + " must come from a secret");
                    }
                }
            }
        }
    }

    @Test
    void bothServicesHaveProbesResourcesAutoscalingBudgetAndAService() {
        List<Deployment> deployments = base(Deployment.class);
        assertEquals(Set.of("scheduling-service", "notification-service"),
                deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertEquals(deployment.getSpec().getSelector().getMatchLabels().entrySet().stream()
                    .allMatch(label -> label.getValue().equals(labels.get(label.getKey()))), true, name + " selector");
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath(), name);
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath(), name);
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath(), name);
            ResourceRequirements resources = container.getResources();
            assertNotNull(resources.getRequests().get("cpu"), name + " cpu request");
            assertNotNull(resources.getRequests().get("memory"), name + " memory request");
            assertEquals(resources.getRequests().get("memory"), resources.getLimits().get("memory"), name + " memory limit");
            Quantity.getAmountInBytes(resources.getLimits().get("memory"));

            HorizontalPodAutoscaler hpa = byName(base(HorizontalPodAutoscaler.class), name);
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName());
            assertTrue(hpa.getSpec().getMaxReplicas() <= 6, name + ": more replicas than partitions would idle");
            PodDisruptionBudget pdb = byName(base(PodDisruptionBudget.class), name);
            assertTrue(labels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), name + " PDB");
            Service service = byName(base(Service.class), name);
            assertTrue(labels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), name + " Service");
            assertEquals(container.getPorts().get(0).getName(), service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        }
    }

    /** Issue 15: a pod's start does no schema work; each service's Job, on the same image, migrates and exits. */
    @Test
    void eachServiceIsMigratedByAJobOfItsOwnAndItsPodsDoNotMigrate() {
        List<Job> jobs = base(Job.class);
        for (Deployment deployment : base(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Container service = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertTrue(service.getEnv().stream().noneMatch(env -> env.getName().equals("COURSES_MIGRATE")), name);
            Job job = byName(jobs, name.replace("-service", "-migrate"));
            Container migrate = job.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(service.getImage(), migrate.getImage(), job.getMetadata().getName() + " runs the service's image");
            Map<String, String> env = migrate.getEnv().stream().filter(variable -> variable.getValue() != null)
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertEquals("true", env.get("COURSES_MIGRATE"), job.getMetadata().getName());
            assertEquals("true", env.get("QUARKUS_INIT_AND_EXIT"), job.getMetadata().getName());
            assertFalse(labelsOf(job).equals(deployment.getSpec().getSelector().getMatchLabels()),
                    "no Service or budget of " + name + " may select its migration's pod");
            assertTrue(Manifests.serviceProperties(name).contains(
                    "%prod.quarkus.flyway.migrate-at-start=${COURSES_MIGRATE:false}"), name + " migrates at start in prod");
        }
    }

    private static Map<String, String> labelsOf(Job job) {
        return job.getSpec().getTemplate().getMetadata().getLabels();
    }

    @Test
    void kafkaIsKraftWithThreeNodesAndTheTopicsAreReplicatedThreeTimesWithTwoInSync() {
        KafkaNodePool pool = base(KafkaNodePool.class).get(0);
        assertTrue(pool.getSpec().getReplicas() >= 3);
        assertTrue(pool.getSpec().getRoles().containsAll(List.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER)));
        Kafka kafka = base(Kafka.class).get(0);
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals(kafka.getMetadata().getName(), pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(2, ((Number) kafka.getSpec().getKafka().getConfig().get("min.insync.replicas")).intValue());

        Map<String, KafkaTopic> topics = base(KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), topic -> topic));
        assertEquals(Set.of("treatment-course-events", "patient-checkin-events", "treatment-course-events.dlq",
                "patient-checkin-events.dlq"), topics.keySet());
        topics.forEach((name, topic) -> {
            assertEquals(6, topic.getSpec().getPartitions(), name);
            assertEquals(3, topic.getSpec().getReplicas(), name);
            assertEquals(2, ((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue(), name);
            assertNotNull(topic.getSpec().getConfig().get("retention.ms"), name);
            assertEquals(kafka.getMetadata().getName(), topic.getMetadata().getLabels().get("strimzi.io/cluster"), name);
        });
    }

    /** ingress-nginx with use-regex: case-insensitive regex locations, tried longest path first. */
    @Test
    void theIngressSendsEveryPathToItsOwningService() {
        Ingress ingress = base(Ingress.class).get(0);
        assertEquals("true", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/use-regex"));
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .sorted(Comparator.comparingInt((HTTPIngressPath path) -> path.getPath().length()).reversed())
                .toList();
        Map<String, String> expected = new LinkedHashMap<>();
        String id = "0b8f5c52-5a55-4a43-a2a3-1f7f0c7e4d01";
        expected.put("/api/v1/patients/" + id + "/contact", "notification-service");
        expected.put("/api/v1/patients/" + id + "/notifications?limit=5", "notification-service");
        expected.put("/api/v1/courses/" + id + "/check-ins", "notification-service");
        expected.put("/api/v1/notification-settings", "notification-service");
        expected.put("/api/v1/notification-audit?resourceType=contact", "notification-service");
        expected.put("/api/v1/audit?resourceType=course", "scheduling-service");
        expected.put("/api/v1/check-ins/abc", "notification-service");
        expected.put("/check-in/abc", "notification-service");
        expected.put("/check-in-assets/check-in.css", "notification-service");
        expected.put("/unsubscribe/eyJjIjoiYSJ9.c2ln", "notification-service");
        expected.put("/api/v1/ops/dead-letters/0-17/replay", "notification-service");
        expected.put("/api/v1/patients/" + id, "scheduling-service");
        expected.put("/api/v1/patients/" + id + "/evaluations", "scheduling-service");
        expected.put("/api/v1/courses/" + id, "scheduling-service");
        expected.put("/api/v1/courses/" + id + "/sessions", "scheduling-service");
        expected.put("/api/v1/patients", "scheduling-service");
        expected.put("/api/v1/rooms", "scheduling-service");
        expected.put("/api/v1/clinic", "scheduling-service");
        expected.put("/asyncapi/asyncapi.yaml", "scheduling-service");
        expected.forEach((request, owner) -> {
            String path = request.replaceAll("\\?.*", "");
            String routed = paths.stream()
                    .filter(candidate -> Pattern.compile("^" + candidate.getPath(), Pattern.CASE_INSENSITIVE)
                            .matcher(path).find())
                    .map(candidate -> candidate.getBackend().getService().getName())
                    .findFirst().orElse("nobody");
            assertEquals(owner, routed, request);
        });
        Set<String> services = base(Service.class).stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        paths.forEach(path -> assertTrue(services.contains(path.getBackend().getService().getName()), path.getPath()));
    }

    /**
     * Issue 19: X-Forwarded-For decides the check-in rate limit's key, so it is believed from the ingress controller's
     * pod range alone (no private catch-all such as 10.0.0.0/8: any pod there could forge it), only the ingress-nginx
     * and monitoring namespaces may connect to the services at all, and scheduling-service (limited per clinic of the
     * token) does not read the header. Without the manifests' settings the service ignores it (application.properties).
     */
    @Test
    void forwardedForIsBelievedFromTheIngressControllerOnly() {
        Map<String, String> notification = env(byName(base(Deployment.class), "notification-service"));
        assertEquals("true", notification.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        String trusted = notification.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertNotNull(trusted, "notification-service names its trusted proxies");
        for (String entry : trusted.split(",")) {
            String[] cidr = entry.strip().split("/");
            assertTrue(cidr[0].matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), "an IPv4 address or range: " + entry);
            int prefix = cidr.length == 1 ? 32 : Integer.parseInt(cidr[1]);
            assertTrue(prefix >= 24, entry + " trusts more than the ingress controller's pod range (a /24 at most)");
        }
        Map<String, String> scheduling = env(byName(base(Deployment.class), "scheduling-service"));
        assertTrue(scheduling.keySet().stream().noneMatch(name -> name.startsWith("QUARKUS_HTTP_PROXY_")),
                "scheduling-service reads no forwarding header: " + scheduling.keySet());
        assertTrue(Manifests.serviceProperties("notification-service")
                .contains("quarkus.http.proxy.proxy-address-forwarding=false"), "off unless a deployment turns it on");

        NetworkPolicy services = base(NetworkPolicy.class).stream()
                .filter(policy -> "services-from-ingress-and-monitoring".equals(policy.getMetadata().getName()))
                .findFirst().orElseThrow();
        Set<String> namespaces = services.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getFrom().stream())
                .map(peer -> {
                    assertEquals(null, peer.getIpBlock(), "no address block may reach the services");
                    assertEquals(null, peer.getPodSelector(), "no pod of this namespace may reach the services");
                    return peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                })
                .collect(Collectors.toSet());
        assertEquals(Set.of("ingress-nginx", "monitoring"), namespaces);
    }

    private static Map<String, String> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void networkPoliciesDenyByDefaultAndLetTheServicesReachTheirDatabaseAndBroker() {
        List<NetworkPolicy> policies = base(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(policy -> labelsOf(policy).isEmpty()
                && (policy.getSpec().getPodSelector().getMatchExpressions() == null
                        || policy.getSpec().getPodSelector().getMatchExpressions().isEmpty())
                && policy.getSpec().getPolicyTypes().contains("Ingress")
                && policy.getSpec().getIngress().isEmpty()), "a default-deny policy");
        assertTrue(policies.stream().anyMatch(policy -> "courses-db".equals(
                labelsOf(policy).get("cnpg.io/cluster"))), "a policy for PostgreSQL");
        assertTrue(policies.stream().anyMatch(policy -> "courses".equals(labelsOf(policy).get("strimzi.io/cluster"))),
                "a policy for Kafka");
    }

    private static Map<String, String> labelsOf(NetworkPolicy policy) {
        Map<String, String> labels = policy.getSpec().getPodSelector().getMatchLabels();
        return labels == null ? Map.of() : labels;
    }

    private static void checkJsonPatch(Path file, JsonNode patch, List<String> problems) {
        for (JsonNode operation : patch) {
            String op = operation.path("op").asText();
            if (!Set.of("add", "remove", "replace", "move", "copy", "test").contains(op)
                    || !operation.path("path").asText().startsWith("/")) {
                problems.add(file + ": not an RFC 6902 operation: " + operation);
            }
        }
    }

    static <T extends HasMetadata> List<T> base(Class<T> model) {
        List<T> found = new ArrayList<>();
        for (Path file : Manifests.yamlFiles(Manifests.kubernetes().resolve("base"))) {
            for (JsonNode document : Manifests.documents(file)) {
                String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                if (MODELS.get(type) == model) {
                    try {
                        found.add(Manifests.YAML.treeToValue(document, model));
                    } catch (Exception e) {
                        fail(file + ": " + e.getMessage());
                    }
                }
            }
        }
        return found;
    }

    private static <T extends HasMetadata> T byName(List<T> resources, String name) {
        return resources.stream().filter(resource -> name.equals(resource.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
