-- For a proposal drafted from a live board (ADR 21, amended): which clusters and cards each session's board has, and
-- which themes each retreat covers. Written by the subscribing "command-directory" processor in the same transaction
-- as the events (ADR 7), and filled here from the events already stored (their payloads are Jackson JSON), so boards
-- and retreats from before this migration are known too.

-- kind: CLUSTER or CARD. Nothing is removed: a board keeps its clusters and cards (a dropped session is known from
-- retreat_session.dropped).
create table board_part (
    session_id varchar(64) not null,
    part_id    varchar(64) not null,
    kind       varchar(8)  not null,
    primary key (session_id, part_id)
);

insert into board_part (session_id, part_id, kind)
select aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'clusterId', 'CLUSTER'
from domain_event_entry
where payload_type = 'org.collaborative.events.board.ClusterFormed'
on conflict do nothing;

insert into board_part (session_id, part_id, kind)
select aggregate_identifier, convert_from(payload, 'UTF8')::jsonb ->> 'cardId', 'CARD'
from domain_event_entry
where payload_type = 'org.collaborative.events.board.CardPosted'
on conflict do nothing;

-- The themes a retreat covers as it now stands (RetreatScheduled, then each RetreatChanged replaces them).
create table retreat_theme (
    retreat_id varchar(64) not null references retreat_directory (retreat_id),
    theme_id   varchar(64) not null,
    primary key (retreat_id, theme_id)
);

insert into retreat_theme (retreat_id, theme_id)
select latest.aggregate_identifier, theme.theme_id
from (select distinct on (aggregate_identifier) aggregate_identifier, convert_from(payload, 'UTF8')::jsonb as body
      from domain_event_entry
      where payload_type in ('org.collaborative.events.retreat.RetreatScheduled',
                             'org.collaborative.events.retreat.RetreatChanged')
      order by aggregate_identifier, sequence_number desc) latest
         cross join lateral jsonb_array_elements_text(
        case when jsonb_typeof(latest.body -> 'themeIds') = 'array' then latest.body -> 'themeIds' else '[]'::jsonb end
    ) as theme(theme_id)
where exists (select 1 from retreat_directory d where d.retreat_id = latest.aggregate_identifier)
on conflict do nothing;
