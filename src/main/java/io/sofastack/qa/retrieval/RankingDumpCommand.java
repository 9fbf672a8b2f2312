package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveIndexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A study tool: with {@code qa.retrieval.dump-rankings-to} and {@code qa.retrieval.dump-queries} (query
 * files, comma-separated) set, writes for each query every ranked entry of every kind with its ranks
 * and features as one JSON line, and stops. How the section weights and the kind choice were studied
 * (README, "Re-fit"); set {@code qa.retrieval.judged-per-kind=10} to have features for every entry. Each
 * entry carries its passage's title and text, so that a candidate feature can be tried on the dump first;
 * {@code qa.retrieval.dump-limit} (10) sets how many entries of each kind.
 */
@Component
@ConditionalOnProperty("qa.retrieval.dump-rankings-to")
class RankingDumpCommand implements ApplicationRunner {

    private final ArchiveIndexer indexer;
    private final HybridRetriever retriever;
    private final JsonMapper jsonMapper;
    private final ConfigurableApplicationContext context;
    private final Environment environment;

    RankingDumpCommand(ArchiveIndexer indexer, HybridRetriever retriever, JsonMapper jsonMapper,
                       ConfigurableApplicationContext context, Environment environment) {
        this.indexer = indexer;
        this.retriever = retriever;
        this.jsonMapper = jsonMapper;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        indexer.synchronize();
        int limit = environment.getProperty("qa.retrieval.dump-limit", Integer.class, 10);
        List<String> out = new ArrayList<>();
        for (String file : environment.getRequiredProperty("qa.retrieval.dump-queries").split(",")) {
            for (String line : Files.readAllLines(Path.of(file.strip()), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode query = jsonMapper.readTree(line);
                HybridRetriever.Ranking ranking = retriever.rank(query.get("query").asString(), limit, null);
                List<Map<String, Object>> entries = new ArrayList<>();
                Map<String, Integer> rankInKind = new LinkedHashMap<>();
                if (ranking != null) {
                    for (HybridRetriever.Entry entry : ranking.entries()) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("kind", entry.passage().kind().label());
                        e.put("rank", rankInKind.merge(entry.passage().kind().label(), 1, Integer::sum));
                        e.put("path", entry.passage().path());
                        e.put("question", entry.passage().question());
                        e.put("section", entry.passage().section());
                        e.put("language", entry.passage().language());
                        e.put("title", entry.passage().title());
                        e.put("text", entry.passage().text());
                        e.put("fused", entry.candidate().score());
                        e.put("lexicalRank", entry.candidate().lexicalRank());
                        e.put("lexicalScore", entry.candidate().lexicalScore());
                        e.put("vectorRank", entry.candidate().vectorRank());
                        e.put("similarity", entry.candidate().similarity());
                        e.put("features", entry.features() == null ? null : entry.features().values());
                        e.put("lead", Double.isNaN(entry.lead()) ? null : entry.lead());
                        entries.add(e);
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", Path.of(file.strip()).getFileName().toString());
                row.put("query", query);
                row.put("entries", entries);
                out.add(jsonMapper.writeValueAsString(row));
            }
        }
        Files.write(Path.of(environment.getRequiredProperty("qa.retrieval.dump-rankings-to")), out, StandardCharsets.UTF_8);
        context.close();
    }
}
