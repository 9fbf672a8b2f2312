package io.sofastack.qa.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The anchors Hugo gives headings (Goldmark's {@code github} style, Hugo's default): lower case,
 * letters, digits, {@code -} and {@code _} kept, spaces turned into {@code -}, everything else
 * dropped; a repeated anchor on one page gets {@code -1}, {@code -2}, …. One instance per page.
 */
final class HeadingAnchors {

    private final Map<String, Integer> seen = new HashMap<>();

    /** The anchor of the next heading of the page; {@code customId} ({@code {#id}}) wins when present. */
    String next(String headingText, String customId) {
        String anchor = customId != null && !customId.isBlank() ? customId : slug(headingText);
        Integer count = seen.get(anchor);
        seen.merge(anchor, 1, Integer::sum);
        return count == null ? anchor : anchor + "-" + count;
    }

    static String slug(String headingText) {
        StringBuilder slug = new StringBuilder();
        headingText.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }
}
