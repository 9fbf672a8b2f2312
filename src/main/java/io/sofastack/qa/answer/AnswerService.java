package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.HybridRetriever;
import io.sofastack.qa.retrieval.Retrieval;
import io.sofastack.qa.retrieval.RetrievedPassage;
import java.util.List;

/**
 * Answers a question from the archive: grounded in retrieved passages and citing them, or abstaining
 * honestly when the archive has no answer. Shared by every channel.
 */
public class AnswerService {

    private final HybridRetriever retriever;
    private final ExtractiveAnswerer extractive;
    private final GenerativeAnswerer generative;
    private final AnswerProperties properties;
    private final SmallTalk smallTalk = new SmallTalk();

    private final AnswerAge age;

    AnswerService(HybridRetriever retriever, AnswerProperties properties, GenerativeAnswerer generative, java.time.Clock clock) {
        this.retriever = retriever;
        this.age = new AnswerAge(properties.staleAfter(), clock);
        this.properties = properties;
        this.extractive = new ExtractiveAnswerer(properties.maxAnswerChars());
        this.generative = generative;
    }

    /** Whether answers are written by an LLM (when it works) rather than extracted. */
    public boolean isGenerative() {
        return generative != null;
    }

    /** The answer to a question; a greeting or a thank-you gets a greeting back, not a passage. */
    public Answer ask(String question, int topK) {
        if (isSmallTalk(question)) {
            return smallTalkReply(question);
        }
        return answer(question, retrieve(question, topK), topK);
    }

    /** Whether the message only greets, thanks or acknowledges ("你好", "thanks!", "好的👍"): there is nothing to answer. */
    public boolean isSmallTalk(String message) {
        return smallTalk.isSmallTalk(message);
    }

    /**
     * Whether the message asks something (a question mark of either width, a question word): where the
     * bot listens without being mentioned, only such messages are worth an answer.
     */
    public boolean asksSomething(String message) {
        return smallTalk.asksSomething(message);
    }

    /** What the ask API says to small talk: not an answer, an invitation to ask. */
    public Answer smallTalkReply(String message) {
        String text = Language.of(message) == Language.ENGLISH
                ? "Hello! Ask me a question about SOFAStack or MOSN and I will look for the answer."
                : "你好！有关 SOFAStack 和 MOSN 的问题，直接问我就好。";
        return new Answer(text, false, AnswerMode.NOTICE, List.of(), 0);
    }

    /** Step 1 alone, the part that costs CPU: enough passages for the sources (or the related ones) and the LLM context. */
    public Retrieval retrieve(String question, int topK) {
        int wanted = Math.max(topK, generative == null ? 0 : properties.llmContextSources());
        return retriever.retrieve(question, wanted);
    }

    /** Steps 2 to 4: the answer from what {@link #retrieve} found, which may wait on the LLM. */
    public Answer answer(String question, Retrieval retrieval, int topK) {
        return answer(question, retrieval, topK, null);
    }

    /**
     * As {@link #answer(String, Retrieval, int)}, and while the LLM writes the answer, hands each new
     * piece of it to {@code written} ({@code null}: nobody is shown the answer before it is done). The
     * answer returned then begins with exactly what was handed on: when the LLM fails or cites nothing
     * after it has begun, the rest is the extractive answer, marked as such.
     */
    public Answer answer(String question, Retrieval retrieval, int topK, java.util.function.Consumer<String> written) {
        Answer answer = written(question, retrieval, topK, written);
        if (!answer.grounded()) {
            return answer;
        }
        // An old source, or a question about a newer version than it knows, is said in one line under the answer.
        return age.note(question, retrieval.passages().get(0).passage(), Language.of(question))
                .map(note -> answer.withText(answer.text() + "\n\n" + note)).orElse(answer);
    }

