package io.sofastack.qa.channel.slack;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.Source;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer in Slack's mrkdwn, which is not Markdown: links become {@code <url|text>}, bold is a
 * single star, headings are bold lines, and {@code & < >} are escaped where they are not markup.
 */
final class SlackFormat {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s*(.+)$");
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

    private final int maxChars;

    SlackFormat(int maxChars) {
        this.maxChars = maxChars;
    }

    /** The question without @-mentions of the bot (or anyone). */
    static String question(String text) {
        return MENTION.matcher(text == null ? "" : text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    String message(Answer answer) {
        String sources = sources(answer);
        String body = mrkdwn(answer.text());
        int room = maxChars - sources.length() - 4;
        if (body.length() > room) {
            body = body.substring(0, Math.max(0, room)).strip() + " …";
        }
        return sources.isEmpty() ? body : body + "\n\n" + sources;
    }

    static String mrkdwn(String markdown) {
        String escaped = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Matcher link = LINK.matcher(escaped);
        StringBuilder text = new StringBuilder();
        while (link.find()) {
            link.appendReplacement(text, Matcher.quoteReplacement("<" + link.group(2) + "|" + link.group(1).replace("|", "/") + ">"));
        }
        link.appendTail(text);
        String bold = BOLD.matcher(text).replaceAll("*$1*");
        return HEADING.matcher(bold).replaceAll("*$1*");
    }

    /** The sources in Markdown (not mrkdwn), as a streamed message ends with them; empty when there are none. */
    static String sourcesMarkdown(Answer answer) {
        if (answer.sources().isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder(answer.grounded() ? "**Sources**" : "**Maybe related**");
        for (Source source : answer.sources()) {
            String title = source.label().replace("[", "(").replace("]", ")");
            list.append("\n- [").append(title);
            if (source.date() != null) {
                list.append(" (").append(source.date()).append(')');
            }
            list.append("](").append(source.url()).append(')');
        }
        return list.toString();
    }

    private static String sources(Answer answer) {
        if (answer.sources().isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder(answer.grounded() ? "*Sources*" : "*Maybe related*");
        for (Source source : answer.sources()) {
            String title = source.label().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "/");
            list.append("\n• <").append(source.url()).append('|').append(title);
            if (source.date() != null) {
                list.append(" (").append(source.date()).append(')');
            }
            list.append('>');
        }
        return list.toString();
    }
}
