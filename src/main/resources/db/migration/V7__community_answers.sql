-- Maintainers' answers to questions the bot could not answer: candidates, then what reviewers made of
-- them. Only accepted ones are indexed and served; a withdrawn one is kept for the record.
create table community_answer (
    id          varchar(64)              not null primary key,
    status      varchar(16)              not null,
    answer_id   varchar(64)              not null,
    platform    varchar(32)              not null,
    thread      varchar(600)             not null,
    question    text                     not null,
    answer      text                     not null,
    maintainer  varchar(300)             not null,
    link        varchar(2000)            not null,
    language    varchar(8)               not null,
    gap         varchar(32)              not null,
    asked_at    timestamp with time zone not null,
    answered_at timestamp with time zone not null,
    reviewed_at timestamp with time zone,
    updated_at  timestamp with time zone not null,
    -- one candidate per answer of the bot: further replies in the thread join it
    constraint community_answer_of_answer unique (answer_id)
);

create index community_answer_status on community_answer (status, answered_at);

-- Each message heard once, whichever replica a retried delivery reached.
create table community_reply (
    message_key  varchar(300)             not null primary key,
    candidate_id varchar(64)              not null,
    heard_at     timestamp with time zone not null
);
