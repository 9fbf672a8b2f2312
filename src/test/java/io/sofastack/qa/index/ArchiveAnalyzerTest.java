package io.sofastack.qa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class ArchiveAnalyzerTest {

    private static List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (ArchiveAnalyzer analyzer = new ArchiveAnalyzer(); TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void cutsChineseIntoBigrams() throws IOException {
        assertThat(terms("注册中心")).containsExactly("注册", "册中", "中心");
    }

    @Test
    void keepsIdentifiersWholeAndSplit() throws IOException {
        assertThat(terms("NodeImpl#handleAppendEntriesRequest"))
                .contains("nodeimpl", "node", "impl", "handleappendentriesrequest", "handl", "append", "entri", "request");
        assertThat(terms("file.conf 里的 default.grouplist")).contains("file.conf", "conf", "default.grouplist", "grouplist");
        assertThat(terms("@GlobalTransactional")).contains("globaltransact", "global");
    }

    @Test
    void keepsVersionsWhole() throws IOException {
        assertThat(terms("升级到 1.4.0 以后")).contains("1.4.0").doesNotContain("4");
    }

    @Test
    void foldsFullWidthLettersAndCase() throws IOException {
        assertThat(terms("ＳＯＦＡＲｅｇｉｓｔｒｙ")).contains("sofaregistri");
    }
}
