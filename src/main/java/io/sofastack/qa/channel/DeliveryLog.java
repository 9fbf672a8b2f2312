package io.sofastack.qa.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers which chat messages have been accepted and how far answering each has come, on disk, so
 * that a platform's redelivery is never answered twice, also after a restart. A message is claimed
 * (and the claim written to disk) before the webhook is acknowledged; every step of answering it
 * ({@link Delivery.State}) is written as it happens, so that after a crash the bot knows which messages
 * it may still answer and which it may already have posted to. Entries are forgotten after
 * {@code qa.channel.dedupe-ttl}.
 */
@Component
public class DeliveryLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    private static final int PURGE_EVERY_CLAIMS = 1000;

    private final MVStore store;
    private final MVMap<String, String> deliveries;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final ChannelProperties properties;
    private final MeterRegistry meters;
    private final Object commitLock = new Object();
    private int claimsSincePurge;
    private long writes;
    private long committedWrites;

    public DeliveryLog(ChannelProperties properties, JsonMapper jsonMapper, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        Path file = Path.of(properties.stateDir()).resolve("deliveries.mv.db");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create qa.channel.state-dir " + file.getParent(), e);
        }
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        this.deliveries = store.openMap("deliveries");
        purgeExpired();
    }

    /**
     * Claims a message by its platform id. Returns {@code false} when any of the keys was claimed
     * before (a redelivery, or the same message under another id): the caller must then do nothing.
     */
    public boolean claim(String platform, List<String> keys, String payload) {
        long write;
        synchronized (this) {
            Instant now = clock.instant();
            for (String key : keys) {
                String existing = deliveries.get(key);
                if (existing != null && read(existing).expiresAt().isAfter(now)) {
                    meters.counter("qa.channel.dedupe.hits", "platform", platform).increment();
                    return false;
                }
            }
            String entry = jsonMapper.writeValueAsString(Delivery.received(platform, payload, now, now.plus(properties.dedupeTtl())));
            keys.forEach(key -> deliveries.put(key, entry));
            write = ++writes;
            if (++claimsSincePurge >= PURGE_EVERY_CLAIMS) {
                purgeExpired();
            }
        }
        // Durable before the webhook is acknowledged: a restart right after still knows the message.
        commitThrough(write);
        return true;
    }

    /**
     * Commits every write up to {@code write}. Claims arriving together share one commit: whoever
     * commits first makes the others' writes durable too, so a burst does not queue on the disk.
     */
    private void commitThrough(long write) {
        synchronized (commitLock) {
            if (committedWrites >= write) {
                return;
            }
            long upTo;
            synchronized (this) {
                upTo = writes;
            }
            store.commit();
            committedWrites = upTo;
        }
    }

    /** Records the next step of answering a message, durably, under every one of its keys. */
    public void advance(List<String> keys, Delivery.State state, String reason) {
        long write;
        synchronized (this) {
            for (String key : keys) {
                String existing = deliveries.get(key);
                if (existing != null) {
                    deliveries.put(key, jsonMapper.writeValueAsString(read(existing).advanced(state, reason)));
                }
            }
            write = ++writes;
        }
        commitThrough(write);
    }

    /** The state a message is in, if it is remembered. */
    public synchronized java.util.Optional<Delivery> find(String key) {
        String existing = deliveries.get(key);
        return existing == null ? java.util.Optional.empty() : java.util.Optional.of(read(existing));
    }

    /** Accepted messages whose answering has not finished: the work a crash left behind. */
    public synchronized List<Delivery> unfinished() {
        Map<String, Delivery> pending = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (Map.Entry<String, String> entry : deliveries.entrySet()) {
            Delivery delivery = read(entry.getValue());
            if (!delivery.state().finished() && delivery.expiresAt().isAfter(now)) {
                pending.putIfAbsent(delivery.payload(), delivery);
            }
        }
        return List.copyOf(pending.values());
    }

    private synchronized void purgeExpired() {
        claimsSincePurge = 0;
        Instant now = clock.instant();
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, String> entry : deliveries.entrySet()) {
            if (!read(entry.getValue()).expiresAt().isAfter(now)) {
                expired.add(entry.getKey());
            }
        }
        expired.forEach(deliveries::remove);
        if (!expired.isEmpty()) {
            store.commit();
            log.info("Forgot {} delivered messages older than {}", expired.size(), properties.dedupeTtl());
        }
    }

    private Delivery read(String json) {
        return jsonMapper.readValue(json, Delivery.class);
    }

    @Override
    public synchronized void close() {
        store.close();
    }
}
