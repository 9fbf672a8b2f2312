package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.ingest.Passage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Makes the answerability model's training data from the knowledge itself. Each sampled passage gives
 * a question ({@link SyntheticQuestions}) that is asked twice: with the passage in the index (an
 * answerable question: right when the passage, or its page, is what the bot would answer from) and
 * with it left out (an in-domain question whose answer is missing: never right). Every judged entry
 * of both retrievals becomes a row: its features, and whether it is the passage asked about.
 */
final class AnswerabilityFitter {

    /**
     * What the synthetic questions gave: the retrievals to fit on, and how often the passage asked
     * about stood at each rank among the entries of its kind when it was present ({@code [0]}: not
     * among them), which says how far down a kind's list an answer is still worth listing.
     */
    record Questions(List<Asked> retrievals, int[] rankCounts) {
    }

    /** One retrieval of a synthetic question: its judged entries' features, labels, kinds and leads ({@link HybridRetriever.Entry#lead}). */
    record Asked(int group, boolean answerable, Passage.Kind kind, boolean english, List<double[]> rows,
                 List<Boolean> labels, List<Passage.Kind> kinds, List<Double> leads) {
    }

    private final HybridRetriever retriever;
    private final long seed;
    private final SyntheticQuestions.Mixing mixing;

    AnswerabilityFitter(HybridRetriever retriever, long seed, SyntheticQuestions.Mixing mixing) {
        this.retriever = retriever;
        this.seed = seed;
        this.mixing = mixing;
    }

    /** A deterministic sample: every thread, and up to the given number of docs and article sections. */
    List<Passage> sample(List<Passage> passages, int docs, int articles) {
        List<Passage> threads = new ArrayList<>();
        List<Passage> docSections = new ArrayList<>();
        List<Passage> articleSections = new ArrayList<>();
        for (Passage passage : passages) {
            switch (passage.kind()) {
                case QA -> threads.add(passage);
                case DOC -> docSections.add(passage);
                case ARTICLE -> articleSections.add(passage);
            }
        }
        Random random = new Random(seed);
        java.util.Collections.shuffle(docSections, random);
        java.util.Collections.shuffle(articleSections, random);
        List<Passage> sample = new ArrayList<>(threads);
        sample.addAll(docSections.subList(0, Math.min(docs, docSections.size())));
        sample.addAll(articleSections.subList(0, Math.min(articles, articleSections.size())));
        return sample;
    }

    /**
     * Asks each sampled passage's question with it present and with it left out, showing progress. A
     * question made from an English section of a translated page is asked a third time with only the
     * English version left out: its Chinese twin then answers it, which is what an English question
     * against the mostly Chinese knowledge looks like.
     */
    Questions ask(List<Passage> sample, List<Passage> all, int limit) {
        Map<String, List<String>> englishIdsByPage = new HashMap<>();
        Set<String> chinesePages = new HashSet<>();
        for (Passage passage : all) {
            if (passage.kind() != Passage.Kind.QA && passage.language().equals("en")) {
                englishIdsByPage.computeIfAbsent(passage.pageKey(), key -> new ArrayList<>()).add(passage.id());
            } else if (passage.kind() != Passage.Kind.QA) {
                chinesePages.add(passage.pageKey());
            }
        }
        List<String> asked = sample.stream().filter(passage -> passage.kind() == Passage.Kind.QA).map(Passage::question).toList();
        SyntheticQuestions questions = new SyntheticQuestions(seed, asked, mixing);
        List<Asked> retrievals = new ArrayList<>();
        long started = System.nanoTime();
        int unfound = 0;
        int[] rankCounts = new int[limit + 1];
        for (int i = 0; i < sample.size(); i++) {
            Passage passage = sample.get(i);
            String question = questions.of(passage);
            boolean english = Scripts.isMostlyLatin(question);
            Query leftOut = passage.kind() == Passage.Kind.QA
                    ? new TermQuery(new Term(PassageDocuments.ID, passage.id()))
                    : new TermQuery(new Term(PassageDocuments.PAGE, passage.pageKey()));
            Query englishLeftOut = passage.language().equals("en") && chinesePages.contains(passage.pageKey())
                    ? anyOf(englishIdsByPage.get(passage.pageKey())) : null;
            for (Query exclude : englishLeftOut == null ? new Query[] {null, leftOut} : new Query[] {null, leftOut, englishLeftOut}) {
                boolean present = exclude != leftOut;
                HybridRetriever.Ranking ranking = retriever.rank(question, limit, exclude);
                if (ranking == null) {
                    continue;
                }
                if (present) {
                    rankCounts[rankInKind(ranking, passage)]++;
                }
                List<double[]> rows = new ArrayList<>();
                List<Boolean> labels = new ArrayList<>();
                List<Passage.Kind> kinds = new ArrayList<>();
                List<Double> leads = new ArrayList<>();
                for (HybridRetriever.Entry entry : ranking.judged()) {
                    leads.add(entry.lead());
                    rows.add(entry.features().values());
                    labels.add(present && answers(entry.passage(), passage));
                    kinds.add(entry.passage().kind());
                }
                if (present && !labels.contains(true)) {
                    // Retrieval did not find the passage among the first of each kind: the thinned,
                    // mixed-up question no longer asks what the passage answers, so it says nothing
                    // about real questions. (Real misses look like the left-out questions: the
                    // answer is not what is on top.)
                    unfound++;
                    continue;
                }
                retrievals.add(new Asked(i, present, passage.kind(), english, rows, labels, kinds, leads));
            }
            if ((i + 1) % 200 == 0 || i + 1 == sample.size()) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("asked %d/%d synthetic questions (%.0f s, ETA %.0f s)%n", i + 1, sample.size(), seconds,
                        seconds / (i + 1) * (sample.size() - i - 1));
            }
        }
        System.out.printf("%d retrievals of the %d questions did not find the passage present, and are left out of fitting%n",
                unfound, sample.size());
        return new Questions(retrievals, rankCounts);
    }

    /** Where the passage (or its page) stands among the entries of its kind, from 1; 0 when it is not among them. */
    private static int rankInKind(HybridRetriever.Ranking ranking, Passage asked) {
        int rank = 0;
        for (HybridRetriever.Entry entry : ranking.entries()) {
            if (entry.passage().kind() == asked.kind()) {
                rank++;
                if (answers(entry.passage(), asked)) {
                    return rank;
                }
            }
        }
        return 0;
    }

    private static Query anyOf(List<String> ids) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        ids.forEach(id -> any.add(new TermQuery(new Term(PassageDocuments.ID, id)), BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /** A thread answers only itself; a section answers for its page (in either language). */
    static boolean answers(Passage found, Passage asked) {
        if (asked.kind() == Passage.Kind.QA) {
            return found.id().equals(asked.id());
        }
        return found.kind() != Passage.Kind.QA && found.pageKey().equals(asked.pageKey());
    }
}
