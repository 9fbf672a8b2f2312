package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ArchiveAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The distinct index terms of a text, exactly as the index sees them. */
final class Terms {

    private final Analyzer analyzer = new ArchiveAnalyzer();

    Set<String> of(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory cannot fail", e);
        }
        return terms;
    }
}
