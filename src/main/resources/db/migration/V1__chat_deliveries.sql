-- The chat messages the bot accepted to answer, and how far answering each has come.
-- One schema for H2 (the embedded default) and PostgreSQL.
create table chat_delivery (
    id          varchar(36)              not null primary key,
    platform    varchar(64)              not null,
    payload     text                     not null,
    state       varchar(16)              not null,
    attempts    integer                  not null,
    received_at timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    reason      varchar(1000)
);

create index chat_delivery_pending on chat_delivery (state, expires_at);

-- Every id a platform may redeliver a message under (Slack: the event id and channel + timestamp).
create table chat_delivery_key (
    delivery_key varchar(512) not null primary key,
    delivery_id  varchar(36)  not null references chat_delivery (id) on delete cascade
);

create index chat_delivery_key_delivery on chat_delivery_key (delivery_id);
