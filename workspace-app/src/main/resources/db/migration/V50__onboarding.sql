-- Onboarding (issue 13, docs/adr/0023): invited members have an account row before they have a password, and the
-- single-use links emailed to set or reset one are rows here.

-- An invited member has no password until they accept; they cannot sign in until then (status INVITED).
alter table account alter column password_hash drop not null;
alter table account add column status varchar(16) not null default 'ACTIVE';
alter table account add column invited_at timestamptz;

-- The links emailed to set a password (an invitation) or reset one. The link itself carries the link id, purpose and
-- expiry, signed with HMAC-SHA-256 under privacy.link_signing_key; the row makes it single use (used_at) and lets a
-- resend or revocation withdraw it (revoked_at). Links go with the account (erasure, revoked invitation).
create table email_link (
    link_id    uuid        not null primary key,
    purpose    varchar(16) not null,
    member_id  varchar(64) not null references account (member_id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index email_link_member on email_link (member_id, purpose);

-- The key that signs emailed links: one row, made by the first instance that needs it, shared by every instance.
create table privacy.link_signing_key (
    key_id smallint not null primary key check (key_id = 1),
    secret bytea    not null
);
