package io.sofastack.qa.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few front-matter fields the archive needs (title, date, an explicit {@code url} that overrides
 * the one derived from the path, and the page's one-line {@code description}), and the Markdown body
 * after it. Only flat {@code key: value} lines are read: the site's posts use nothing richer for them.
 */
record FrontMatter(String title, LocalDate date, String url, String description, String body) {

    /**
     * The block at the start of the file. Blank lines may come before it, as Hugo allows: 208 docs pages
     * of the site begin with one, and reading them as text put their YAML into answers and left them
     * without a title.
     */
    private static final Pattern BLOCK = Pattern.compile("\\A\\uFEFF?\\s*?^---[ \\t]*\\n(.*?)\\n---[ \\t]*(?:\\n|\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*(.*?)\\s*$");
    private static final Pattern DESCRIPTION = Pattern.compile("(?m)^description:\\s*(.*?)\\s*$");
    private static final Pattern URL = Pattern.compile("(?m)^url:\\s*[\"']?(https?://[^\"'\\s]+)");
    private static final Pattern DATE = Pattern.compile("(?m)^date:\\s*[\"']?(\\d{4}-\\d{2}-\\d{2})");

    /** The front matter and the body, with every line ending made {@code \n}. */
    static FrontMatter parse(String file) {
        String markdown = file.replace("\r\n", "\n").replace('\r', '\n');
        Matcher block = BLOCK.matcher(markdown);
        if (!block.find()) {
            return new FrontMatter("", null, null, "", markdown);
        }
        String yaml = block.group(1);
        Matcher url = URL.matcher(yaml);
        return new FrontMatter(scalar(TITLE, yaml), date(yaml), url.find() ? url.group(1) : null, scalar(DESCRIPTION, yaml),
                markdown.substring(block.end()));
    }

    /** A one-line string field, unquoted; empty when it is missing. */
    private static String scalar(Pattern field, String yaml) {
        Matcher matcher = field.matcher(yaml);
        if (!matcher.find()) {
            return "";
        }
        String value = matcher.group(1);
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        return value.replace("\\\"", "\"").strip();
    }

    private static LocalDate date(String yaml) {
        Matcher date = DATE.matcher(yaml);
        if (!date.find()) {
            return null;
        }
        try {
            return LocalDate.parse(date.group(1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
