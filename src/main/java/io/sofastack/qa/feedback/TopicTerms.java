package io.sofastack.qa.feedback;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms that say what a group of questions is about, more than the other questions do: Latin words
 * and identifiers, and Chinese runs of two to four characters (a cluster's "注册中心" rather than its
 * "注册", "册中" and "中心"), scored as a class-based TF-IDF (questions of the group holding the term,
 * times the rarity of the term among all the questions reported).
 */
final class TopicTerms {

    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z]{2,}");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");
    private static final int LONGEST_HAN_TERM = 4;
    /** Characters a Chinese term does not begin or end with: particles, pronouns and question words. */
    private static final String HAN_EDGE_STOPS = "不没能的了吗呢么吧啊呀怎什如何是否可以能会要想请问我你他她它们这那个一有在和与或及把被对就都也还用到中上下时后前里";
    private static final Set<String> LATIN_STOPS = Set.of("the", "and", "for", "with", "how", "what", "why", "when", "where",
            "which", "who", "does", "did", "can", "could", "should", "would", "will", "is", "are", "was", "were", "be", "to",
            "of", "in", "on", "at", "by", "an", "or", "not", "no", "do", "it", "its", "this", "that", "there", "my", "me",
            "you", "your", "we", "our", "from", "as", "if", "any", "use", "using", "get", "have", "has");

    private final Map<String, Integer> questionsWithTerm = new HashMap<>();
    private final int questions;

    /** @param all every question reported, for the rarity of each term */
    TopicTerms(List<String> all) {
        this.questions = all.size();
        for (String question : all) {
            for (String term : terms(question)) {
                questionsWithTerm.merge(term, 1, Integer::sum);
            }
        }
    }

    /** The group's most characteristic terms, best first, at most {@code limit}. */
    List<String> top(List<String> group, int limit) {
        Map<String, Integer> inGroup = new HashMap<>();
        for (String question : group) {
            for (String term : terms(question)) {
                inGroup.merge(term, 1, Integer::sum);
            }
        }
        // A term inside a longer one that every question holding it also holds says less than the longer one.
        inGroup.entrySet().removeIf(term -> inGroup.entrySet().stream().anyMatch(longer -> longer.getKey().length() > term.getKey().length()
                && longer.getKey().contains(term.getKey()) && longer.getValue().equals(term.getValue())));
        // A label speaks for the group: its terms are held by several of its questions, not one.
        int needed = group.size() == 1 ? 1 : Math.max(2, (int) Math.ceil(group.size() * 0.2));
        return inGroup.entrySet().stream()
                .filter(term -> term.getValue() >= needed)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> term) -> -score(term.getKey(), term.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private double score(String term, int inGroup) {
        int everywhere = questionsWithTerm.getOrDefault(term, inGroup);
        double length = term.codePoints().allMatch(Character::isIdeographic) ? Math.min(term.length(), 3) / 2.0 : 1.0;
        return inGroup * Math.log(1.0 + (double) questions / everywhere) * length;
    }

    /** The distinct terms of one question. */
    static Set<String> terms(String question) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher latin = LATIN.matcher(question);
        while (latin.find()) {
            String word = latin.group().toLowerCase(java.util.Locale.ROOT);
            if (word.length() >= 2 && !LATIN_STOPS.contains(word)) {
                terms.add(word);
            }
        }
        Matcher han = HAN_RUN.matcher(question);
        while (han.find()) {
            String run = han.group();
            for (int length = 2; length <= LONGEST_HAN_TERM; length++) {
                for (int start = 0; start + length <= run.length(); start++) {
                    String term = run.substring(start, start + length);
                    if (HAN_EDGE_STOPS.indexOf(term.charAt(0)) < 0 && HAN_EDGE_STOPS.indexOf(term.charAt(length - 1)) < 0) {
                        terms.add(term);
                    }
                }
            }
        }
        return terms;
    }
}
