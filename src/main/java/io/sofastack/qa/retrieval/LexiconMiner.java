package io.sofastack.qa.retrieval;

import io.sofastack.qa.index.PassageDocuments;
import io.sofastack.qa.ingest.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mines a bilingual lexicon from the site's translated pages: a page under {@code content/en/} and
 * its twin under {@code content/zh/} say the same things, so an English term and a Chinese term that
 * keep turning up in the same aligned units (titles, headings, sections) translate each other.
 * Association is Dice's coefficient over aligned units; nothing is written by hand or fitted to
 * questions.
 */
final class LexiconMiner {

    /** How strict the mining is; chosen by {@link LexiconCommand} on pages held out from mining. */
    record Settings(int minCount, double minDice, int perTerm) {
    }

    /** An English and a Chinese text that translate each other. */
    record Unit(Set<String> english, Set<String> chinese) {
    }

    private final Terms terms;

    LexiconMiner(Terms terms) {
        this.terms = terms;
    }

    /**
     * Aligned units of the translated pages among the passages: each page's title, and its sections
     * with their headings when both translations have the same number of sections (in order), else the
     * whole page.
     */
    List<Unit> units(List<Passage> passages, Set<String> pageKeys) {
        Map<String, Map<String, List<Passage>>> byPage = new TreeMap<>();
        for (Passage passage : passages) {
            if (passage.kind() != Passage.Kind.QA && pageKeys.contains(passage.pageKey())) {
                byPage.computeIfAbsent(passage.pageKey(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(passage.language(), language -> new ArrayList<>()).add(passage);
            }
        }
        List<Unit> units = new ArrayList<>();
        for (Map<String, List<Passage>> page : byPage.values()) {
            List<Passage> en = page.get("en");
            List<Passage> zh = page.get("zh");
            if (en == null || zh == null) {
                continue;
            }
            units.add(unit(en.get(0).title(), zh.get(0).title()));
            if (en.size() == zh.size()) {
                for (int i = 0; i < en.size(); i++) {
                    units.add(unit(en.get(i).section(), zh.get(i).section()));
                    units.add(unit(en.get(i).text(), zh.get(i).text()));
                }
            } else {
                units.add(unit(joined(en), joined(zh)));
            }
        }
        return units;
    }

    /** Page keys that have both an English and a Chinese version. */
    static Set<String> translatedPages(List<Passage> passages) {
        Map<String, Set<String>> languages = new HashMap<>();
        passages.stream().filter(passage -> passage.kind() != Passage.Kind.QA)
                .forEach(passage -> languages.computeIfAbsent(passage.pageKey(), key -> new HashSet<>()).add(passage.language()));
        Set<String> both = new java.util.TreeSet<>();
        languages.forEach((key, found) -> {
            if (found.contains("en") && found.contains("zh")) {
                both.add(key);
            }
        });
        return both;
    }

    /** For each English term, its Chinese terms by falling association, as the lexicon file holds them. */
    Map<String, List<String>> mine(List<Unit> units, Settings settings) {
        Map<String, Integer> englishCount = new HashMap<>();
        Map<String, Integer> chineseCount = new HashMap<>();
        Map<String, Map<String, Integer>> pairCount = new HashMap<>();
        for (Unit unit : units) {
            unit.english().forEach(e -> englishCount.merge(e, 1, Integer::sum));
            unit.chinese().forEach(z -> chineseCount.merge(z, 1, Integer::sum));
            for (String e : unit.english()) {
                Map<String, Integer> pairs = pairCount.computeIfAbsent(e, key -> new HashMap<>());
                unit.chinese().forEach(z -> pairs.merge(z, 1, Integer::sum));
            }
        }
        Map<String, List<String>> lexicon = new TreeMap<>();
        pairCount.forEach((e, pairs) -> {
            List<Map.Entry<String, Double>> scored = new ArrayList<>();
            pairs.forEach((z, both) -> {
                if (both >= settings.minCount()) {
                    double dice = 2.0 * both / (englishCount.get(e) + chineseCount.get(z));
                    if (dice >= settings.minDice()) {
                        scored.add(Map.entry(z, dice));
                    }
                }
            });
            scored.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
            if (!scored.isEmpty()) {
                lexicon.put(e, scored.stream().limit(settings.perTerm()).map(Map.Entry::getKey).toList());
            }
        });
        return lexicon;
    }

    private Unit unit(String english, String chinese) {
        Set<String> en = new HashSet<>();
        for (String term : terms.of(PassageDocuments.BODY, english)) {
            if (term.length() >= 3 && term.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                en.add(term);
            }
        }
        Set<String> zh = new HashSet<>();
        for (String term : terms.of(PassageDocuments.BODY, chinese)) {
            if (term.codePointCount(0, term.length()) == 2
                    && term.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                zh.add(term);
            }
        }
        return new Unit(en, zh);
    }

    private static String joined(List<Passage> sections) {
        StringBuilder text = new StringBuilder();
        sections.forEach(section -> text.append(section.section()).append('\n').append(section.text()).append('\n'));
        return text.toString();
    }
}
