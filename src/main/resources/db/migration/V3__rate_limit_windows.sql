-- Questions taken per limited key (an asker, a conversation, the whole bot) in each fixed window,
-- shared by every replica when qa.rate-limit.store=database.
create table rate_limit_window (
    limit_key    varchar(600)             not null,
    window_start timestamp with time zone not null,
    used         integer                  not null,
    primary key (limit_key, window_start)
);
