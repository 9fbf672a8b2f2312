package io.sofastack.qa.retrieval;

import io.sofastack.qa.ingest.CorpusReader;
import io.sofastack.qa.ingest.Passage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The lexicon command: with {@code qa.lexicon.mine-to} set, the application reads the knowledge,
 * mines the bilingual lexicon from the translated pages, writes it, and stops.
 *
 * <p>The mining settings are chosen, not guessed: one page in five (by a hash of its path) is held
 * out, a lexicon is mined from the rest with each candidate setting, and the setting that best finds
 * each held-out English section's Chinese twin among the held-out Chinese sections, through the
 * lexicon alone, wins. The lexicon written is then mined from every translated page with it.
 */
@Component
@ConditionalOnProperty("qa.lexicon.mine-to")
class LexiconCommand implements ApplicationRunner {

    private static final int[] MIN_COUNTS = {2, 3, 5};
    private static final double[] MIN_DICES = {0.05, 0.1, 0.2, 0.3};
    private static final int[] PER_TERM = {1, 2, 3};
    private static final int HELD_OUT_ONE_IN = 5;

    private final CorpusReader reader;
    private final LexiconMiner miner;
    private final ConfigurableApplicationContext context;
    private final Path output;

    LexiconCommand(CorpusReader reader, Terms terms, ConfigurableApplicationContext context, Environment environment) {
        this.reader = reader;
        this.miner = new LexiconMiner(terms);
        this.context = context;
        this.output = Path.of(environment.getRequiredProperty("qa.lexicon.mine-to"));
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<Passage> passages = reader.read().passages();
        Set<String> translated = LexiconMiner.translatedPages(passages);
        Set<String> heldOut = new TreeSet<>();
        Set<String> mined = new TreeSet<>();
        for (String page : translated) {
            (Math.floorMod(page.hashCode(), HELD_OUT_ONE_IN) == 0 ? heldOut : mined).add(page);
        }
        List<LexiconMiner.Unit> training = miner.units(passages, mined);
        List<LexiconMiner.Unit> validation = sectionPairs(miner.units(passages, heldOut));
        System.out.printf("%d translated pages: mining on %d (%d aligned units), validating on %d (%d section pairs)%n",
                translated.size(), mined.size(), training.size(), heldOut.size(), validation.size());
        System.out.printf("no lexicon: twin found first for %.3f of held-out sections%n", accuracy(Map.of(), validation));
        LexiconMiner.Settings best = null;
        double bestAccuracy = -1;
        for (int minCount : MIN_COUNTS) {
            for (double minDice : MIN_DICES) {
                for (int perTerm : PER_TERM) {
                    LexiconMiner.Settings settings = new LexiconMiner.Settings(minCount, minDice, perTerm);
                    Map<String, List<String>> lexicon = miner.mine(training, settings);
                    double accuracy = accuracy(lexicon, validation);
                    System.out.printf("%s: %d entries, twin found first for %.3f%n", settings, lexicon.size(), accuracy);
                    if (accuracy > bestAccuracy) {
                        bestAccuracy = accuracy;
                        best = settings;
                    }
                }
            }
        }
        Map<String, List<String>> lexicon = miner.mine(miner.units(passages, translated), best);
        write(lexicon, best, bestAccuracy, translated.size());
        System.out.printf("chose %s (held-out accuracy %.3f); wrote %d entries to %s%n", best, bestAccuracy, lexicon.size(), output);
        context.close();
    }

    /** Units that are sections (not titles or headings), which have enough words to be told apart. */
    private static List<LexiconMiner.Unit> sectionPairs(List<LexiconMiner.Unit> units) {
        return units.stream().filter(unit -> unit.english().size() >= 5 && unit.chinese().size() >= 5).toList();
    }

    /**
     * How often an English text's Chinese twin scores highest among all Chinese texts of the set, by
     * the IDF-weighted Chinese terms that the lexicon translates its English terms into.
     */
    static double accuracy(Map<String, List<String>> lexicon, List<LexiconMiner.Unit> pairs) {
        if (pairs.isEmpty()) {
            return 0;
        }
        Map<String, Integer> frequency = new HashMap<>();
        pairs.forEach(pair -> pair.chinese().forEach(z -> frequency.merge(z, 1, Integer::sum)));
        int found = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Set<String> translated = new HashSet<>();
            pairs.get(i).english().forEach(e -> translated.addAll(lexicon.getOrDefault(e, List.of())));
            int best = -1;
            double bestScore = 0;
            for (int j = 0; j < pairs.size(); j++) {
                double score = 0;
                for (String z : pairs.get(j).chinese()) {
                    if (translated.contains(z)) {
                        score += Math.log((double) pairs.size() / frequency.get(z));
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = j;
                }
            }
            found += best == i ? 1 : 0;
        }
        return (double) found / pairs.size();
    }

    private void write(Map<String, List<String>> lexicon, LexiconMiner.Settings settings, double accuracy, int pages)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# English index term<TAB>Chinese index terms. Mined by the lexicon command (README, 'Re-fit') from "
                + pages + " translated pages;");
        lines.add(String.format("# settings %s, chosen on held-out pages (accuracy %.3f). Do not edit by hand: re-mine.",
                settings, accuracy));
        lexicon.forEach((english, chinese) -> lines.add(english + "\t" + String.join(" ", chinese)));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, lines, StandardCharsets.UTF_8);
    }
}
