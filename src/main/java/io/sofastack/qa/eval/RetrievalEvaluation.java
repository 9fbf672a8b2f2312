package io.sofastack.qa.eval;

import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.Retrieval;
import io.sofastack.qa.retrieval.RetrievedPassage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Runs a query file against the retriever and measures it, the way the official scorer counts. */
public final class RetrievalEvaluation {

    private static final int RANKS = 10;

    /** What is evaluated: a question and a number of sources in, a retrieval out. */
    @FunctionalInterface
    public interface Retriever {
        Retrieval retrieve(String question, int limit);
    }

    private final Retriever retriever;
    private final JsonMapper jsonMapper;

    public RetrievalEvaluation(HybridRetriever retriever, JsonMapper jsonMapper) {
        this(retriever::retrieve, jsonMapper);
    }

    RetrievalEvaluation(Retriever retriever, JsonMapper jsonMapper) {
        this.retriever = retriever;
        this.jsonMapper = jsonMapper;
    }

    /**
     * @param misses where to print each query not answered at rank 1 or wrongly refused, or {@code null}
     */
    public EvalReport evaluate(Path queryFile, PrintStream misses) throws IOException {
        List<EvalQuery> queries = Files.readAllLines(queryFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> jsonMapper.readValue(line, EvalQuery.class))
                .toList();
        // Warm up the JIT and the model first, so that latencies are those of a running service.
        queries.forEach(query -> retriever.retrieve(query.query(), RANKS));
        EvalReport report = new EvalReport();
        for (EvalQuery query : queries) {
            long started = System.nanoTime();
            Retrieval retrieval = retriever.retrieve(query.query(), RANKS);
            double latencyMs = (System.nanoTime() - started) / 1e6;
            boolean refused = !retrieval.answerable();
            if (misses != null) {
                misses.printf("query %s answerable=%s rank=%d confidence=%.3f first=%s%n", query.qid(), query.answerable(),
                        query.answerable() ? rankOfGold(query, retrieval.passages()) : 0, retrieval.confidence(),
                        retrieval.passages().isEmpty() ? "none" : retrieval.passages().get(0).passage().kind().label());
            }
            if (!query.answerable()) {
                report.unanswerable(refused, latencyMs);
                if (!refused && misses != null) {
                    misses.printf("answered %s %s (confidence %.3f, features %s)%n", query.qid(), query.query(),
                            retrieval.confidence(), retrieval.features());
                }
                continue;
            }
            int rank = rankOfGold(query, retrieval.passages());
            report.answerable("en".equals(query.lang()), rank, refused, latencyMs);
            if ((rank != 1 || refused) && misses != null) {
                misses.printf("miss %s rank=%d refused=%s %s (confidence %.3f, features %s)%n", query.qid(), rank, refused,
                        query.query(), retrieval.confidence(), retrieval.features());
            }
        }
        return report;
    }

    /** The rank of the first source that the query's gold accepts, among the first ten, from 1; 0 when none does. */
    static int rankOfGold(EvalQuery query, List<RetrievedPassage> passages) {
        for (int i = 0; i < Math.min(RANKS, passages.size()); i++) {
            RetrievedPassage found = passages.get(i);
            if (query.gold().stream().anyMatch(gold -> gold.matches(found.passage().path(), found.passage().question()))) {
                return i + 1;
            }
        }
        return 0;
    }
}
