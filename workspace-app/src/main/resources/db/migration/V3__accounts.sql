-- Local sign-in accounts and the personal data of members. Personal data is kept here, outside the event store:
-- events refer to people by member id only.
create table account (
    member_id       varchar(64)  not null primary key,
    email           varchar(320) not null unique,
    display_name    varchar(200) not null,
    job_title       varchar(200),
    organisation_id varchar(64)  not null,
    role            varchar(32)  not null,
    password_hash   varchar(200) not null,
    created_at      timestamptz  not null default now()
);
