package io.sofastack.qa.community;

import io.sofastack.qa.community.CommunityAnswer.Status;
import io.sofastack.qa.index.ArchiveIndexer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review of answers learnt from the group: lists the candidates {@link MaintainerReplies} keeps,
 * and applies reviewers' decisions. Accepting, editing an accepted answer and withdrawing
 * change the index at once; another replica picks the change up within {@code qa.community.refresh-interval}.
 */
@Service
public class CommunityAnswers {

    private static final Logger log = LoggerFactory.getLogger(CommunityAnswers.class);

    /** No candidate has this id. */
    public static final class UnknownCandidate extends RuntimeException {
        UnknownCandidate(String id) {
            super("No candidate or community answer has the id " + id + ".");
        }
    }

    /** The decision does not fit where the candidate stands (declining an accepted answer, say). */
    public static final class NotAllowed extends RuntimeException {
        NotAllowed(String message) {
            super(message);
        }
    }

    /**
     * A review's outcome.
     *
     * @param indexed whether the index now serves what the review decided; when {@code false} it will
     *        after the next refresh, and the log says why it did not at once
     */
    public record Reviewed(CommunityAnswer answer, boolean indexed) {
    }

    private final CommunityStore store;
    private final CommunityKnowledge knowledge;
    private final ArchiveIndexer indexer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicReference<String> lastRefreshed = new AtomicReference<>();

    CommunityAnswers(CommunityStore store, CommunityKnowledge knowledge, ArchiveIndexer indexer, TransactionTemplate transactions,
                     Clock clock) {
        this.store = store;
        this.knowledge = knowledge;
        this.indexer = indexer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Newest first, at most {@code limit} from {@code offset}; every status when {@code status} is {@code null}. */
    public List<CommunityAnswer> list(Status status, int limit, int offset) {
        return store.list(status, limit, offset);
    }

    public CommunityAnswer find(String id) {
        return store.find(id).orElseThrow(() -> new UnknownCandidate(id));
    }

    /**
     * Accepts a candidate (or takes back a decline or a withdrawal), with the reviewer's edits if any,
     * and serves it at once.
     *
     * @param question the question as it should be served, or {@code null} to keep it
     * @param answer the answer as it should be served, or {@code null} to keep it
     */
    public Reviewed accept(String id, String question, String answer) {
        CommunityAnswer current = find(id);
        Instant now = clock.instant();
        Boolean moved = transactions.execute(status -> {
            if (!store.move(id, Status.ACCEPTED, now, Status.PENDING, Status.DECLINED, Status.WITHDRAWN)) {
                return false;
            }
            store.edit(id, question == null ? current.question() : question.strip(), answer == null ? current.answer() : answer.strip(),
                    now, Status.ACCEPTED);
            return true;
        });
        if (!Boolean.TRUE.equals(moved)) {
            throw new NotAllowed("The community answer " + id + " is already accepted; edit it instead.");
        }
        log.info("Community answer {} accepted: it is served from now on", id);
        return new Reviewed(find(id), reindexed());
    }

    /** Rewrites a pending or accepted answer; an accepted one is served as rewritten at once. */
    public Reviewed edit(String id, String question, String answer) {
        CommunityAnswer current = find(id);
        if (!store.edit(id, question.strip(), answer.strip(), clock.instant(), Status.PENDING, Status.ACCEPTED)) {
            throw new NotAllowed("The candidate " + id + " is " + current.status().wireName() + ": only pending and accepted ones can be edited.");
        }
        return new Reviewed(find(id), current.status() != Status.ACCEPTED || reindexed());
    }

    /** Declines a pending candidate: it is never served. */
    public Reviewed decline(String id) {
        CommunityAnswer current = find(id);
        if (!store.move(id, Status.DECLINED, clock.instant(), Status.PENDING)) {
            throw new NotAllowed("The candidate " + id + " is " + current.status().wireName() + ": only pending ones can be declined"
                    + (current.status() == Status.ACCEPTED ? "; withdraw it instead." : "."));
        }
        return new Reviewed(find(id), true);
    }

    /** Withdraws an accepted answer: it stops being served at once. */
    public Reviewed withdraw(String id) {
        CommunityAnswer current = find(id);
        if (!store.move(id, Status.WITHDRAWN, clock.instant(), Status.ACCEPTED)) {
            throw new NotAllowed("The candidate " + id + " is " + current.status().wireName() + ": only accepted ones can be withdrawn.");
        }
        log.info("Community answer {} withdrawn: it is no longer served", id);
        return new Reviewed(find(id), reindexed());
    }

    /** The accepted answers as a Markdown post in the weekly Q&amp;A format. */
    public String exportMarkdown() {
        return CommunityExport.markdown(store.accepted(), clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
    }

    /**
     * Indexes what reviews changed since the last look, here or on another replica: called every
     * {@code qa.community.refresh-interval}. Before the index is first built there is nothing to do, as
     * building it takes the accepted answers.
     */
    void refresh() {
        if (!indexer.status().ready()) {
            return;
        }
        String now = store.fingerprint();
        if (!now.equals(lastRefreshed.get()) && reindexed()) {
            lastRefreshed.set(now);
        }
    }

    /** Brings the index in line with the accepted answers; whether it could. */
    boolean reindexed() {
        if (indexer.status().synchronizing()) {
            // No waiting for a whole synchronisation (minutes on a first build): the refresh indexes it after.
            log.info("The index is being synchronised: the review is indexed at the next refresh");
            return false;
        }
        try {
            indexer.synchronize(knowledge);
            return true;
        } catch (IOException | DataAccessException | IllegalArgumentException e) {
            log.warn("The community answers could not be indexed now ({}); the next refresh tries again", e.getMessage());
            return false;
        }
    }
}
