package io.sofastack.qa.channel;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.answer.AnswerService;
import io.sofastack.qa.conversation.Conversation;
import io.sofastack.qa.conversation.Conversations;
import io.sofastack.qa.conversation.FollowUp;
import io.sofastack.qa.feedback.AnswerJournal;
import io.sofastack.qa.retrieval.Retrieval;
import io.sofastack.qa.retrieval.RetrievalBusyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Answers chat questions off the webhook's thread, on the named {@code chat-answer-} executor, so that
 * a webhook is acknowledged at once however long answering takes, and records every step in the
 * delivery log: answering, answered, then posted, or failed or abandoned with a reason.
 *
 * <ul>
 *   <li>The answer is posted, and tried again where that is safe, by {@link ReplyPosting}.</li>
 *   <li>A message older than {@code qa.channel.max-answer-age} is abandoned, never answered late.</li>
 *   <li>When {@code qa.channel.answer-queue} is full the asker gets a one-line "busy" reply.</li>
 *   <li>A question that follows an earlier one in its conversation is retrieved together with it
 *       ({@link Conversations}).</li>
 *   <li>A generative answer is shown as it is written where the platform can ({@link StreamedReply},
 *       {@code qa.channel.streaming.*}); if the stream will not open or finish, it is posted whole.</li>
 *   <li>It keeps quiet, and counts it ({@code qa_channel_deliveries_total{state="quiet"}} by rule), when a
 *       message only greets or thanks, when a person replied in the thread before the answer was ready,
 *       and, where it listens without being mentioned, unless a question gets a confident answer.</li>
 * </ul>
 *
 * <p>What a stopped process left unfinished is taken over by {@link DeliveryTakeover}.
 */
