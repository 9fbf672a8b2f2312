-- Which process answers a delivery, and until when it holds it: a delivery whose lease ran out
-- (its process died) is taken over by another one.
alter table chat_delivery add column owner varchar(64);
alter table chat_delivery add column lease_until timestamp with time zone;
update chat_delivery set lease_until = updated_at;
create index chat_delivery_lease on chat_delivery (state, lease_until);
