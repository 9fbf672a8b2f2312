package io.sofastack.qa.eval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.Retrieval;
import io.sofastack.qa.retrieval.RetrievedThread;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a query file against the index and prints retrieval metrics, then stops the application.
 * Switched on by {@code qa.eval.queries}; {@code qa.eval.verbose=true} also prints every miss.
 */
@Component
@ConditionalOnProperty("qa.eval.queries")
class EvaluationRunner implements ApplicationRunner {

    private final ArchiveIndexer indexer;
    private final HybridRetriever retriever;
    private final JsonMapper jsonMapper;
    private final ConfigurableApplicationContext context;
    private final Path queries;
    private final boolean verbose;

    EvaluationRunner(ArchiveIndexer indexer, HybridRetriever retriever, JsonMapper jsonMapper,
                     ConfigurableApplicationContext context,
                     org.springframework.core.env.Environment environment) {
        this.indexer = indexer;
        this.retriever = retriever;
        this.jsonMapper = jsonMapper;
        this.context = context;
        this.queries = Path.of(environment.getRequiredProperty("qa.eval.queries"));
        this.verbose = environment.getProperty("qa.eval.verbose", Boolean.class, false);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        indexer.synchronize();
        List<EvalQuery> rows = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(line -> jsonMapper.readValue(line, EvalQuery.class))
                .toList();
        for (EvalQuery warmUp : rows) {
            retriever.retrieve(warmUp.query(), 10);
        }
        EvalReport report = new EvalReport();
        for (EvalQuery row : rows) {
            long started = System.nanoTime();
            Retrieval retrieval = retriever.retrieve(row.query(), 10);
            double latencyMs = (System.nanoTime() - started) / 1e6;
            boolean refused = !retrieval.answerable();
            if (!row.answerable()) {
                report.unanswerable(refused, latencyMs);
                print(row, retrieval, 0);
                continue;
            }
            int rank = rankOfGold(row, retrieval.threads());
            report.answerable("en".equals(row.lang()), rank, refused, latencyMs);
            print(row, retrieval, rank);
        }
        System.out.println(report.summary());
        context.close();
    }

    private static int rankOfGold(EvalQuery row, List<RetrievedThread> threads) {
        for (int i = 0; i < Math.min(10, threads.size()); i++) {
            RetrievedThread thread = threads.get(i);
            if (row.gold().stream().anyMatch(gold -> gold.matches(thread.thread().path(), thread.thread().question()))) {
                return i + 1;
            }
        }
        return 0;
    }

    private void print(EvalQuery row, Retrieval retrieval, int rank) {
        if (!verbose) {
            return;
        }
        RetrievedThread top = retrieval.threads().isEmpty() ? null : retrieval.threads().get(0);
        System.out.println("EVAL " + jsonMapper.writeValueAsString(new Diagnostic(row.qid(), row.lang(), row.answerable(),
                rank, retrieval.confidence(), top == null ? 0 : top.lexicalRank(), top == null ? 0 : top.vectorRank(),
                retrieval.signals(), row.query())));
    }

    private record Diagnostic(String qid, String lang, boolean answerable, int rank, double confidence,
                              int lexicalRank, int vectorRank, Object signals, String query) {
    }
}
