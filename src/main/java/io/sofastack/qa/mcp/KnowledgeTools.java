package io.sofastack.qa.mcp;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerService;
import io.sofastack.qa.answer.Source;
import io.sofastack.qa.feedback.AnswerJournal;
import io.sofastack.qa.ingest.Passage;
import io.sofastack.qa.retrieval.RetrievedPassage;
import java.util.List;
import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The two tools an agent gets: the passages that match a query, and the bot's grounded answer (or its refusal). */
@Component
@ConditionalOnProperty(name = "qa.mcp.enabled", havingValue = "true")
class KnowledgeTools {

    /** A passage of the knowledge, as an agent sees it. */
    record KnowledgePassage(String kind, String title, String section, String question, String date, String url,
                            List<String> products, double confidence, String text) {
    }

    /** The bot's answer: grounded in the sources it lists, or an honest refusal with the nearest ones. */
    record Grounded(String answerId, boolean grounded, String answer, double confidence, List<Source> sources) {
    }

    private static final int TEXT_CHARS = 1200;
    private static final int CANDIDATES_PER_RESULT = 4;

    private final AnswerService answers;
    private final AnswerJournal journal;
    private final McpProperties properties;

    KnowledgeTools(AnswerService answers, AnswerJournal journal, McpProperties properties) {
        this.answers = answers;
        this.journal = journal;
        this.properties = properties;
    }

    @McpTool(name = "search_sofastack_knowledge", description = "Searches the SOFAStack and MOSN knowledge (the SOFA Weekly "
            + "community Q&A, the project docs in Chinese and English, the technical articles) and returns the best passages with "
            + "title, section, date, URL and a confidence between 0 and 1.")
    List<KnowledgePassage> search(
            @McpToolParam(description = "what to look for, in Chinese or English", required = true) String query,
            @McpToolParam(description = "only passages of this kind: qa (weekly Q&A), doc, article or community (maintainers' answers in the group)", required = false) String kind,
            @McpToolParam(description = "only passages about this product, e.g. SOFARPC, MOSN, SOFAJRaft", required = false) String product,
            @McpToolParam(description = "how many passages, 1 to 10 (default 5)", required = false) Integer limit) {
        String checked = checked(query, "query");
        int wanted = limit == null ? 5 : Math.max(1, Math.min(limit, properties.maxResults()));
        ready();
        List<RetrievedPassage> found = answers.retrieve(checked, wanted * CANDIDATES_PER_RESULT).passages();
        return found.stream()
                .filter(retrieved -> kind == null || kind.isBlank() || retrieved.passage().kind().label().equalsIgnoreCase(kind.strip()))
                .filter(retrieved -> product == null || product.isBlank()
                        || retrieved.passage().products().stream().anyMatch(named -> named.equalsIgnoreCase(product.strip())))
                .limit(wanted).map(KnowledgeTools::passage).toList();
    }

    @McpTool(name = "ask_sofastack", description = "Asks the SOFAStack community Q&A bot a question. It answers only from the "
            + "community knowledge, citing its sources, and says plainly when that knowledge has no answer (grounded=false).")
    Grounded ask(@McpToolParam(description = "the question, in Chinese or English", required = true) String question) {
        String checked = checked(question, "question");
        ready();
        long started = System.nanoTime();
        Answer answer = answers.ask(checked, 5);
        journal.answered("mcp", checked, answer, System.nanoTime() - started, null);
        return new Grounded(answer.id(), answer.grounded(), answer.text(), Math.round(answer.confidence() * 1000) / 1000.0, answer.sources());
    }

    private String checked(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("\"" + name + "\" must not be blank");
        }
        if (text.length() > properties.maxQueryChars()) {
            throw new IllegalArgumentException("\"" + name + "\" has " + text.length() + " characters; at most "
                    + properties.maxQueryChars() + " are accepted (qa.mcp.max-query-chars)");
        }
        return text.strip();
    }

    private void ready() {
        if (!answers.isReady()) {
            throw new IllegalStateException("The knowledge is still being indexed; try again in a minute.");
        }
    }

    private static KnowledgePassage passage(RetrievedPassage retrieved) {
        Passage passage = retrieved.passage();
        String text = passage.text().length() > TEXT_CHARS ? passage.text().substring(0, TEXT_CHARS) + "…" : passage.text();
        return new KnowledgePassage(passage.kind().label(), passage.title(), passage.section().isBlank() ? null : passage.section(),
                passage.question().isBlank() ? null : passage.question(), passage.date() == null ? null : passage.date().toString(),
                passage.url(), passage.products(), Math.round(retrieved.score() * 1000) / 1000.0, text);
    }
}
