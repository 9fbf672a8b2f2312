package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.ThreadDocuments;
import io.sofastack.qa.index.ThreadSearcher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in a question that the archive never mentions: {@code keycloak}, {@code undertow},
 * {@code Azure}. A question about something the archive has never heard of is not answered by the
 * nearest thread, however similar the rest of its words. In a Chinese question every Latin word is
 * taken for a name; in an English one only capitalised and technical-looking words are, since plain
 * English words are expected to be missing from a Chinese archive.
 */
final class UnknownNames {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[._#/-][A-Za-z0-9]+)*");
    private static final Pattern NAME_LIKE = Pattern.compile("[A-Z].*|.*[0-9._#/-].*|.*[a-z][A-Z].*");
    private static final Pattern COMPOUND_SEPARATOR = Pattern.compile("[._#/-]+");
    /** Words that open English questions capitalised; they are not names. */
    private static final Set<String> QUESTION_WORDS = Set.of("what", "which", "who", "whom", "whose", "where", "when",
            "why", "how", "does", "did", "do", "is", "are", "was", "were", "can", "could", "should", "would", "will",
            "shall", "may", "might", "must", "has", "have", "had", "there", "this", "that", "these", "those", "any",
            "our", "my", "we", "you", "they", "if", "with", "after", "before", "since", "for", "from", "and", "but",
            "also", "still", "just", "only", "some", "please", "hello", "thanks");

    private final Terms terms;
    private final Glossary glossary;

    UnknownNames(Terms terms, Glossary glossary) {
        this.terms = terms;
        this.glossary = glossary;
    }

    List<String> in(ThreadSearcher searcher, String question) throws IOException {
        boolean english = Scripts.isMostlyLatin(question);
        Set<String> candidates = new LinkedHashSet<>();
        Matcher word = LATIN_WORD.matcher(question);
        while (word.find()) {
            if (english && !NAME_LIKE.matcher(word.group()).matches()) {
                continue;
            }
            // Each part of a compound name (spring-boot-devtools, vert.x) may be the unknown one.
            for (String part : COMPOUND_SEPARATOR.split(word.group())) {
                if (part.length() >= 3 && !QUESTION_WORDS.contains(part.toLowerCase(Locale.ROOT)) && !glossary.knows(part)) {
                    candidates.add(part);
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String candidate : candidates) {
            if (isUnknown(searcher, candidate)) {
                unknown.add(candidate);
            }
        }
        return unknown;
    }

    /** Unknown when none of the index terms the word analyzes to occurs in the archive. */
    private boolean isUnknown(ThreadSearcher searcher, String word) throws IOException {
        Set<String> indexTerms = terms.of(ThreadDocuments.THREAD, word);
        for (String term : indexTerms) {
            if (searcher.documentFrequency(ThreadDocuments.THREAD, term) > 0) {
                return false;
            }
        }
        return !indexTerms.isEmpty();
    }
}
