package io.sofastack.qa.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.ingest.Passage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mining English-Chinese term pairs from translated pages. */
class LexiconMinerTest {

    private final Terms terms = new Terms();
    private final LexiconMiner miner = new LexiconMiner(terms);

    private static Passage section(String language, String page, String section, String text) {
        return new Passage(language + page + section, Passage.Kind.DOC, "content/" + language + "/" + page, language, page,
                language.equals("en") ? "Guide" : "指南", "", null, section, "", text, List.of(), List.of());
    }

    @Test
    void termsThatKeepAppearingInAlignedSectionsTranslateEachOther() {
        List<Passage> passages = List.of(
                section("en", "a", "Timeout", "The client timeout decides how long a call waits."),
                section("zh", "a", "超时", "客户端超时决定调用等待多久。"),
                section("en", "b", "Retry", "A retry after a timeout repeats the call."),
                section("zh", "b", "重试", "超时以后重试会再次发起调用。"),
                section("en", "c", "Snapshot", "A snapshot saves the state; the timeout is unrelated."),
                section("zh", "c", "快照", "快照保存状态，与超时无关。"),
                section("zh", "d", "只有中文", "这一页没有英文版。"));

        Set<String> translated = LexiconMiner.translatedPages(passages);
        Map<String, List<String>> lexicon = miner.mine(miner.units(passages, translated), new LexiconMiner.Settings(3, 0.1, 1));

        assertThat(translated).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(lexicon.get("timeout")).containsExactly("超时");
        assertThat(lexicon).doesNotContainKey("snapshot"); // one page only (its heading and its text): not enough evidence
    }

    @Test
    void heldOutAccuracyCountsTwinsFoundFirst() {
        List<LexiconMiner.Unit> pairs = List.of(
                new LexiconMiner.Unit(Set.of("timeout"), Set.of("超时", "调用")),
                new LexiconMiner.Unit(Set.of("snapshot"), Set.of("快照", "状态")));
        assertThat(LexiconCommand.accuracy(Map.of("timeout", List.of("超时"), "snapshot", List.of("快照")), pairs)).isEqualTo(1.0);
        assertThat(LexiconCommand.accuracy(Map.of(), pairs)).isZero();
    }
}
