-- The security log: sign-ins, refused sign-ins, role changes and erasures, for administrators to review. Append-only:
-- rows are never changed or deleted (the triggers refuse it). It holds member ids, never names or passwords; a refused
-- sign-in keeps only a masked form of the address typed ("to…@camden.example").
create table privacy.security_log (
    entry_id       bigserial    not null primary key,
    at             timestamptz  not null,
    kind           varchar(32)  not null,
    member_id      varchar(64),
    actor_id       varchar(64),
    detail         varchar(500) not null default '',
    remote_address varchar(64)
);

create index security_log_at on privacy.security_log (at desc);

create function privacy.security_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'privacy.security_log is append-only';
end
$$;

create trigger security_log_no_update before update or delete on privacy.security_log
    for each row execute function privacy.security_log_is_append_only();

create trigger security_log_no_truncate before truncate on privacy.security_log
    for each statement execute function privacy.security_log_is_append_only();
