package io.sofastack.qa.bench;

import io.sofastack.qa.index.BgeSmallZhEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The embedding model alone, in the benchmark's own process: what one question's embedding costs, and
 * how many questions per second the machine's cores can embed at most. Every question the bot answers
 * costs one embedding, so this is the ceiling its throughput is judged against.
 */
final class EmbeddingCeiling {

    record Result(double singleMs, double perSecond, int cores) {
    }

    private EmbeddingCeiling() {
    }

    static Result measure(List<String> questions, int cores) throws Exception {
        ExecutorService loading = Executors.newFixedThreadPool(cores);
        ExecutorService callers = Executors.newFixedThreadPool(cores);
        try {
            BgeSmallZhEmbeddingModel model = new BgeSmallZhEmbeddingModel(loading, 1);
            for (int i = 0; i < Math.min(200, questions.size()); i++) {
                model.embed(questions.get(i));
            }
            long started = System.nanoTime();
            for (String question : questions) {
                model.embed(question);
            }
            double singleMs = (System.nanoTime() - started) / 1e6 / questions.size();
            started = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int c = 0; c < cores; c++) {
                int first = c;
                parts.add(callers.submit(() -> {
                    for (int i = first; i < questions.size(); i += cores) {
                        model.embed(questions.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            double perSecond = questions.size() / ((System.nanoTime() - started) / 1e9);
            return new Result(singleMs, perSecond, cores);
        } finally {
            loading.shutdownNow();
            callers.shutdownNow();
        }
    }
}
