package io.sofastack.qa.eval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.retrieval.HybridRetriever;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation command: with {@code qa.eval.queries} set, the application indexes the archive, runs
 * the query file, prints the metrics, and stops. {@code qa.eval.verbose=true} also prints every miss.
 */
@Component
@ConditionalOnProperty("qa.eval.queries")
class EvaluationRunner implements ApplicationRunner {

    private final ArchiveIndexer indexer;
    private final RetrievalEvaluation evaluation;
    private final ConfigurableApplicationContext context;
    private final Path queries;
    private final boolean verbose;

    EvaluationRunner(ArchiveIndexer indexer, HybridRetriever retriever, JsonMapper jsonMapper,
                     ConfigurableApplicationContext context, Environment environment) {
        this.indexer = indexer;
        this.evaluation = new RetrievalEvaluation(retriever, jsonMapper);
        this.context = context;
        this.queries = Path.of(environment.getRequiredProperty("qa.eval.queries"));
        this.verbose = environment.getProperty("qa.eval.verbose", Boolean.class, false);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        indexer.synchronize();
        EvalReport report = evaluation.evaluate(queries, verbose ? System.out : null);
        System.out.println(report.summary());
        context.close();
    }
}
