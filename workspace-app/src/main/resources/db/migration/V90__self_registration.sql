-- Self-registration by council email domain, and rate limits on the emails anyone can ask for (issue 13,
-- docs/adr/0025).

-- Which organisation each email domain belongs to, and whether people registering from it are approved at once:
-- written from OrganisationEmailDomainsSet by the subscribing "command-directory" processor, in the transaction that
-- records the event. The primary key makes a domain belong to one organisation at most, even when two
-- administrators give the same domain to two organisations at the same moment.
create table organisation_email_domain (
    domain          varchar(253) not null primary key,
    organisation_id varchar(64)  not null,
    approval        varchar(32)  not null
);

create index organisation_email_domain_organisation on organisation_email_domain (organisation_id);

-- Someone who asked to register and has not yet followed the link emailed to confirm their address: not yet a member
-- (no event is recorded until the address is confirmed). The row goes when the link is used, when the same address
-- asks again, or once it has expired (any instance deletes expired rows when someone registers).
create table registration_request (
    registration_id uuid         not null primary key,
    organisation_id varchar(64)  not null,
    email           varchar(320) not null,
    display_name    varchar(200) not null,
    job_title       varchar(200) not null default '',
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null
);

create index registration_request_email on registration_request (email);
create index registration_request_expires_at on registration_request (expires_at);

-- An address-confirmation link belongs to a registration request, not (yet) to an account; it goes with the request.
alter table email_link alter column member_id drop not null;
alter table email_link alter column purpose type varchar(32);
alter table email_link add column registration_id uuid references registration_request (registration_id)
    on delete cascade;
alter table email_link add constraint email_link_one_subject
    check ((member_id is null) <> (registration_id is null));
create index email_link_registration on email_link (registration_id);

-- Requests for emails (a password reset, a registration), counted per email address (its SHA-256, so no address is
-- kept in clear and unknown addresses count like known ones) and per client address, in PostgreSQL so that every
-- instance applies the same limits. Rows older than the window are deleted as new ones are counted.
create table email_request (
    kind    varchar(32)  not null,
    subject varchar(100) not null,
    at      timestamptz  not null
);

create index email_request_subject on email_request (kind, subject, at);
create index email_request_at on email_request (at);
