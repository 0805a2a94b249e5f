-- Private Atom feeds of a member's digests: a feed is read at a URL holding a random token. Only the token's SHA-256
-- is kept (hex); revoking a token ends its feed at once. A member has at most one working token.
create table feed_token (
    token_hash  char(64)     primary key,
    member_id   varchar(100) not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index feed_token_member on feed_token (member_id);

-- The key that signs the one-click unsubscribe links in digest emails: made once by whichever instance starts first,
-- and shared by every instance, so a link sent by one is honoured by all.
create table notification_key (
    id      smallint primary key check (id = 1),
    secret  bytea    not null
);
