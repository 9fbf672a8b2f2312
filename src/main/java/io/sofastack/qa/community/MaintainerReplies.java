package io.sofastack.qa.community;

import io.sofastack.qa.community.CommunityAnswer.Status;
import io.sofastack.qa.feedback.AnswerRecord;
import io.sofastack.qa.feedback.AnswerRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hears the maintainers: a reply where the bot's last answer was a gap (it abstained, was unsure, or
 * got a 👎) becomes a candidate for review, and the maintainer's further replies there join it while
 * it waits. Who the maintainers are is configured ({@code qa.community.*-maintainers}).
 */
@Service
public class MaintainerReplies {

    private static final Logger log = LoggerFactory.getLogger(MaintainerReplies.class);

    private final CommunityStore store;
    private final AnswerRecords records;
    private final CommunityProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Executor hearing;

    MaintainerReplies(CommunityStore store, AnswerRecords records, CommunityProperties properties, TransactionTemplate transactions,
                      Clock clock, @Qualifier("communityHearing") Executor hearing) {
        this.store = store;
        this.records = records;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.hearing = hearing;
    }

    /**
     * Whether the platform's user is a maintainer by the configured lists. Slack user groups
     * ({@code qa.community.slack-maintainer-groups}) are the Slack channel's to resolve.
     */
    public boolean listedMaintainer(String platform, String user) {
        return properties.enabled() && user != null && !user.isBlank() && switch (platform) {
            case "slack" -> properties.slackMaintainers().contains(user);
            case "dingtalk" -> properties.dingtalkMaintainers().contains(user);
            default -> false;
        };
    }

    /**
     * Hears a maintainer's message later, off the webhook's thread (it may ask the platform for a
     * permalink). Never fails the caller: a full queue or a database that cannot take it is logged.
     *
     * @return the candidate it made or added to, once heard; empty when it made none
     */
    public CompletableFuture<Optional<CommunityAnswer>> hear(MaintainerReply reply) {
        return hearIf(() -> true, reply);
    }

    /** As {@link #hear}, if {@code byMaintainer} (asked off the caller's thread too) says a maintainer wrote it. */
    public CompletableFuture<Optional<CommunityAnswer>> hearIf(BooleanSupplier byMaintainer, MaintainerReply reply) {
        if (!properties.enabled()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return byMaintainer.getAsBoolean() ? heard(reply) : Optional.<CommunityAnswer>empty();
                } catch (RuntimeException e) {
                    log.warn("A maintainer's reply in {} could not be kept as a candidate: {}", reply.thread(), e.getMessage());
                    return Optional.<CommunityAnswer>empty();
                }
            }, hearing);
        } catch (RejectedExecutionException e) {
            log.warn("Too many maintainer replies waiting to be heard: the one in {} is dropped", reply.thread());
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }

    /**
     * The candidate a maintainer's message makes or adds to: when the bot's last answer in the thread is
     * a gap (it abstained, was unsure, or got a 👎) and that candidate is still pending. Empty otherwise.
     */
    Optional<CommunityAnswer> heard(MaintainerReply reply) {
        Optional<AnswerRecord> asked = reply.threaded() ? records.lastInThread(reply.thread())
                : records.lastGapIn(reply.thread(), reply.at().minus(properties.dingtalkWindow()));
        if (asked.isEmpty() || asked.get().gap() == null || asked.get().askedAt().isAfter(reply.at())) {
            log.debug("A maintainer replied in {}, where the bot's last answer needs none", reply.thread());
            return Optional.empty();
        }
        AnswerRecord question = asked.get();
        String text = bounded(reply.text().strip());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<CommunityAnswer> existing = store.ofAnswer(question.answerId());
        if (existing.isPresent()) {
            return joined(existing.get(), reply, text, now);
        }
        if (store.count(Status.PENDING) >= properties.maxPending()) {
            log.warn("{} candidates already wait for review (qa.community.max-pending): the answer in {} is dropped",
                    properties.maxPending(), reply.thread());
            return Optional.empty();
        }
        CommunityAnswer candidate = new CommunityAnswer(UUID.randomUUID().toString(), Status.PENDING, question.answerId(),
                reply.platform(), question.thread() == null ? reply.thread() : question.thread(), question.question(), text,
                reply.maintainer(), link(reply), question.language(), question.gap().wireName(), question.askedAt(), reply.at(), null);
        try {
            Boolean made = transactions.execute(status -> {
                if (!store.claimReply(reply.messageKey(), candidate.id(), now)) {
                    return false;
                }
                store.insert(candidate, now);
                return true;
            });
            if (!Boolean.TRUE.equals(made)) {
                return Optional.empty();
            }
        } catch (DuplicateKeyException madeMeanwhile) {
            // Another replica heard another reply of the same thread first: join its candidate.
            return store.ofAnswer(question.answerId()).flatMap(other -> joined(other, reply, text, now));
        }
        log.info("A maintainer answered in {} what the bot could not ({}): candidate {} waits for review",
                candidate.thread(), candidate.gap(), candidate.id());
        return Optional.of(candidate);
    }

    private Optional<CommunityAnswer> joined(CommunityAnswer candidate, MaintainerReply reply, String text, Instant now) {
        if (candidate.status() != Status.PENDING) {
            log.info("A maintainer replied again in {}, whose candidate {} is {}: left as reviewed", reply.thread(), candidate.id(),
                    candidate.status().wireName());
            return Optional.empty();
        }
        Boolean added = transactions.execute(status -> store.claimReply(reply.messageKey(), candidate.id(), now)
                && store.append(candidate.id(), bounded(candidate.answer() + "\n\n" + text), reply.at(), now));
        return Boolean.TRUE.equals(added) ? store.find(candidate.id()) : Optional.empty();
    }

    private String link(MaintainerReply reply) {
        try {
            String link = reply.link().get();
            return link == null ? "" : link;
        } catch (RuntimeException e) {
            log.warn("No permalink for the thread {}: {}", reply.thread(), e.getMessage());
            return "";
        }
    }

    private String bounded(String text) {
        return text.length() <= properties.maxAnswerChars() ? text : text.substring(0, properties.maxAnswerChars()).strip() + " …";
    }
}
