-- Who has been emailed about which change, postponement or cancellation of a retreat (the event's sequence number in
-- the retreat's stream): written by the retreat-notice-mail tracking processor as soon as the SMTP server accepts each
-- email, in a transaction of its own, so that a retry of the event (a later recipient failed, a processor reset)
-- skips the people already told (docs/adr/0020).
create table retreat_notice_mail (
    retreat_id varchar(64)  not null,
    sequence   bigint       not null,
    member_id  varchar(100) not null,
    sent_at    timestamptz  not null,
    primary key (retreat_id, sequence, member_id)
);
