-- Whether a facilitator has an item hidden, for command handlers that act on another aggregate than the hidden item:
-- a comment is not posted on a hidden item, and hidden evidence is not linked to a proposal (ADR 14). Written by the
-- subscribing "command-directory" processor on ItemHidden and ItemRestored; filled here from the event store, where
-- an item's moderation events are in its own stream: it is hidden when the last of them hid it.
alter table item_directory add column hidden boolean not null default false;

update item_directory d set hidden = true
where (select e.payload_type
       from domain_event_entry e
       where e.aggregate_identifier = d.item_id
         and e.payload_type in ('org.collaborative.events.moderation.ItemHidden',
                                'org.collaborative.events.moderation.ItemRestored')
       order by e.sequence_number desc
       limit 1) = 'org.collaborative.events.moderation.ItemHidden';
