-- Personal access tokens for the JSON API. Only the SHA-256 of each token is kept: the token itself is shown once, to
-- the member who created it. A token stops working when it expires, is revoked, or its member's account goes.
create table access_token (
    token_id     uuid         not null primary key,
    member_id    varchar(64)  not null references account (member_id) on delete cascade,
    name         varchar(100) not null,
    secret_hash  char(64)     not null unique,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index access_token_member on access_token (member_id, created_at);
