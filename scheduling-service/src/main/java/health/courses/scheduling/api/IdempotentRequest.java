package health.courses.scheduling.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The first answer to a creating POST sent with an Idempotency-Key; status is null while it is being made. */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest {

    @Id
    public String id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public Integer status;

    public String location;

    public String etag;

    public String body;
}