@Component
public class ChatAnswering implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatAnswering.class);

    private final AnswerService answers;
    private final DeliveryLog deliveries;
    private final ChannelProperties properties;
    private final ThreadPoolExecutor executor;
    private final ThreadPoolExecutor busyReplies;
    private final ScheduledThreadPoolExecutor retries;
    private final Semaphore retrievals;
    private final RateLimits rateLimits;
    private final StreamingProperties streaming;
    private final Conversations conversations;
    private final ReplyPosting posting;
    private final AnswerJournal journal;

    public ChatAnswering(AnswerService answers, DeliveryLog deliveries, List<ChatChannel> channels, ChannelProperties properties,
                         RateLimits rateLimits, AnswerJournal journal, StreamingProperties streaming, Conversations conversations) {
        this.journal = journal;
        this.streaming = streaming;
        this.conversations = conversations;
        this.answers = answers;
        this.rateLimits = rateLimits;
        this.deliveries = deliveries;
        this.properties = properties;
        this.executor = new ThreadPoolExecutor(properties.answerThreads(), properties.answerThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.answerQueue()), new CustomizableThreadFactory("chat-answer-"));
        // Busy replies cost no retrieval: one thread posts them, and past its own queue they are dropped.
        this.busyReplies = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.answerQueue()),
                new CustomizableThreadFactory("chat-busy-"));
        this.retries = new ScheduledThreadPoolExecutor(1, new CustomizableThreadFactory("chat-retry-"));
        this.posting = new ReplyPosting(deliveries, channels, properties, retries, executor);
        this.retrievals = new Semaphore(properties.concurrentRetrievals());
    }

    /**
     * Whether a message asks something (a question mark of either width, a question word): a reply in a
     * thread that does not mention the bot is a follow-up only if it does.
     */
    public boolean asksSomething(String message) {
        return answers.asksSomething(message);
    }

    /**
     * A question asked in a chat.
     *
     * @param platform the channel it came from, for logs and metrics
     * @param asker who asked, as the platform names them
     * @param conversation where it was asked
     * @param deliveryKeys its keys in the delivery log
     * @param receivedAt when the bot accepted it
     * @param mentioned whether it was asked of the bot (a mention, a direct message, a command) rather
     *        than overheard in a channel the bot listens to
     * @param context the conversation it may follow up on (a thread, an asker in a chat), or {@code null}
     */
    public record Asked(String platform, String question, String asker, String conversation, List<String> deliveryKeys,
                        Instant receivedAt, boolean mentioned, Conversation context) {

        /** A question asked of the bot. */
        public Asked(String platform, String question, String asker, String conversation, List<String> deliveryKeys,
                     Instant receivedAt) {
            this(platform, question, asker, conversation, deliveryKeys, receivedAt, true, null);
        }

        /** Where in the chat it was asked (its thread, or the chat itself), as the record of answers keeps it. */
        public String thread() {
            return context == null ? conversation : context.key();
        }

        /** A question that follows nothing. */
        public Asked(String platform, String question, String asker, String conversation, List<String> deliveryKeys,
                     Instant receivedAt, boolean mentioned) {
            this(platform, question, asker, conversation, deliveryKeys, receivedAt, mentioned, null);
        }
    }

    /**
     * Answers the question on the executor and posts the answer through {@code reply}. A rate-limited
     * asker or conversation gets one polite line instead, and costs no retrieval and no LLM call; so
     * does a question asked before the first index is built.
     */
    public void answerLater(Asked asked, ChatReply reply) {
        try {
            executor.execute(() -> answer(asked, reply));
        } catch (RejectedExecutionException e) {
            log.warn("{} chat questions are waiting already (qa.channel.answer-queue): a {} question gets the busy reply",
                    properties.answerQueue(), asked.platform());
            busy(asked, reply, "qa.channel.answer-queue was full");
        }
    }

    /** Gives the question up as busy; the asker, if they asked the bot, gets the one-line busy reply. */
    private void busy(Asked asked, ChatReply reply, String why) {
        abandon(asked, "busy", why);
        if (asked.mentioned()) {
            try {
                busyReplies.execute(() -> ReplyPosting.safely(reply, answers.busy(asked.question())));
            } catch (RejectedExecutionException dropped) {
                log.warn("The busy replies are queued up too: one is dropped");
            }
        }
    }

    private void answer(Asked asked, ChatReply reply) {
        long started = System.nanoTime();
        if (deliveries.tooOld(asked.receivedAt())) {
            abandon(asked, "too-old", "older than qa.channel.max-answer-age when its turn came");
            return;
        }
        if (properties.quietOnSmallTalk() && answers.isSmallTalk(asked.question())) {
            quiet(asked, "small-talk", "it only greets, thanks or acknowledges");
            return;
        }
        if (!asked.mentioned() && !answers.asksSomething(asked.question())) {
            quiet(asked, "unmentioned-no-question", "it was not asked of the bot, and it asks nothing");
            return;
        }
        deliveries.advance(asked.deliveryKeys(), Delivery.State.ANSWERING, null);
        Answer answer;
        try {
            Optional<Duration> wait = rateLimits.acquire(asked.asker(), asked.conversation());
            if (!asked.mentioned() && (wait.isPresent() || !answers.isReady())) {
                quiet(asked, "unmentioned-no-answer", "it was not asked of the bot, and the bot cannot answer now");
                return;
            }
            if (wait.isPresent()) {
                answer = answers.rateLimited(asked.question(), wait.get());
            } else if (!answers.isReady()) {
                answer = answers.notReady(asked.question());
            } else {
                safelyShowWorking(reply);
                FollowUp read = conversations.read(asked.context(), asked.asker(), asked.question());
                Retrieval retrieval = retrieve(read.query());
                if (!asked.mentioned() && !sureEnough(retrieval.answerable(), retrieval.confidence())) {
                    quiet(asked, "unmentioned-not-sure", notSure(retrieval.confidence()));
                    return;
                }
                conversations.remember(asked.context(), asked.asker(), read);
                if (reply instanceof StreamedReply streamed && streaming.enabled() && answers.isGenerative() && retrieval.answerable()) {
                    streamAnswer(asked, read.query(), streamed, retrieval, started);
                    return;
                }
                answer = answers.answer(read.query(), retrieval, properties.sources());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RetrievalBusyException e) {
            busy(asked, reply, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("Answering a chat question failed", e);
            finish(asked, Delivery.State.FAILED, "answering-failed", "answering it failed: " + e.getMessage());
            return;
        }
        journal.answered(asked.platform(), asked.question(), answer, System.nanoTime() - started, asked.thread());
        if (!asked.mentioned() && !sureEnough(answer.grounded(), answer.confidence())) {
            quiet(asked, "unmentioned-not-sure", notSure(answer.confidence()));
            return;
        }
        deliveries.advance(asked.deliveryKeys(), Delivery.State.ANSWERED, null);
        if (properties.quietAfterHumanReply() && posting.othersReplied(asked)) {
            quiet(asked, "human-replied", "someone replied in the thread before the answer was ready");
            return;
        }
        posting.post(asked, reply, answer, 1);
    }

    /**
     * Writes a generative answer into a message the asker watches grow. A person who replied before it
     * opens keeps the bot quiet as ever; a message that will not open, or will not finish, is given up
     * for the answer posted whole, so that the question still gets exactly one complete answer.
     */
    private void streamAnswer(Asked asked, String question, StreamedReply streamed, Retrieval retrieval, long started) {
        if (properties.quietAfterHumanReply() && posting.othersReplied(asked)) {
            quiet(asked, "human-replied", "someone replied in the thread before the answer was begun");
            return;
        }
        GuardedStream stream = new GuardedStream(streamed);
        boolean opened = stream.open();
        Answer answer = answers.answer(question, retrieval, properties.sources(), opened ? stream::append : null);
        journal.answered(asked.platform(), asked.question(), answer, System.nanoTime() - started, asked.thread());
        deliveries.advance(asked.deliveryKeys(), Delivery.State.ANSWERED, null);
        if (opened) {
            PostOutcome outcome = stream.finish(answer);
            if (outcome == PostOutcome.POSTED) {
                finish(asked, Delivery.State.POSTED, "posted", null);
                return;
            }
            log.warn("A streamed {} answer could not be finished ({}): it is posted whole", asked.platform(), outcome);
        }
        posting.post(asked, streamed, answer, 1);
    }

    private static void safelyShowWorking(ChatReply reply) {
        try {
            reply.working();
        } catch (RuntimeException e) {
            log.warn("Showing that an answer is on its way failed: {}", e.getMessage());
        }
    }

    /** Where the bot listens without a mention, whether an answer is sure enough to say. */
    private boolean sureEnough(boolean grounded, double confidence) {
        return grounded && confidence >= properties.unmentionedMinConfidence();
    }

    private static String notSure(double confidence) {
        return "it was not asked of the bot, and the answer is not sure enough ("
                + String.format(java.util.Locale.ROOT, "%.2f", confidence) + ")";
    }

    private void abandon(Asked asked, String reason, String why) {
        finish(asked, Delivery.State.ABANDONED, reason, why);
    }

    private void quiet(Asked asked, String rule, String why) {
        finish(asked, Delivery.State.QUIET, rule, why);
    }

    private void finish(Asked asked, Delivery.State state, String reason, String why) {
        posting.finish(asked, state, reason, why);
    }

    /**
     * Retrieval takes CPU; only a few chat answers retrieve at once, so that a burst of questions never
     * starves the threads that acknowledge webhooks. Waiting for the LLM takes none and is not limited here.
     */
    private Retrieval retrieve(String question) throws InterruptedException {
        retrievals.acquire();
        try {
            return answers.retrieve(question, properties.sources());
        } finally {
            retrievals.release();
        }
    }

    @Override
    public void close() throws InterruptedException {
        retries.shutdownNow();
        busyReplies.shutdown();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
