package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.index.PassageDocuments;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A passage's hashed terms hold exactly the terms the analyzer gives it, in every script. */
class TermsTest {

    private final Terms terms = new Terms();

    private static final List<String> TEXTS = List.of(
            "SOFARPC 怎么设置调用超时？在 @SofaReference 里配置 timeout，单位毫秒。",
            "How does SOFAJRaft take a snapshot of the state machine? onSnapshotSave is called by the leader.",
            "MOSN 的 xDS 配置热更新：listener、cluster 与 route 的 RDS/CDS 推送，Envoy 兼容。",
            "Seata AT 模式回滚 undo_log 表；TC 集群 registry.conf 里 nacos 的 serverAddr。",
            "");

    @Test
    void theHashedTermsOfATextAreItsTermsAndNoOthers() {
        for (String text : TEXTS) {
            Set<String> expected = terms.of(PassageDocuments.BODY, text);
            Terms.HashedTerms hashed = terms.hashed(PassageDocuments.BODY, text);
            assertThat(hashed.sorted()).as(text).hasSize(expected.size()).isSorted();
            expected.forEach(term -> assertThat(hashed.contains(Terms.hash(term))).as("%s in %s", term, text).isTrue());
            for (String other : TEXTS) {
                for (String term : terms.of(PassageDocuments.BODY, other)) {
                    assertThat(hashed.contains(Terms.hash(term))).as("%s in %s", term, text).isEqualTo(expected.contains(term));
                }
            }
        }
    }

    @Test
    void theHashIsOverTheWholeTermAndItsOrder() {
        assertThat(Terms.hash("raft")).isNotEqualTo(Terms.hash("rafts")).isNotEqualTo(Terms.hash("tfar"));
        assertThat(Terms.hash("超时")).isNotEqualTo(Terms.hash("时超"));
        assertThat(Terms.hash(new StringBuilder("leader"))).isEqualTo(Terms.hash("leader"));
    }
}
