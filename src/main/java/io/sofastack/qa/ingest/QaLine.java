package io.sofastack.qa.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Markdown line of a weekly post is, as far as the reader Q&amp;A goes. The posts were
 * written by hand over five years, so every pattern here tolerates the variants found in them:
 * full-width and ASCII punctuation, bold markers in odd places, numbering with 、 or a dot.
 */
record QaLine(Kind kind, String text, String asker) {

    enum Kind { BLANK, HEADING, THREAD_HEADER, TOPIC_HEADER, QUOTE, ANSWER, BOLD_QUESTION, BOLD_ONLY, TEXT }

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern NUMBERING = Pattern.compile("^\\d{1,2}\\s*[、.．:：]\\s*");
    /** {@code 1、@name 提问：}, {@code **@name** 提问:}, {@code 2. 名字 提问}. */
    private static final Pattern ASKS = Pattern.compile("^(?:\\d{1,2}\\s*[、.．]\\s*)?(@?)(.{0,40}?)\\s*提问\\s*[：:]?$");
    /** {@code @name}, {@code 1. @user #2203}, {@code @name：}: a header with no 提问. */
    private static final Pattern MENTION = Pattern.compile("^(?:\\d{1,2}\\s*[、.．]\\s*)?@([^，。？?！!：:]{1,40}?)\\s*(#\\d+)?\\s*[：:]?$");
    private static final Pattern ANSWER = Pattern.compile("^(?:\\*\\*)?\\s*A\\s*[：:]\\s*(?:\\*\\*)?\\s*(?:A\\s*[：:]\\s*)?");
    private static final Pattern BOLD_LINE = Pattern.compile("^\\*\\*(.+)\\*\\*\\s*[：:]?$");

    static QaLine classify(String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return new QaLine(Kind.BLANK, "", "");
        }
        if (line.startsWith("#")) {
            return new QaLine(Kind.HEADING, line.replaceFirst("^#+\\s*", ""), "");
        }
        if (line.startsWith(">")) {
            String quoted = line.replaceFirst("^(?:>\\s*)+", "");
            Matcher answer = ANSWER.matcher(quoted);
            if (answer.find()) {
                return new QaLine(Kind.ANSWER, quoted.substring(answer.end()).strip(), "");
            }
            return new QaLine(Kind.QUOTE, quoted, "");
        }
        Matcher answer = ANSWER.matcher(line);
        if (answer.find()) {
            return new QaLine(Kind.ANSWER, line.substring(answer.end()).strip(), "");
        }
        String plain = plain(line);
        QaLine header = header(line, plain);
        if (header != null) {
            return header;
        }
        if (BOLD_LINE.matcher(line).matches() && !line.substring(2, line.length() - 2).contains("**")) {
            return endsLikeQuestion(plain)
                    ? new QaLine(Kind.BOLD_QUESTION, plain, "")
                    : new QaLine(Kind.BOLD_ONLY, plain, "");
        }
        return new QaLine(Kind.TEXT, line, "");
    }

    private static QaLine header(String line, String plain) {
        if (plain.length() > 60 || plain.startsWith("欢迎")) {
            return null;
        }
        Matcher asks = ASKS.matcher(plain);
        if (asks.matches()) {
            String who = asks.group(2).strip();
            boolean topic = who.startsWith("关于") || who.endsWith("的");
            return topic ? new QaLine(Kind.TOPIC_HEADER, plain, "") : new QaLine(Kind.THREAD_HEADER, plain, asker(who));
        }
        Matcher mention = MENTION.matcher(plain);
        boolean marked = line.startsWith("**") || Character.isDigit(line.charAt(0)) || mention.matches() && mention.group(2) != null;
        if (mention.matches() && (marked || !mention.group(1).contains(" "))) {
            return new QaLine(Kind.THREAD_HEADER, plain, asker(mention.group(1)));
        }
        if (line.startsWith("**") && NUMBERING.matcher(plain).find() && BOLD_LINE.matcher(line).matches()) {
            return new QaLine(Kind.TOPIC_HEADER, plain, "");
        }
        return null;
    }

    private static String asker(String who) {
        return NUMBERING.matcher(who.replaceFirst("^@", "")).replaceFirst("").replaceFirst("^@", "").strip();
    }

    /** The line without Markdown emphasis, with links reduced to their text. */
    static String plain(String line) {
        return LINK.matcher(line).replaceAll("$1").replace("*", "").replace("「", "").replace("」", "").strip();
    }

    static boolean endsLikeQuestion(String text) {
        String end = text.strip();
        return end.endsWith("？") || end.endsWith("?") || end.endsWith("吗") || end.endsWith("呢");
    }
}
