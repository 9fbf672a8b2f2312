package io.sofastack.qa.eval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.PlainBm25;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation command: with {@code qa.eval.queries} set (one or more files, comma-separated), the
 * application indexes the knowledge, runs the query files, prints the metrics of each, and stops.
 * {@code qa.eval.verbose=true} also prints every query and every miss; {@code qa.eval.threshold-folds=5}
 * instead chooses {@code qa.retrieval.min-confidence} by 5-fold cross-validation ({@link ThresholdSelection});
 * {@code qa.eval.baseline=bm25} measures the plain BM25 baseline ({@link PlainBm25}) instead of the retriever.
 */
@Component
@ConditionalOnProperty("qa.eval.queries")
class EvaluationRunner implements ApplicationRunner {

    private final ArchiveIndexer indexer;
    private final RetrievalEvaluation evaluation;
    private final ConfigurableApplicationContext context;
    private final List<Path> queries;
    private final boolean verbose;
    private final int thresholdFolds;
    private final ThresholdSelection thresholds;

    EvaluationRunner(ArchiveIndexer indexer, HybridRetriever retriever, PlainBm25 baseline, JsonMapper jsonMapper,
                     ConfigurableApplicationContext context, Environment environment) {
        this.indexer = indexer;
        String measured = environment.getProperty("qa.eval.baseline", "none");
        this.evaluation = switch (measured) {
            case "none" -> new RetrievalEvaluation(retriever, jsonMapper);
            case "bm25" -> {
                float headBoost = environment.getProperty("qa.eval.baseline-head-boost", Float.class, 0f);
                yield new RetrievalEvaluation((question, limit) -> baseline.retrieve(question, limit, headBoost), jsonMapper);
            }
            default -> throw new IllegalArgumentException("qa.eval.baseline is 'none' or 'bm25', not '" + measured + "'");
        };
        this.context = context;
        this.queries = Arrays.stream(environment.getRequiredProperty("qa.eval.queries").split(",")).map(String::strip).map(Path::of).toList();
        this.verbose = environment.getProperty("qa.eval.verbose", Boolean.class, false);
        this.thresholdFolds = environment.getProperty("qa.eval.threshold-folds", Integer.class, 0);
        this.thresholds = new ThresholdSelection(retriever, jsonMapper);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        indexer.synchronize();
        if (thresholdFolds > 1) {
            thresholds.select(queries, thresholdFolds, System.out);
        } else {
            for (Path file : queries) {
                EvalReport report = evaluation.evaluate(file, verbose ? System.out : null);
                System.out.println(file.getFileName() + "\n" + report.summary());
            }
        }
        context.close();
    }
}
