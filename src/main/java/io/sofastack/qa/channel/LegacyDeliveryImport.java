package io.sofastack.qa.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versions before the database kept the delivery log in {@code qa.channel.state-dir/deliveries.mv.db}.
 * At the first start with the database its entries are imported once (so that a redelivery of a
 * message answered just before the upgrade is still not answered again) and the file is renamed
 * {@code deliveries.mv.db.imported}, never deleted.
 */
@Component
class LegacyDeliveryImport {

    private static final Logger log = LoggerFactory.getLogger(LegacyDeliveryImport.class);

    LegacyDeliveryImport(ChannelProperties properties, DeliveryLog deliveries, JsonMapper jsonMapper) {
        Path file = Path.of(properties.stateDir()).resolve("deliveries.mv.db");
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, List<String>> keysByEntry = new LinkedHashMap<>();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<String, String> entries = store.openMap("deliveries");
            entries.forEach((key, entry) -> keysByEntry.computeIfAbsent(entry, any -> new ArrayList<>()).add(key));
        }
        keysByEntry.forEach((entry, keys) -> deliveries.importDelivery(keys, jsonMapper.readValue(entry, Delivery.class)));
        try {
            Files.move(file, file.resolveSibling("deliveries.mv.db.imported"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename the imported delivery log " + file, e);
        }
        log.info("Imported {} deliveries from {} into the database", keysByEntry.size(), file);
    }
}
