package health.courses.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private static LocalStack stack;
    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(StackSettings.ephemeral());
        config = stack.config();
        System.out.println("local stack start time: " + stack.startTime().toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void answersExactlyTheContractKeys() {
        assertEquals(Set.of("kafka.bootstrap.servers", "quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.mailer.host",
                "quarkus.mailer.port", "mp.jwt.verify.publickey", "mp.jwt.verify.issuer", "local-stack.imap.host",
                "local-stack.imap.port", "local-stack.jwt.private-key"), config.keySet());
        assertEquals("jdbc:" + config.get("quarkus.datasource.reactive.url"), config.get("quarkus.datasource.jdbc.url"));
    }

    @Test
    void kafkaDeliversARecord() {
        String topic = "local-stack-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "course-1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError("produce failed", e);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, String> received = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received = record;
                }
            }
            assertTrue(received != null, "no record within 20 s");
            assertEquals("course-1", received.key());
            assertEquals("hello", received.value());
        }
    }

    @Test
    void postgresHasTheCoursesDatabaseOwnedByCourses() throws Exception {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user, current_database(), "
                        + "(SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()), "
                        + "current_setting('server_version_num')::int / 10000")) {
            assertTrue(rows.next());
            assertEquals("courses", rows.getString(1));
            assertEquals("courses", rows.getString(2));
            assertEquals("courses", rows.getString(3));
            assertEquals(17, rows.getInt(4));
        }
    }

    @Test
    void mailSentOverSmtpIsReadableOverImap() throws Exception {
        String address = "patient-" + UUID.randomUUID() + "@example.test";
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", config.get("quarkus.mailer.host"));
        properties.setProperty("mail.smtp.port", config.get("quarkus.mailer.port"));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("courses@clinic.test");
        message.setRecipients(Message.RecipientType.TO, address);
        message.setSubject("Your course is booked");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("First session on Monday", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>First session on Monday</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; charset=UTF-8");
        calendar.setFileName("course.ics");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(calendar);
        message.setContent(mixed);
        Transport.send(message);

        List<ReceivedMail> mails = Mailbox.read(config.get("local-stack.imap.host"),
                Integer.parseInt(config.get("local-stack.imap.port")), address);

        assertEquals(1, mails.size());
        ReceivedMail mail = mails.get(0);
        assertEquals("Your course is booked", mail.subject());
        assertEquals(List.of(address), mail.to());
        assertEquals("courses@clinic.test", mail.from());
        assertEquals("First session on Monday", mail.text());
        assertEquals("<p>First session on Monday</p>", mail.html());
        assertEquals(List.of("course.ics"), mail.attachmentNames());
        assertTrue(mail.headers().containsKey("Message-ID"));
        assertTrue(Mailbox.read(config.get("local-stack.imap.host"),
                Integer.parseInt(config.get("local-stack.imap.port")), "nobody-" + address).isEmpty());
    }

    @Test
    void mintedTokenVerifiesWithThePublicKey() throws Exception {
        String token = DevTokens.mint(config.get("local-stack.jwt.private-key"), DemoClinics.A, "alice",
                Set.of("booking", "clinician"));

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(DevKeys.decodePublic(config.get("mp.jwt.verify.publickey")));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signature does not verify");

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"urn:health-courses:local-stack\""), claims);
        assertTrue(claims.contains("\"clinic_id\":\"" + DemoClinics.A + "\""), claims);
        assertTrue(claims.contains("\"sub\":\"alice\"") && claims.contains("\"upn\":\"alice\""), claims);
        assertTrue(claims.contains("\"groups\":["), claims);
        assertTrue(claims.contains("\"booking\"") && claims.contains("\"clinician\""), claims);
        assertTrue(claims.contains("\"exp\":"), claims);
    }
}
