package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.Passage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Questions made from the knowledge itself, for fitting the answerability model: a thread's own first
 * question, or a section's heading with its product and the start of its text, each shortened,
 * reordered and thinned out at random so that it does not repeat the passage word for word. A real
 * asker words things their own way and says more than the passage does, so words of other askers'
 * questions are slipped in after a share of the words (drawn anew for each question, up to
 * {@link #MAX_FOREIGN_SHARE}), and sometimes a clause of another question is added: the passage then
 * holds only part of what is asked, as it does for real questions, while what it holds is still asked.
 */
final class SyntheticQuestions {

    private static final Pattern CLAUSE_END = Pattern.compile("[，。？！；,?!;\\n]+");
    private static final Pattern MARKUP = Pattern.compile("[>*`#\\[\\]()|]+|https?://\\S+");
    private static final int MAX_CHARS = 120;
    private static final int MAX_TEXT_CLAUSE_CHARS = 30;
    private static final double MAX_FOREIGN_SHARE = 0.4;
    private static final double FOREIGN_CLAUSE_CHANCE = 0.5;
    private static final double MAX_DROP_SHARE = 0.6;

    private final Random random;
    private final List<String> askersWords = new ArrayList<>();
    private final List<String> askersClauses = new ArrayList<>();

    /** @param askedQuestions questions real askers wrote (the threads' first questions), whose words and clauses are mixed in */
    SyntheticQuestions(long seed, List<String> askedQuestions) {
        this.random = new Random(seed);
        for (String question : askedQuestions) {
            for (String clause : clauses(question)) {
                askersClauses.add(clause);
                words(clause).stream().filter(word -> !word.isBlank()).forEach(askersWords::add);
            }
        }
    }

    String of(Passage passage) {
        if (passage.kind().thread()) {
            return thinned(clauses(passage.question()), 0.8);
        }
        String[] headings = passage.section().split(" > ");
        String heading = headings[headings.length - 1].isBlank() ? passage.title() : headings[headings.length - 1];
        StringBuilder question = new StringBuilder();
        if (!passage.products().isEmpty() && random.nextDouble() < 0.7
                && !heading.toLowerCase().contains(passage.products().get(0).toLowerCase())) {
            question.append(passage.products().get(0)).append(' ');
        }
        question.append(heading);
        List<String> text = clauses(passage.text());
        if (!text.isEmpty() && random.nextDouble() < 0.6) {
            String first = text.get(0);
            question.append(' ').append(first, 0, Math.min(first.length(), MAX_TEXT_CLAUSE_CHARS));
        }
        return thinned(List.of(question.toString()), 1.0);
    }

    private static List<String> clauses(String text) {
        List<String> clauses = new ArrayList<>();
        for (String clause : CLAUSE_END.split(MARKUP.matcher(text).replaceAll(" "))) {
            if (!clause.isBlank()) {
                clauses.add(clause.strip());
            }
        }
        return clauses;
    }

    /** Keeps each clause with the given chance (at least one), sometimes reorders them, and drops a share of the words (drawn anew for each question, up to {@link #MAX_DROP_SHARE}). */
    private String thinned(List<String> clauses, double keep) {
        List<String> kept = new ArrayList<>();
        for (String clause : clauses) {
            if (random.nextDouble() < keep) {
                kept.add(clause);
            }
        }
        if (kept.isEmpty() && !clauses.isEmpty()) {
            kept.add(clauses.get(random.nextInt(clauses.size())));
        }
        if (!askersClauses.isEmpty() && random.nextDouble() < FOREIGN_CLAUSE_CHANCE) {
            kept.add(random.nextInt(kept.size() + 1), askersClauses.get(random.nextInt(askersClauses.size())));
        }
        if (kept.size() > 1 && random.nextDouble() < 0.3) {
            Collections.shuffle(kept, random);
        }
        double foreign = random.nextDouble() * MAX_FOREIGN_SHARE;
        double drop = random.nextDouble() * MAX_DROP_SHARE;
        StringBuilder question = new StringBuilder();
        for (String clause : kept) {
            for (String word : words(clause)) {
                if (random.nextDouble() >= drop) {
                    question.append(word);
                }
                if (!askersWords.isEmpty() && random.nextDouble() < foreign) {
                    question.append(askersWords.get(random.nextInt(askersWords.size())));
                }
            }
            question.append('，');
        }
        String text = question.toString().strip();
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    /** Latin words with their spaces, and Han text in pieces of two characters. */
    private static List<String> words(String clause) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < clause.length()) {
            int start = i;
            if (Character.UnicodeScript.of(clause.charAt(i)) == Character.UnicodeScript.HAN) {
                i++;
                if (i < clause.length() && Character.UnicodeScript.of(clause.charAt(i)) == Character.UnicodeScript.HAN) {
                    i++;
                }
            } else {
                while (i < clause.length() && Character.UnicodeScript.of(clause.charAt(i)) != Character.UnicodeScript.HAN
                        && clause.charAt(i) != ' ') {
                    i++;
                }
                while (i < clause.length() && clause.charAt(i) == ' ') {
                    i++;
                }
                if (i == start) {
                    i++;
                }
            }
            words.add(clause.substring(start, i));
        }
        return words;
    }
}
