-- Retreats, for command handlers of other features (live boards, actions and pledges) and for who may see a retreat:
-- written by the subscribing "command-directory" processor in the same transaction as the retreat's events (ADR 7).
create table retreat_directory (
    retreat_id   varchar(64) not null primary key,
    scheduled_by varchar(64) not null,
    starts_at    timestamp   not null, -- Europe/London wall-clock time
    ends_at      timestamp   not null,
    invite_only  boolean     not null,
    cancelled    boolean     not null default false
);

create table retreat_session (
    session_id     varchar(64) not null primary key,
    retreat_id     varchar(64) not null references retreat_directory (retreat_id),
    facilitator_id varchar(64) not null,
    dropped        boolean     not null default false
);
create index retreat_session_by_retreat on retreat_session (retreat_id);

-- place: REGISTERED, WAITING, or null (invited or declined only).
create table retreat_person (
    retreat_id varchar(64) not null references retreat_directory (retreat_id),
    member_id  varchar(64) not null,
    invited    boolean     not null default false,
    place      varchar(16),
    primary key (retreat_id, member_id)
);

-- Access and dietary needs, sealed with the member's own key (ADR 11): for the organiser's list only. Deleted when
-- the member gives up their place or is erased (their key is destroyed then as well).
create table retreat_needs (
    retreat_id varchar(64) not null references retreat_directory (retreat_id),
    member_id  varchar(64) not null,
    needs      text        not null,
    primary key (retreat_id, member_id)
);
