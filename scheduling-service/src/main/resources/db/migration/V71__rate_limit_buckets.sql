-- Issue 19: the creating POSTs' token buckets (api.TokenBuckets), shared by every replica so a clinic's limit is the
-- clinic's, not the clinic's times the replicas. UNLOGGED: the rows are hot (one update per creating request) and
-- disposable; after a crash the table is empty, which only means every bucket starts full again.
CREATE UNLOGGED TABLE rate_limit_bucket (
    key         text PRIMARY KEY,           -- the limit and its subject, e.g. create:<clinic id>
    tokens      double precision NOT NULL,  -- after the last take
    refilled_at timestamptz      NOT NULL,  -- when tokens was computed
    taken       boolean          NOT NULL   -- whether the last take got a token (what the statement answers)
);
