-- Every answer the bot gave, kept for qa.feedback.retention: feedback refers to it by its id, and the
-- report of what the bot could not answer reads the gaps (abstained, low-confidence, unhelpful).
create table answer_record (
    answer_id  varchar(64)              not null primary key,
    asked_at   timestamp with time zone not null,
    channel    varchar(32)              not null,
    question   text                     not null,
    language   varchar(8)               not null,
    grounded   boolean                  not null,
    mode       varchar(32)              not null,
    confidence double precision         not null,
    sources    text                     not null,
    thread     varchar(600),
    gap        varchar(32)
);

create index answer_record_asked on answer_record (asked_at);
create index answer_record_gap on answer_record (gap, asked_at);
create index answer_record_thread on answer_record (thread);

-- One vote per person and answer; the voter is a one-way hash unless qa.feedback.keep-user-ids is on.
create table answer_feedback (
    answer_id varchar(64)              not null,
    voter     varchar(300)             not null,
    helpful   boolean                  not null,
    comment   text,
    channel   varchar(32)              not null,
    given_at  timestamp with time zone not null,
    primary key (answer_id, voter)
);
