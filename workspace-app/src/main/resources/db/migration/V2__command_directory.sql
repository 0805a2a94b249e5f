-- What command handlers look up about other aggregates. Written by the subscribing "command-directory" processor in
-- the same transaction as the events it follows, so it is never behind the event store.
create table theme_directory (
    theme_id varchar(64)  not null primary key,
    title    varchar(200) not null
);

create table group_directory (
    group_id   varchar(64) not null primary key,
    theme_id   varchar(64) not null references theme_directory (theme_id),
    visibility varchar(32) not null
);

create table group_member (
    group_id  varchar(64) not null references group_directory (group_id),
    member_id varchar(64) not null,
    primary key (group_id, member_id)
);
