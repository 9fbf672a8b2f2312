package io.sofastack.qa.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a message that asks something from one that only greets, thanks or acknowledges ("你好",
 * "谢谢！", "ok 👍"), by the hand-written phrases of {@code lexicon/small-talk.txt}. A message is small
 * talk when nothing is left of it once its phrases, punctuation, emoji and @-mentions are taken away,
 * and it has no question mark ({@code ?} or {@code ？}) unless it is a phatic question ("在吗？"). A
 * message of emoji and punctuation alone asks nothing either.
 */
final class SmallTalk {

    private static final String LEXICON = "/lexicon/small-talk.txt";
    /** Slack's {@code <@U123>}, {@code <#C1|name>}, {@code <!here>} and DingTalk's {@code @name}. */
    private static final Pattern MENTION = Pattern.compile("<[@#!][^>]*>|@\\S+");
    /** Slack's {@code :thumbsup:} emoji codes. */
    private static final Pattern EMOJI_CODE = Pattern.compile(":[a-z0-9_+\\-]+:");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}]*([a-z]+)");

    private final Pattern phatic;
    private final Pattern phrasesOrPhatic;
    private final List<String> cues;
    private final List<String> openings;

    SmallTalk() {
        Map<String, List<String>> sections = read();
        this.phatic = alternation(sections.getOrDefault("phatic", List.of()));
        List<String> both = new ArrayList<>(sections.getOrDefault("phrase", List.of()));
        both.addAll(sections.getOrDefault("phatic", List.of()));
        this.phrasesOrPhatic = alternation(both);
        this.cues = List.copyOf(sections.getOrDefault("cue", List.of()));
        this.openings = List.copyOf(sections.getOrDefault("opening", List.of()));
    }

    /** Whether the message only greets, thanks or acknowledges, and asks nothing. */
    boolean isSmallTalk(String message) {
        String text = normalized(message);
        if (NOT_A_WORD.matcher(text).replaceAll("").isEmpty()) {
            return true;
        }
        if (!isOnly(text, phrasesOrPhatic)) {
            return false;
        }
        return !hasQuestionMark(text) || phatic.matcher(text).find();
    }

    /**
     * Whether the message asks something: a question mark of either width, a Chinese question word, or
     * an English question's first word. For channels where the bot is not mentioned, a statement is no
     * question to answer.
     */
    boolean asksSomething(String message) {
        String text = normalized(message);
        if (isSmallTalk(message)) {
            return false;
        }
        if (hasQuestionMark(text) || cues.stream().anyMatch(text::contains)) {
            return true;
        }
        Matcher first = FIRST_WORD.matcher(text);
        return first.find() && openings.contains(first.group(1));
    }

    private static boolean hasQuestionMark(String normalized) {
        return normalized.indexOf('?') >= 0;
    }

    /** Whether the text is made of these phrases alone (and of what is no word at all), at least one of them. */
    private static boolean isOnly(String text, Pattern phrases) {
        Matcher matcher = phrases.matcher(text);
        if (!matcher.find()) {
            return false;
        }
        String rest = matcher.replaceAll(" ");
        return NOT_A_WORD.matcher(rest).replaceAll("").isEmpty();
    }

    /** NFKC folds full-width letters and {@code ？} into their ASCII forms; mentions and emoji codes go. */
    private static String normalized(String message) {
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = MENTION.matcher(text).replaceAll(" ");
        return EMOJI_CODE.matcher(text).replaceAll(" ");
    }

    /**
     * One pattern for all phrases, longest first so that "thank you so much" is taken whole. Latin
     * phrases match whole words only ("hi" is not in "this"); Chinese ones match anywhere.
     */
    private static Pattern alternation(List<String> phrases) {
        if (phrases.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        List<String> longestFirst = new ArrayList<>(phrases);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        List<String> alternatives = new ArrayList<>();
        for (String phrase : longestFirst) {
            String quoted = Pattern.quote(phrase);
            alternatives.add(phrase.chars().allMatch(c -> c < 128) ? "(?<![a-z0-9])" + quoted + "(?![a-z0-9])" : quoted);
        }
        return Pattern.compile(String.join("|", alternatives));
    }

    private static Map<String, List<String>> read() {
        Map<String, List<String>> sections = new HashMap<>();
        try (InputStream in = SmallTalk.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON + " is missing from the classpath");
            }
            String section = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    section = entry.substring(1, entry.length() - 1);
                } else if (section != null) {
                    sections.computeIfAbsent(section, key -> new ArrayList<>())
                            .add(Normalizer.normalize(entry, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LEXICON, e);
        }
        return sections;
    }
}