    private Answer written(String question, Retrieval retrieval, int topK, java.util.function.Consumer<String> written) {
        Language language = Language.of(question);
        // 2. Abstain when the best passage does not answer the question.
        if (!retrieval.answerable()) {
            return abstain(retrieval, language, AnswerMode.EXTRACTIVE, topK);
        }
        List<Source> sources = sources(retrieval.passages(), topK);
        // 3. Without an LLM, the best passage's own words.
        RetrievedPassage best = retrieval.passages().get(0);
        if (generative == null) {
            return new Answer(extractive.answer(best.passage(), question, language), true, AnswerMode.EXTRACTIVE, sources,
                    retrieval.confidence());
        }
        // 4. With one, its answer from the best passages, or the extractive answer when it fails.
        List<RetrievedPassage> context = retrieval.passages().subList(0, Math.min(properties.llmContextSources(), retrieval.passages().size()));
        StreamedAnswerText streamed = written == null ? null : new StreamedAnswerText(context.size(), written);
        LlmOutcome outcome = streamed == null ? generative.answer(question, context, language)
                : generative.answer(question, context, language, streamed::accept);
        if (streamed != null) {
            streamed.finish(!(outcome instanceof LlmOutcome.Declined));
        }
        String shown = streamed == null ? "" : streamed.shown();
        if (outcome instanceof LlmOutcome.Answered answered) {
            // The answer cites context sources by number, so every one of them is listed.
            return new Answer(streamed == null ? answered.text() : shown, true, AnswerMode.GENERATIVE,
                    sources(retrieval.passages(), Math.max(topK, context.size())), retrieval.confidence());
        }
        if (outcome instanceof LlmOutcome.Declined) {
            return abstain(retrieval, language, AnswerMode.GENERATIVE, topK);
        }
        String fallback = extractive.answer(best.passage(), question, language);
        if (!shown.isBlank()) {
            // What was shown stays; what follows says why the source's own words come after it.
            fallback = shown + "\n\n" + (language == Language.ENGLISH
                    ? "_The written answer above broke off or could not be checked against its sources; this is what the best source says:_"
                    : "_上面的回答没有写完，或无法与来源核对；以下是最相关来源的原文：_") + "\n\n" + fallback;
        }
        return new Answer(fallback, true, AnswerMode.EXTRACTIVE_FALLBACK, shown.isBlank() ? sources
                : sources(retrieval.passages(), Math.max(topK, context.size())), retrieval.confidence());
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
        return new Answer(text, false, AnswerMode.NOTICE, List.of(), 0);
    }

    /** The one line an asker gets when more questions are waiting than the bot can take, in the question's language. */
    public Answer busy(String question) {
        String text = Language.of(question) == Language.ENGLISH
                ? "Too many questions are waiting for an answer right now; please ask again in a few minutes."
                : "现在排队等待回答的问题太多了，请过几分钟再问。";
        return new Answer(text, false, AnswerMode.NOTICE, List.of(), 0);
    }

    /** The one polite line a rate-limited asker gets instead of an answer, in the question's language. */
    public Answer rateLimited(String question, java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String text = Language.of(question) == Language.ENGLISH
                ? "You are asking faster than I can answer; please ask again in " + seconds + " s."
                : "提问太频繁了，请 " + seconds + " 秒后再问。";
        return new Answer(text, false, AnswerMode.NOTICE, List.of(), 0);
    }

    private Answer abstain(Retrieval retrieval, Language language, AnswerMode mode, int topK) {
        List<Source> related = sources(retrieval.passages(), topK);
        String text = language == Language.ENGLISH
                ? "Neither the community Q&A nor the SOFAStack docs answer this question yet."
                        + (related.isEmpty() ? "" : " These may be related:")
                : "社区问答和 SOFAStack 文档里还没有这个问题的答案。" + (related.isEmpty() ? "" : "下面这些内容可能相关：");
        return new Answer(text, false, mode, related, retrieval.confidence());
    }

    private static List<Source> sources(List<RetrievedPassage> passages, int count) {
        return passages.stream().limit(count).map(Source::of).toList();
    }
}
