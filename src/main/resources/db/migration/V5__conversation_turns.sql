-- The last question of each conversation (a thread, or an asker in a chat), so that a follow-up is
-- read together with it on whichever replica takes it; forgotten after its window.
create table conversation_turn (
    conversation_key varchar(600)             not null primary key,
    asker            varchar(300)             not null,
    question         text                     not null,
    query            text                     not null,
    asked_at         timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);

create index conversation_turn_expiry on conversation_turn (expires_at);
