-- Crypto-shredding (docs/adr/0009-crypto-shredding-of-personal-data.md): each member's personal data is sealed in the
-- events with a key of their own, kept here, outside the event store, in a schema of its own. Erasing a member deletes
-- their row, which makes every copy of their sealed personal data (event store, Kafka topic, backups of either)
-- unreadable for good.
create schema if not exists privacy;

create table privacy.member_key (
    member_id  varchar(64) not null primary key,
    aes_key    bytea       not null check (length(aes_key) = 32),
    created_at timestamptz not null default now()
);
