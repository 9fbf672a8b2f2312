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
 * {@link Mixing#maxForeignShare}), and sometimes a clause of another question is added: the passage then
 * holds only part of what is asked, as it does for real questions, while what it holds is still asked.
 */
final class SyntheticQuestions {

    private static final Pattern CLAUSE_END = Pattern.compile("[，。？！；,?!;\\n]+");
    private static final Pattern MARKUP = Pattern.compile("[>*`#\\[\\]()|]+|https?://\\S+");
    private static final int MAX_CHARS = 120;
    private static final int MAX_TEXT_CLAUSE_CHARS = 30;

    /**
     * How far a made-up question strays from its passage's words.
     *
     * @param maxDropShare the most of its words dropped (each question draws its share up to this)
     * @param maxForeignShare the most words of other askers slipped in after each word
     * @param foreignClauseChance the chance that a clause of another question is added
     */
    record Mixing(double maxDropShare, double maxForeignShare, double foreignClauseChance) {

        static final Mixing DEFAULT = new Mixing(0.6, 0.4, 0.5);

        Mixing {
            for (double share : new double[] {maxDropShare, maxForeignShare, foreignClauseChance}) {
                if (share < 0 || share > 1) {
                    throw new IllegalArgumentException("shares and chances lie between 0 and 1, got " + share);
                }
            }
        }
    }

    private final Random random;
    private final Mixing mixing;
    private final List<String> askersWords = new ArrayList<>();
    private final List<String> askersClauses = new ArrayList<>();

    /** @param askedQuestions questions real askers wrote (the threads' first questions), whose words and clauses are mixed in */
    SyntheticQuestions(long seed, List<String> askedQuestions, Mixing mixing) {
        this.random = new Random(seed);
        this.mixing = mixing;
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

    /** Keeps each clause with the given chance (at least one), sometimes reorders them, and drops a share of the words (drawn anew for each question, up to {@link Mixing#maxDropShare}). */
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
        if (!askersClauses.isEmpty() && random.nextDouble() < mixing.foreignClauseChance()) {
            kept.add(random.nextInt(kept.size() + 1), askersClauses.get(random.nextInt(askersClauses.size())));
        }
        if (kept.size() > 1 && random.nextDouble() < 0.3) {
            Collections.shuffle(kept, random);
        }
        double foreign = random.nextDouble() * mixing.maxForeignShare();
        double drop = random.nextDouble() * mixing.maxDropShare();
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
