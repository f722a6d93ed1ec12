-- Issue 19: the rate limits' token buckets (security.TokenBuckets: clinic writes, check-in and unsubscribe pages per
-- client address), shared by every replica so a limit is not multiplied by the replicas. UNLOGGED: the rows are hot
-- and disposable; after a crash the table is empty, which only means every bucket starts full again.
create unlogged table rate_limit_bucket (
    key         text primary key,           -- the limit and its subject, e.g. clinic:<clinic id>, ip:<address>
    tokens      double precision not null,  -- after the last take
    refilled_at timestamptz      not null,  -- when tokens was computed
    taken       boolean          not null   -- whether the last take got a token (what the statement answers)
);
