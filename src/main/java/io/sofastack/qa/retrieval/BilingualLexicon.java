package io.sofastack.qa.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * English index terms and the Chinese index terms that translate them, mined from the site's
 * translated docs pages by {@link LexiconMiner}. An English question is searched together with the
 * Chinese terms of its words, which bridges it to the mostly Chinese Q&amp;A; its words also count as
 * found in a Chinese passage that holds one of their translations.
 */
public final class BilingualLexicon {

    private final Map<String, List<String>> chineseByEnglish;

    BilingualLexicon(Map<String, List<String>> chineseByEnglish) {
        this.chineseByEnglish = Map.copyOf(chineseByEnglish);
    }

    /** Reads {@code english<TAB>chinese[ chinese…]} lines; {@code #} starts a comment line. */
    static BilingualLexicon load(InputStream tsv) {
        Map<String, List<String>> entries = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length < 2 || columns[0].isBlank() || columns[1].isBlank()) {
                    throw new IllegalArgumentException("lexicon line is not 'english<TAB>chinese…': " + line);
                }
                entries.put(columns[0].strip(), List.of(columns[1].strip().split("\\s+")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lexicon", e);
        }
        return new BilingualLexicon(entries);
    }

    static BilingualLexicon empty() {
        return new BilingualLexicon(Map.of());
    }

    /** The Chinese index terms of an English index term; empty when it has none. */
    List<String> translations(String englishTerm) {
        return chineseByEnglish.getOrDefault(englishTerm, List.of());
    }

    int size() {
        return chineseByEnglish.size();
    }

    /**
     * The question followed by the Chinese terms of its English terms when the question is mostly
     * English; otherwise the question as it is.
     */
    String expand(String question, Set<String> questionTerms) {
        if (!Scripts.isMostlyLatin(question)) {
            return question;
        }
        Set<String> chinese = new LinkedHashSet<>();
        questionTerms.forEach(term -> chinese.addAll(translations(term)));
        return chinese.isEmpty() ? question : question + "\n" + String.join(" ", chinese);
    }
}
