-- Per-person limits on posting (questions, answers, evidence, proposals, comments): a token bucket per member, kept
-- here so that every workspace-app instance behind a load balancer draws on the same one. "tokens" is what was left at
-- "updated_at"; the bucket refills continuously up to its capacity (see PostingLimits).
create table posting_allowance (
    member_id  varchar(64)      not null primary key,
    tokens     double precision not null,
    updated_at timestamptz      not null
);
