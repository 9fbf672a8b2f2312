package io.sofastack.qa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which products a text names. */
class ProductTaggerTest {

    private final ProductTagger tagger = new ProductTagger();

    @Test
    void findsProductsByNameAndCommonSpelling() {
        assertThat(tagger.tag("SOFA-RPC 的超时和 sofajraft 的选举")).containsExactly("SOFAJRaft", "SOFARPC");
        assertThat(tagger.tag("Seata（原 Fescar）的 AT 模式")).containsExactly("Seata");
    }

    @Test
    void aShortNameCountsNextToChineseTextAndPunctuation() {
        assertThat(tagger.tag("ark包怎么打")).containsExactly("SOFAArk");
        assertThat(tagger.tag("raft协议的日志复制")).containsExactly("SOFAJRaft");
        assertThat(tagger.tag("bolt(协议)的心跳")).containsExactly("SOFABolt");
        assertThat(tagger.tag("用 sofalookout 上报指标")).containsExactly("SOFALookout");
    }

    @Test
    void aShortNameInsideAnotherWordIsNotThatProduct() {
        assertThat(tagger.tag("I opened a draft PR about aircraft telemetry")).isEmpty();
        assertThat(tagger.tag("the thunderbolt port on my laptop")).isEmpty();
        assertThat(tagger.tag("a park bench by the shark tank")).isEmpty();
    }
}
