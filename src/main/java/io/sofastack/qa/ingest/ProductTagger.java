package io.sofastack.qa.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds which community products a text is about, by their names and common spellings. */
public final class ProductTagger {

    private static final Map<String, Pattern> PRODUCTS = new LinkedHashMap<>();

    static {
        product("SOFARegistry", "sofa-?registry|注册中心");
        product("SOFAJRaft", "jraft|raft");
        product("MOSN", "mosn");
        product("Seata", "seata|fescar");
        product("SOFARPC", "sofa-?rpc");
        product("SOFABoot", "sofa-?boot");
        product("Layotto", "layotto");
        product("SOFAArk", "sofa-?ark|\\bark\\b");
        product("SOFATracer", "sofa-?tracer|tracer");
        product("SOFALookout", "lookout");
        product("SOFABolt", "sofa-?bolt|\\bbolt\\b");
        product("SOFADashboard", "sofa-?dashboard");
        product("Occlum", "occlum");
        product("Koupleless", "koupleless");
        product("Holmes", "holmes");
    }

    private static void product(String name, String spellings) {
        PRODUCTS.put(name, Pattern.compile(spellings));
    }

    public List<String> tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        PRODUCTS.forEach((name, pattern) -> {
            if (pattern.matcher(lower).find()) {
                found.add(name);
            }
        });
        return found;
    }
}
