package health.courses.notification;

import health.courses.localstack.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Records shaped exactly as scheduling-service publishes them (team contract, CloudEvents binary mode). */
public final class CourseEvents {

    private CourseEvents() {
    }

    public static ProducerRecord<String, byte[]> courseScheduled(UUID eventId, UUID clinicId, UUID courseId,
            UUID patientId) {
        String data = """
                {"clinicId":"%s","courseId":"%s","patientId":"%s","practitionerId":"%s","roomId":"%s",
                 "zone":"Europe/Berlin","status":"scheduled","version":1,"sessionsPerWeek":3,"weeks":4,
                 "recurrence":"FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12","sessionCount":12,
                 "firstSessionStart":"2027-03-29T10:00:00+02:00","lastSessionEnd":"2027-04-23T10:30:00+02:00"}"""
                .formatted(clinicId, courseId, patientId, UUID.randomUUID(), UUID.randomUUID());
        return event(eventId, "course.scheduled.v1", courseId, data.getBytes(StandardCharsets.UTF_8));
    }

    public static ProducerRecord<String, byte[]> event(UUID eventId, String type, UUID courseId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestStack.COURSE_EVENTS, courseId.toString(), value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/scheduling-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", courseId.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    public static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().remove(name);
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @SafeVarargs
    public static void publish(ProducerRecord<String, byte[]>... records) {
        Topics.sendBytes(TestStack.bootstrapServers(), records);
    }
}
