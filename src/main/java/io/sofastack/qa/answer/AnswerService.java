package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.Retrieval;
import io.sofastack.qa.retrieval.RetrievedThread;
import java.util.List;

/**
 * Answers a question from the archive: grounded in retrieved threads and citing them, or abstaining
 * honestly when the archive has no answer. Shared by every channel.
 */
public class AnswerService {

    private final HybridRetriever retriever;
    private final ExtractiveAnswerer extractive;
    private final GenerativeAnswerer generative;
    private final AnswerProperties properties;

    AnswerService(HybridRetriever retriever, AnswerProperties properties, GenerativeAnswerer generative) {
        this.retriever = retriever;
        this.properties = properties;
        this.extractive = new ExtractiveAnswerer(properties.maxAnswerChars());
        this.generative = generative;
    }

    /** Whether answers are written by an LLM (when it works) rather than extracted. */
    public boolean isGenerative() {
        return generative != null;
    }

    public Answer ask(String question, int topK) {
        return answer(question, retrieve(question, topK), topK);
    }

    /** Step 1 alone, the part that costs CPU: enough threads for the sources, the LLM context and the related list. */
    public Retrieval retrieve(String question, int topK) {
        int wanted = Math.max(topK, Math.max(properties.relatedSources(), generative == null ? 0 : properties.llmContextSources()));
        return retriever.retrieve(question, wanted);
    }

    /** Steps 2 to 4: the answer from what {@link #retrieve} found, which may wait on the LLM. */
    public Answer answer(String question, Retrieval retrieval, int topK) {
        Language language = Language.of(question);
        // 2. Abstain when the best thread does not answer the question.
        if (!retrieval.answerable()) {
            return abstain(retrieval, language, AnswerMode.EXTRACTIVE);
        }
        List<Source> sources = sources(retrieval.threads(), topK);
        // 3. Without an LLM, the best thread's own answer.
        RetrievedThread best = retrieval.threads().get(0);
        if (generative == null) {
            return new Answer(extractive.answer(best.thread(), language), true, AnswerMode.EXTRACTIVE, sources,
                    retrieval.confidence());
        }
        // 4. With one, its answer from the best threads, or the extractive answer when it fails.
        List<RetrievedThread> context = retrieval.threads().subList(0, Math.min(properties.llmContextSources(), retrieval.threads().size()));
        LlmOutcome outcome = generative.answer(question, context, language);
        if (outcome instanceof LlmOutcome.Answered answered) {
            // The answer cites context sources by number, so every one of them is listed.
            return new Answer(answered.text(), true, AnswerMode.GENERATIVE,
                    sources(retrieval.threads(), Math.max(topK, context.size())), retrieval.confidence());
        }
        if (outcome instanceof LlmOutcome.Declined) {
            return abstain(retrieval, language, AnswerMode.GENERATIVE);
        }
        return new Answer(extractive.answer(best.thread(), language), true, AnswerMode.EXTRACTIVE_FALLBACK, sources,
                retrieval.confidence());
    }

    /** Whether questions can be answered yet: on a first start, not before the archive is indexed. */
    public boolean isReady() {
        return retriever.isReady();
    }

    /** The one line an asker gets while the very first index is being built. */
    public Answer notReady(String question) {
        String text = Language.of(question) == Language.ENGLISH
                ? "I am still reading the community Q&A archive; please ask again in a minute."
                : "正在建立社区问答的索引，请一分钟后再问。";
        return new Answer(text, false, AnswerMode.EXTRACTIVE, List.of(), 0);
    }

    /** The one polite line a rate-limited asker gets instead of an answer, in the question's language. */
    public Answer rateLimited(String question, java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String text = Language.of(question) == Language.ENGLISH
                ? "You are asking faster than I can answer; please ask again in " + seconds + " s."
                : "提问太频繁了，请 " + seconds + " 秒后再问。";
        return new Answer(text, false, AnswerMode.EXTRACTIVE, List.of(), 0);
    }

    private Answer abstain(Retrieval retrieval, Language language, AnswerMode mode) {
        List<Source> related = sources(retrieval.threads(), properties.relatedSources());
        String text = language == Language.ENGLISH
                ? "The community Q&A archive has no answer to this question yet."
                        + (related.isEmpty() ? "" : " These threads may be related:")
                : "社区问答里还没有这个问题的答案。" + (related.isEmpty() ? "" : "下面这些讨论可能相关：");
        return new Answer(text, false, mode, related, retrieval.confidence());
    }

    private static List<Source> sources(List<RetrievedThread> threads, int count) {
        return threads.stream().limit(count).map(Source::of).toList();
    }
}
