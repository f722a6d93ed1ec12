-- Issue 15: the relay claims a course's pending rows under a lease instead of holding a transaction open across the
-- sends. A course is claimable when its oldest pending row (its head) is not leased, or the lease ran out (the relay
-- holding it died or hung): then another relay takes the course over and publishes from the head again. A duplicate
-- publish is possible that way, a reordering is not (each relay sends a course's rows in publish_order).
ALTER TABLE outbox_event
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN claimed_by    text;
