package io.sofastack.qa.channel.dingtalk;

import io.sofastack.qa.answer.Answer;
import io.sofastack.qa.channel.PostOutcome;
import io.sofastack.qa.channel.StreamBuffer;
import io.sofastack.qa.channel.StreamedReply;
import java.util.Map;

/**
 * One answer to a DingTalk message: a generative answer streamed into an AI card (created and
 * delivered empty, then rewritten whole at each update, as the streaming API takes it, and finalized
 * with the sources), or the answer posted whole as markdown.
 */
final class DingTalkCardReply implements StreamedReply {

    private final DingTalkReplier replier;
    private final DingTalkOpenApi openApi;
    private final DingTalkReply format;
    private final DingTalkMessage message;
    private final StreamBuffer buffer;
    private final String outTrackId;
    private volatile boolean broken;

    DingTalkCardReply(DingTalkReplier replier, DingTalkOpenApi openApi, DingTalkReply format, DingTalkMessage message,
                      StreamBuffer buffer, String outTrackId) {
        this.replier = replier;
        this.openApi = openApi;
        this.format = format;
        this.message = message;
        this.buffer = buffer;
        this.outTrackId = outTrackId;
    }

    @Override
    public boolean open() {
        return openApi.cardsEnabled() && openApi.createCard(message, outTrackId, "") == PostOutcome.POSTED;
    }

    @Override
    public void append(String piece) {
        if (buffer.offer(piece).isPresent() && !broken
                && openApi.streamCard(outTrackId, buffer.sent(), false) != PostOutcome.POSTED) {
            broken = true;
        }
    }

    @Override
    public PostOutcome finish(Answer answer) {
        if (broken) {
            return PostOutcome.REFUSED;
        }
        String whole = buffer.sent() + buffer.rest(answer.text());
        String sources = format.footer(answer);
        return openApi.streamCard(outTrackId, sources.isEmpty() ? whole : whole + "\n\n" + sources, true);
    }

    @Override
    public PostOutcome post(Answer answer) {
        Map<String, Object> markdown = format.markdown(message, answer);
        return replier.post(message, markdown);
    }
}
