package io.sofastack.qa.community;

import io.sofastack.qa.ingest.KnowledgeSource;
import io.sofastack.qa.ingest.Passage;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** The accepted community answers as knowledge: every synchronisation of the index takes them. */
@Component
class CommunityKnowledge implements KnowledgeSource {

    static final String ID_PREFIX = "community:";

    private final CommunityStore store;

    CommunityKnowledge(CommunityStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "community answers";
    }

    @Override
    public String idPrefix() {
        return ID_PREFIX;
    }

    @Override
    public List<Passage> passages() {
        return store.accepted().stream().map(CommunityKnowledge::passage).toList();
    }

    static Passage passage(CommunityAnswer answer) {
        return Passage.community(ID_PREFIX + answer.id(), answer.language(), title(answer), answer.link(),
                answer.answeredAt().atZone(ZoneOffset.UTC).toLocalDate(), answer.question(), answer.answer());
    }

    /** What a citation calls it: who answered where, in the question's language. */
    static String title(CommunityAnswer answer) {
        String platform = switch (answer.platform()) {
            case "slack" -> "Slack";
            case "dingtalk" -> "en".equals(answer.language()) ? "DingTalk" : "钉钉";
            default -> answer.platform();
        };
        return "en".equals(answer.language()) ? "A maintainer's answer on " + platform : platform + " 群里维护者的解答";
    }
}
