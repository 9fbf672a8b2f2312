-- Embeddings of passages by the hash of the model and the text embedded: a replica (or a rebuilt
-- index) takes them from here instead of embedding again what another one embedded already.
create table embedding_cache (
    cache_key varchar(64) not null primary key,
    vector    text        not null
);
