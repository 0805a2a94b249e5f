-- Failed sign-ins, counted here so that every workspace-app instance behind a load balancer sees the same counts.
-- A subject is either "account:" with the SHA-256 of the normalised email address typed (whether or not an account
-- has it, so that the counts reveal nothing about which accounts exist, and no email address is kept in clear), or
-- "address:" with the client's IP address.
create table sign_in_failure (
    subject         varchar(100) not null primary key,
    failures        int          not null,
    first_failed_at timestamptz  not null,
    last_failed_at  timestamptz  not null
);

create index sign_in_failure_last_failed_at on sign_in_failure (last_failed_at);
