-- What the command handlers of practices look up (ADR 18): each practice's first-tried date, the proposals decided
-- "taken forward" (only those become practices), each organisation's adoption stage (who may offer help) and the
-- finance officers (who may verify outcomes). Written by the subscribing "command-directory" processor in the same
-- transaction as the events it follows; the proposals already decided are filled here from the event store.
create table practice_directory (
    practice_id                 varchar(64) not null primary key,
    theme_id                    varchar(64) not null,
    originating_organisation_id varchar(64) not null,
    first_tried_on              date        not null,
    from_proposal_id            varchar(64) unique
);

create table taken_forward_proposal (
    proposal_id varchar(64) not null primary key
);

insert into taken_forward_proposal (proposal_id)
select distinct e.aggregate_identifier
from domain_event_entry e
where e.payload_type = 'org.collaborative.events.proposal.ProposalDecided'
  and convert_from(e.payload, 'UTF8')::json ->> 'outcome' = 'TAKEN_FORWARD';

create table adoption_directory (
    practice_id     varchar(64) not null,
    organisation_id varchar(64) not null,
    stage           varchar(16) not null,
    primary key (practice_id, organisation_id)
);

create table finance_officer (
    member_id       varchar(64) not null primary key,
    organisation_id varchar(64) not null
);
