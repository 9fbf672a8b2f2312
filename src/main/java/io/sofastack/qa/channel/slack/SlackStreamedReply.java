package io.sofastack.qa.channel.slack;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.channel.PostOutcome;
import io.sofastack.qa.channel.StreamBuffer;
import io.sofastack.qa.channel.StreamedReply;
import java.util.Optional;

/**
 * One answer in a Slack thread: a status line while it is looked for (in assistant threads), the
 * generative answer streamed into one message ({@code chat.startStream}, {@code appendStream} batched
 * by {@link StreamBuffer}, {@code stopStream} with the sources and the delivery as metadata), or the
 * answer posted whole ({@code chat.postMessage}).
 */
final class SlackStreamedReply implements StreamedReply {

    private final SlackClient client;
    private final SlackFormat format;
    private final SlackChannel.SlackQuestion question;
    private final StreamBuffer buffer;
    private volatile String streamTs;
    private volatile boolean broken;

    SlackStreamedReply(SlackClient client, SlackFormat format, SlackChannel.SlackQuestion question, StreamBuffer buffer) {
        this.client = client;
        this.format = format;
        this.question = question;
        this.buffer = buffer;
    }

    @Override
    public void working() {
        if (question.assistantThread()) {
            client.setStatus(question.channel(), question.threadTs(), "is looking through the docs and the Q&A…");
        }
    }

    @Override
    public boolean open() {
        // Outside a direct message Slack streams only to a named recipient: the asker.
        Optional<String> ts = client.startStream(question.channel(), question.threadTs(),
                question.direct() ? null : question.user(), question.direct() ? null : question.team());
        ts.ifPresent(opened -> streamTs = opened);
        return ts.isPresent();
    }

    @Override
    public void append(String piece) {
        Optional<String> due = buffer.offer(piece);
        if (due.isPresent() && !due.get().isEmpty() && !broken
                && client.appendStream(question.channel(), streamTs, due.get()) != PostOutcome.POSTED) {
            // What could not be appended is sent with the rest when the stream stops.
            broken = true;
        }
    }

    @Override
    public PostOutcome finish(Answer answer) {
        if (broken) {
            // The half-written message is closed as it is, unmarked; the answer is then posted whole.
            client.stopStream(question.channel(), streamTs, "", null);
            return PostOutcome.REFUSED;
        }
        String rest = buffer.rest(answer.text());
        String sources = SlackFormat.sourcesMarkdown(answer);
        String last = sources.isEmpty() ? rest : rest + "\n\n" + sources;
        return client.stopStream(question.channel(), streamTs, last, question.deliveryKeys().get(0), answer.id(),
                answer.rateable() ? java.util.List.of(SlackFormat.feedbackBlock(answer)) : java.util.List.of());
    }

    @Override
    public PostOutcome post(Answer answer) {
        return client.postMessage(question.channel(), question.threadTs(), format.message(answer), format.blocks(answer),
                question.deliveryKeys().get(0), answer.id());
    }
}
