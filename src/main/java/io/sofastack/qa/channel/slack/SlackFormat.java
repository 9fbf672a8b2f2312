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

    /** Slack refuses a section block whose text is longer. */
    private static final int SECTION_CHARS = 3000;
    static final String FEEDBACK_ACTION = "answer_feedback";
    static final String HELPFUL = "helpful:";
    static final String UNHELPFUL = "unhelpful:";

    /**
     * The message as Block Kit: the answer in sections, then 👍/👎 ({@code feedback_buttons}, whose
     * values name the answer) when the answer can be rated. {@code text} stays the notification's fallback.
     */
    java.util.List<java.util.Map<String, Object>> blocks(Answer answer) {
        java.util.List<java.util.Map<String, Object>> blocks = new java.util.ArrayList<>();
        String rest = message(answer);
        while (!rest.isEmpty()) {
            int cut = rest.length() <= SECTION_CHARS ? rest.length() : Math.max(rest.lastIndexOf('\n', SECTION_CHARS), SECTION_CHARS / 2);
            blocks.add(java.util.Map.of("type", "section", "text", java.util.Map.of("type", "mrkdwn", "text", rest.substring(0, cut))));
            rest = rest.substring(cut).stripLeading();
        }
        if (answer.rateable()) {
            blocks.add(feedbackBlock(answer));
        }
        return blocks;
    }

    /** The 👍/👎 row under an answer; a click comes back as a {@code block_actions} interaction. */
    static java.util.Map<String, Object> feedbackBlock(Answer answer) {
        boolean english = io.sofastack.qa.retrieval.Scripts.isMostlyLatin(answer.text());
        return java.util.Map.of("type", "context_actions", "elements", java.util.List.of(java.util.Map.of(
                "type", "feedback_buttons", "action_id", FEEDBACK_ACTION,
                "positive_button", button("👍", HELPFUL + answer.id(), english ? "This answer helped" : "这个回答有帮助"),
                "negative_button", button("👎", UNHELPFUL + answer.id(), english ? "This answer did not help" : "这个回答没有帮助"))));
    }

    private static java.util.Map<String, Object> button(String text, String value, String label) {
        return java.util.Map.of("text", java.util.Map.of("type", "plain_text", "text", text), "value", value, "accessibility_label", label);
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
            String dated = source.date() == null ? title : title + " (" + source.date() + ")";
            // A source without an address (a community answer from a chat that has no permalinks) is named, not linked.
            list.append(source.url().isBlank() ? "\n- " + dated : "\n- [" + dated + "](" + source.url() + ")");
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
            String dated = source.date() == null ? title : title + " (" + source.date() + ")";
            list.append(source.url().isBlank() ? "\n• " + dated : "\n• <" + source.url() + "|" + dated + ">");
        }
        return list.toString();
    }
}
