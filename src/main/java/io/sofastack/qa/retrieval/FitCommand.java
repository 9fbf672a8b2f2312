package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveIndexer;
import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fitting command: with {@code qa.answerability.fit-to} set, the application indexes the
 * knowledge, asks it questions made from itself ({@link AnswerabilityFitter}), reports calibration on
 * folds held out from fitting, fits the model on all of it, writes it, and stops.
 */
@Component
@ConditionalOnProperty("qa.answerability.fit-to")
class FitCommand implements ApplicationRunner {

    private static final int FOLDS = 5;
    private static final int BINS = 10;

    private final ArchiveIndexer indexer;
    private final CorpusReader reader;
    private final HybridRetriever retriever;
    private final JsonMapper jsonMapper;
    private final RetrievalProperties properties;
    private final ConfigurableApplicationContext context;
    private final Environment environment;

    FitCommand(ArchiveIndexer indexer, CorpusReader reader, HybridRetriever retriever, JsonMapper jsonMapper,
               RetrievalProperties properties, ConfigurableApplicationContext context, Environment environment) {
        this.indexer = indexer;
        this.reader = reader;
        this.retriever = retriever;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path output = Path.of(environment.getRequiredProperty("qa.answerability.fit-to"));
        long seed = environment.getProperty("qa.answerability.seed", Long.class, 7L);
        indexer.synchronize();
        List<Passage> passages = reader.read().passages();
        // As many docs and article sections as there are threads: no kind outweighs another in fitting.
        int threads = (int) passages.stream().filter(passage -> passage.kind() == Passage.Kind.QA).count();
        int docs = environment.getProperty("qa.answerability.docs", Integer.class, threads);
        int articles = environment.getProperty("qa.answerability.articles", Integer.class, threads);
        SyntheticQuestions.Mixing defaults = SyntheticQuestions.Mixing.DEFAULT;
        SyntheticQuestions.Mixing mixing = new SyntheticQuestions.Mixing(
                environment.getProperty("qa.answerability.max-drop-share", Double.class, defaults.maxDropShare()),
                environment.getProperty("qa.answerability.max-foreign-share", Double.class, defaults.maxForeignShare()),
                environment.getProperty("qa.answerability.foreign-clause-chance", Double.class, defaults.foreignClauseChance()));
        AnswerabilityFitter fitter = new AnswerabilityFitter(retriever, seed, mixing);
        AnswerabilityFitter.Questions questions = fitter.ask(fitter.sample(passages, docs, articles), passages, 10);
        List<AnswerabilityFitter.Asked> asked = questions.retrievals();
        double[] rankShares = rankShares(questions.rankCounts());

        String dump = environment.getProperty("qa.answerability.dump-rows");
        if (dump != null) {
            List<String> lines = new ArrayList<>();
            lines.add("retrieval,group,answerable,kind,rowKind,label," + String.join(",", Features.NAMES));
            for (int retrieval = 0; retrieval < asked.size(); retrieval++) {
                AnswerabilityFitter.Asked one = asked.get(retrieval);
                for (int r = 0; r < one.rows().size(); r++) {
                    StringBuilder line = new StringBuilder(retrieval + "," + one.group() + "," + one.answerable() + ","
                            + one.kind().label() + "," + one.kinds().get(r).label() + "," + one.labels().get(r));
                    for (double value : one.rows().get(r)) {
                        line.append(',').append(value);
                    }
                    lines.add(line.toString());
                }
            }
            Files.write(Path.of(dump), lines, StandardCharsets.UTF_8);
        }
        // 1. Calibration on folds held out from fitting: every question is judged by a model that never saw it.
        double[][] heldOut = new double[asked.size()][];
        for (int fold = 0; fold < FOLDS; fold++) {
            AnswerabilityModel model = fit(asked, fold, false, rankShares);
            for (int i = 0; i < asked.size(); i++) {
                if (asked.get(i).group() % FOLDS == fold) {
                    heldOut[i] = chosen(asked.get(i), model);
                }
            }
        }
        String report = CalibrationReport.of(asked, heldOut, properties.minConfidence(), BINS)
                + "\nShare of answers at each rank of their kind's list (1 to 10), when present: "
                + java.util.Arrays.toString(java.util.Arrays.stream(rankShares).map(share -> Math.round(share * 1000) / 1000.0).toArray())
                + "\n";
        System.out.println(report);

        // 2. The model itself, fitted on everything.
        AnswerabilityModel model = fit(asked, -1, true, rankShares);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, jsonMapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(model));
        Path reportFile = output.resolveSibling("calibration.md");
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        System.out.printf("wrote %s and %s (%d synthetic retrievals, seed %d)%n", output, reportFile, asked.size(), seed);
        context.close();
    }

    /** Fits on every fold but {@code fold} ({@code all}: on every fold). */
    /** Counts of answers by rank (index 0: not found) as shares of all the present retrievals. */
    private static double[] rankShares(int[] counts) {
        int total = java.util.Arrays.stream(counts).sum();
        double[] shares = new double[counts.length - 1];
        for (int rank = 1; rank < counts.length; rank++) {
            shares[rank - 1] = total == 0 ? 0 : (double) counts[rank] / total;
        }
        return shares;
    }

    private static AnswerabilityModel fit(List<AnswerabilityFitter.Asked> asked, int fold, boolean all, double[] rankShares) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (AnswerabilityFitter.Asked one : asked) {
            if (all || one.group() % FOLDS != fold) {
                rows.addAll(one.rows());
                labels.addAll(one.labels());
            }
        }
        return LogisticRegression.fit(rows, labels, rankShares);
    }

    /** What the retriever would answer from, as {probability, right (1 or 0)}: {@link AnswerChoice}, as in retrieval. */
    private double[] chosen(AnswerabilityFitter.Asked asked, AnswerabilityModel model) {
        List<AnswerChoice.Judged<Boolean>> judged = new ArrayList<>();
        for (int i = 0; i < asked.rows().size(); i++) {
            Features features = new Features(asked.rows().get(i));
            judged.add(new AnswerChoice.Judged<>(asked.labels().get(i), asked.kinds().get(i),
                    model.probability(features), asked.leads().get(i)));
        }
        AnswerChoice.Judged<Boolean> chosen = AnswerChoice.choose(judged);
        return chosen == null ? new double[] {0, 0} : new double[] {chosen.probability(), chosen.entry() ? 1 : 0};
    }
}
