package io.sofastack.qa.ingest;

import io.sofastack.qa.ingest.Passage.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a documentation page or an article into sections by its headings. A section knows its page
 * title, its heading path and its anchor; a section longer than the bound is cut at paragraph
 * boundaries, never inside a code block or a table. Front matter, HTML comments and Hugo shortcodes
 * never reach a section's text. A page without any text of its own, such as a product's landing page
 * ({@code _index.md}), is one section: its front matter's {@code description}, the site's one-line
 * answer to "what is it". Other pages keep it out: as a short lead of its own it outscores real
 * sections under BM25 for questions that merely name the product (seen on a Seata guide).
 */
final class DocPageParser {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CUSTOM_ID = Pattern.compile("\\s*\\{#([^}\\s]+)}\\s*$");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%].*?[>%]}}", Pattern.DOTALL);
    private static final Pattern INLINE_MARKUP = Pattern.compile("`|\\*\\*|__|!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    private final SiteUrls siteUrls;
    private final ProductTagger productTagger;
    private final int maxSectionChars;

    DocPageParser(SiteUrls siteUrls, ProductTagger productTagger, int maxSectionChars) {
        this.siteUrls = siteUrls;
        this.productTagger = productTagger;
        this.maxSectionChars = maxSectionChars;
    }

    List<Passage> parse(String path, String markdown, Kind kind) {
        FrontMatter front = FrontMatter.parse(markdown);
        String body = SHORTCODE.matcher(COMMENT.matcher(front.body()).replaceAll("")).replaceAll("");
        String pageUrl = front.url() != null ? front.url() : siteUrls.postUrl(path);
        String language = SiteUrls.language(path, siteUrls.defaultLanguage());
        String pageKey = SiteUrls.pageKey(path);
        List<String> pageProducts = productTagger.tag(path + " " + front.title());

        List<Passage> passages = new ArrayList<>();
        HeadingAnchors anchors = new HeadingAnchors();
        Deque<String[]> headings = new ArrayDeque<>(); // {level, text}
        String anchor = "";
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            }
            Matcher heading = inFence ? null : HEADING.matcher(line);
            if (heading == null || !heading.matches()) {
                current.append(line).append('\n');
                continue;
            }
            addSections(passages, path, kind, front, pageUrl, language, pageKey, pageProducts,
                    headingPath(headings, front.title()), anchor, current.toString());
            current.setLength(0);
            int level = heading.group(1).length();
            String raw = heading.group(2);
            Matcher custom = CUSTOM_ID.matcher(raw);
            String customId = custom.find() ? custom.group(1) : null;
            String text = plain(customId == null ? raw : raw.substring(0, custom.start()));
            while (!headings.isEmpty() && Integer.parseInt(headings.peekLast()[0]) >= level) {
                headings.removeLast();
            }
            headings.addLast(new String[] {String.valueOf(level), text});
            anchor = anchors.next(text, customId);
        }
        addSections(passages, path, kind, front, pageUrl, language, pageKey, pageProducts,
                headingPath(headings, front.title()), anchor, current.toString());
        if (passages.isEmpty()) {
            addSections(passages, path, kind, front, pageUrl, language, pageKey, pageProducts, "", "", plain(front.description()));
        }
        return passages;
    }

    private void addSections(List<Passage> passages, String path, Kind kind, FrontMatter front, String pageUrl,
                             String language, String pageKey, List<String> pageProducts, String section,
                             String anchor, String text) {
        List<String> chunks = chunks(text.strip());
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            String url = anchor.isEmpty() ? pageUrl : pageUrl + "#" + anchor;
            List<String> products = new ArrayList<>(pageProducts);
            productTagger.tag(section + "\n" + chunk).stream().filter(p -> !products.contains(p)).forEach(products::add);
            String id = shortHash(path) + "-" + shortHash(section + "\u0000" + anchor) + "-" + (i + 1);
            passages.add(new Passage(id, kind, path, language, pageKey, front.title(), url, front.date(),
                    section, "", chunk, List.of(), products));
        }
    }

    /** The headings above a section, outermost first; a first-level heading that repeats the title is left out. */
    private static String headingPath(Deque<String[]> headings, String title) {
        List<String> path = new ArrayList<>();
        for (String[] heading : headings) {
            if (!(path.isEmpty() && heading[0].equals("1") && heading[1].equalsIgnoreCase(title.strip()))) {
                path.add(heading[1]);
            }
        }
        return String.join(" > ", path);
    }

    /**
     * The section's text in pieces of at most the bound, cut between blocks (paragraphs, lists, whole
     * code blocks, whole tables); a single block larger than the bound stays one piece.
     */
    List<String> chunks(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> blocks = blocks(text);
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String block : blocks) {
            if (!chunk.isEmpty() && chunk.length() + block.length() + 2 > maxSectionChars) {
                chunks.add(chunk.toString().strip());
                chunk.setLength(0);
            }
            chunk.append(chunk.isEmpty() ? "" : "\n\n").append(block);
        }
        if (!chunk.toString().isBlank()) {
            chunks.add(chunk.toString().strip());
        }
        return chunks;
    }

    /** Blocks separated by blank lines, where a code fence's blank lines do not separate. */
    private static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            }
            if (!inFence && line.isBlank()) {
                if (!block.toString().isBlank()) {
                    blocks.add(block.toString().strip());
                }
                block.setLength(0);
            } else {
                block.append(line).append('\n');
            }
        }
        if (!block.toString().isBlank()) {
            blocks.add(block.toString().strip());
        }
        return blocks;
    }

    /** A heading as a reader sees it: no backticks, emphasis or link targets. */
    static String plain(String heading) {
        return INLINE_MARKUP.matcher(heading).replaceAll(match -> match.group(1) != null
                ? Matcher.quoteReplacement(match.group(1)) : "").strip();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
