package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, patient data out of the wrong places: after {@link ClinicJourney} (contact, evaluation, booking, reminder
 * and check-in mails, a completed session with a tolerance note, an urgent check-in answer with a note, the hold, a
 * dead letter) and an SMS the patient sent the clinic (issue 18), no contact detail, finding, note, answer or message
 * text of that patient is in any key, value or header of any
 * topic on the broker (dead letters and internal topics included), nor in any line either service logged. Raw bytes
 * are searched, and the email also base64 (any alignment, both alphabets) and URL-encoded.
 */
@SystemTest
class PatientDataStaysOutTest {

    private static final Duration READ_WITHIN = Duration.ofSeconds(20);

    @Test
    void noPatientDataOnAnyTopicOrInAnyLogLine(SystemUnderTest system) throws Exception {
        ClinicJourney journey = ClinicJourney.of(system);
        ClinicJourney.Values values = journey.values();
        Map<String, String> needles = needles(values);
        // Issue 18: the patient texts the clinic's number. The text is kept for the clinicians (their API shows it) and
        // must appear on no topic and in no log; the "C" after it confirms through an event that names ids only.
        String smsText = "sms-text-" + UUID.randomUUID().toString().substring(0, 8) + " my knee hurts since Monday";
        SmsReplies.send(system, journey.clinicId(), values.phone(), smsText).then().statusCode(200);
        SmsReplies.send(system, journey.clinicId(), values.phone(), "C").then().statusCode(200);
        needles.put(smsText, "SMS reply text");
        needles.put(smsText.substring(0, 17), "SMS reply text (start)");

        // The needles are what the system really holds: the owning clinic's own APIs answer with them.
        String own = given().baseUri(system.notificationUrl()).auth().oauth2(journey.token())
                .get("/api/v1/patients/{id}/contact", journey.ids().patient()).asString()
                + given().baseUri(system.notificationUrl()).auth().oauth2(journey.token())
                        .get("/api/v1/courses/{id}/check-ins", journey.ids().course()).asString()
                + given().baseUri(system.schedulingUrl()).auth().oauth2(journey.token())
                        .get("/api/v1/courses/{id}", journey.ids().course()).asString()
                + given().baseUri(system.schedulingUrl()).auth().oauth2(journey.token())
                        .get("/api/v1/patients/{id}", journey.ids().patient()).asString()
                + given().baseUri(system.notificationUrl()).auth().oauth2(journey.token())
                        .get("/api/v1/patients/{id}/messages", journey.ids().patient()).asString();
        List<String> found = new ArrayList<>();
        scan("own APIs", own.getBytes(StandardCharsets.UTF_8), needles, found);
        for (String held : List.of(values.email(), values.phone(), values.checkInNote(), values.externalReference(),
                "\"urination\":\"unable\"", smsText)) {
            assertTrue(found.stream().anyMatch(hit -> hit.contains("\"" + held + "\" in")),
                    "the scan finds " + held + " where it belongs: " + found);
        }

        List<String> leaks = new ArrayList<>();
        int[] records = { 0 };
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrapServers()))) {
            topics = new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                // records of aborted transactions are on the log too: read them as well
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, READ_WITHIN).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_WITHIN);
            long deadline = System.nanoTime() + READ_WITHIN.toNanos();
            while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                assertTrue(System.nanoTime() < deadline, "every topic read to its end within " + READ_WITHIN);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    records[0]++;
                    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
                    scan(where + " key", record.key(), needles, leaks);
                    scan(where + " value", record.value(), needles, leaks);
                    for (Header header : record.headers()) {
                        scan(where + " header " + header.key(), header.key().getBytes(StandardCharsets.UTF_8),
                                needles, leaks);
                        scan(where + " header " + header.key(), header.value(), needles, leaks);
                    }
                }
            }
        }

        // Both services' captured output (SystemUnderTest), with DEBUG on for notification's events and sending.
        Path logs = Path.of(System.getProperty("system.logs", "target/system-logs"));
        Map<String, String> logNeedles = new LinkedHashMap<>(needles);
        values.findings().forEach(finding -> logNeedles.put(finding, "finding " + finding));
        int lines = 0;
        int journeyLines = 0;
        List<Path> files;
        try (Stream<Path> listed = Files.list(logs)) {
            files = listed.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
        for (Path file : files) {
            List<String> content = lines(file);
            for (int number = 0; number < content.size(); number++) {
                lines++;
                if (content.get(number).contains(journey.ids().course())) {
                    journeyLines++;
                }
                scan(file.getFileName() + ":" + (number + 1), content.get(number).getBytes(StandardCharsets.UTF_8),
                        logNeedles, leaks);
            }
        }

        System.out.printf("patient data scan: %d topics %s, %d records, %d log lines in %s, %d needles, %d leaks%n",
                topics.size(), topics, records[0], lines, files.stream().map(Path::getFileName).toList(),
                logNeedles.size(), leaks.size());
        assertTrue(files.size() >= 2, "both services' logs were scanned: " + files);
        // ids are not patient data: the services log them, which shows the scanned lines include the journey's
        assertTrue(journeyLines > 0, "the logs scanned hold the journey's course " + journey.ids().course());
        assertTrue(records[0] > 0 && topics.contains("treatment-course-events.dlq"), "the topics were read: " + topics);
        assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks.subList(0,
                Math.min(50, leaks.size()))));
    }

    /** The values to look for, each with what it is; findings go on the topics too, where no finding belongs. */
    private static Map<String, String> needles(ClinicJourney.Values values) {
        Map<String, String> needles = new LinkedHashMap<>();
        needles.put(values.email(), "contact email");
        needles.put(values.phone(), "contact phone");
        needles.put(values.externalReference(), "patient's external reference");
        needles.put(values.toleranceNote(), "session tolerance note");
        needles.put(values.checkInNote(), "check-in note");
        // a note cut short or escaped is still the note: its distinctive start alone must not appear either
        needles.put(values.checkInNote().substring(0, 21), "check-in note (start)");
        needles.put(values.toleranceNote().substring(0, 23), "tolerance note (start)");
        values.answerForms().forEach(answer -> needles.put(answer, "check-in answer"));
        for (String encoded : List.of(URLEncoder.encode(values.email(), StandardCharsets.UTF_8),
                values.email().replace("@", "%40").toLowerCase(), URLEncoder.encode(values.phone(), StandardCharsets.UTF_8))) {
            needles.put(encoded, "URL-encoded contact detail");
        }
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                needles.put(base64Core(encoder, values.email(), shift), "base64 of the email (alignment " + shift + ")");
            }
        }
        for (String finding : values.findings()) {
            needles.put("\"" + finding + "\"", "finding " + finding);
        }
        return needles;
    }

    /**
     * The part of base64({@code shift} other bytes + value) that depends on the value alone: what any encoding of a
     * blob holding the value at that alignment contains.
     */
    private static String base64Core(Base64.Encoder encoder, String value, int shift) {
        byte[] bytes = ("xx".substring(0, shift) + value).getBytes(StandardCharsets.UTF_8);
        String encoded = encoder.encodeToString(bytes);
        int from = shift == 0 ? 0 : 4;
        int to = bytes.length / 3 * 4;
        return encoded.substring(from, to);
    }

    private static void scan(String where, byte[] bytes, Map<String, String> needles, List<String> leaks) {
        if (bytes == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        needles.forEach((needle, what) -> {
            if (text.contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                leaks.add(where + ": " + what + " \"" + needle + "\" in " + excerpt(text, needle));
            }
        });
    }

    private static String excerpt(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? "" : text.substring(Math.max(0, at - 120), Math.min(text.length(), at + needle.length() + 80))
                .replaceAll("[\\p{Cntrl}]", " ");
    }

    private static List<String> lines(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }
}
