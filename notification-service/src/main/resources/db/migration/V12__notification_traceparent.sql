-- The W3C traceparent of the consumer span that planned the notification (the trace of the booking request that
-- caused it), so the dispatcher's send joins that trace. Null when planning was not traced.
alter table notification add column traceparent text;
