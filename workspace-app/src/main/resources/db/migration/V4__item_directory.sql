-- Group facilitators, and the items posted in groups (questions, evidence, proposals), for command handlers that need
-- to know about another aggregate: comments need their item, proposals the evidence they link, rules the facilitators.
-- Written by the subscribing "command-directory" processor in the same transaction as the events it follows.
alter table group_member add column facilitator boolean not null default false;

update group_member m set facilitator = true
from domain_event_entry e
where e.payload_type = 'org.collaborative.events.group.WorkingGroupFormed'
  and e.aggregate_identifier = m.group_id
  and convert_from(e.payload, 'UTF8')::json ->> 'facilitatorId' = m.member_id;

create table item_directory (
    item_id   varchar(64) not null primary key,
    item_type varchar(16) not null,
    group_id  varchar(64) not null references group_directory (group_id),
    theme_id  varchar(64) not null,
    author_id varchar(64) not null
);
