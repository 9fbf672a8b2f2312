package io.sofastack.qa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Finds which community products a text is about, by their names and common spellings. */
public final class ProductTagger {

    /** A product and the lower-case spellings that name it. */
    private record Product(String name, Pattern spellings) {
        Product(String name, String spellings) {
            this(name, Pattern.compile(spellings));
        }
    }

    /**
     * A short name is a word of its own only where no Latin letter touches it: "raft" is not in
     * "draft" or "aircraft", and "ark" is in "ark包" (Java 17's {@code \\b} sees a boundary only next
     * to a character that is not a letter of any script, so it found neither).
     */
    private static String word(String name) {
        return "(?<![a-z])" + name + "(?![a-z])";
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("SOFARegistry", "sofa-?registry|注册中心"),
            new Product("SOFAJRaft", "jraft|" + word("raft")),
            new Product("MOSN", "mosn"),
            new Product("Seata", "seata|fescar"),
            new Product("SOFARPC", "sofa-?rpc"),
            new Product("SOFABoot", "sofa-?boot"),
            new Product("Layotto", "layotto"),
            new Product("SOFAArk", "sofa-?ark|" + word("ark")),
            new Product("SOFATracer", "sofa-?tracer|" + word("tracer")),
            new Product("SOFALookout", "sofa-?lookout|" + word("lookout")),
            new Product("SOFABolt", "sofa-?bolt|" + word("bolt")),
            new Product("SOFADashboard", "sofa-?dashboard"),
            new Product("Occlum", "occlum"),
            new Product("Koupleless", "koupleless"),
            new Product("Holmes", word("holmes")));

    public List<String> tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (Product product : PRODUCTS) {
            if (product.spellings().matcher(lower).find()) {
                found.add(product.name());
            }
        }
        return found;
    }
}
