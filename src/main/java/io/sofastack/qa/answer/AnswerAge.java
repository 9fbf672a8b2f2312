package io.sofastack.qa.answer;

import io.sofastack.qa.ingest.Passage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one short line an answer gets when its source is old: how old, in the question's language, and
 * which versions the question names that are newer than any its source speaks of. Docs pages carry no
 * date, so an answer from them gets no such line (its source says it is undated).
 */
final class AnswerAge {

    /** 1.2, 1.2.3, v1.2.3; not dates, addresses or longer dotted runs. */
    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])[vV]?(\\d{1,3})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?(?![\\d.]*\\d)");

    private final Duration staleAfter;
    private final Clock clock;

    AnswerAge(Duration staleAfter, Clock clock) {
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** The line to add under an answer drawn from {@code source}, if it needs one. */
    Optional<String> note(String question, Passage source, Language language) {
        if (source.date() == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean stale = source.date().atStartOfDay(ZoneOffset.UTC).toInstant().plus(staleAfter).isBefore(clock.instant());
        Optional<NewerVersion> newer = newerVersion(question, source.question() + "\n" + source.text());
        if (!stale && newer.isEmpty()) {
            return Optional.empty();
        }
        int years = Period.between(source.date(), today).getYears();
        StringBuilder line = new StringBuilder(language == Language.ENGLISH ? "_Note: " : "_注意：");
        if (stale) {
            line.append(language == Language.ENGLISH
                    ? "this answer draws on a post of " + source.date() + " (" + (years <= 1 ? "over a year" : "about " + years + " years") + " ago); the product may have changed since."
                    : "这个回答依据的是 " + source.date() + " 的内容（" + (years <= 1 ? "一年多" : "约 " + years + " 年") + "前），产品之后可能已有变化。");
        }
        newer.ifPresent(version -> line.append(language == Language.ENGLISH
                ? (stale ? " " : "") + "You ask about " + version.asked() + "; the source speaks of " + version.known() + " at most."
                : "你问的是 " + version.asked() + "，来源里最高只提到 " + version.known() + "。"));
        return Optional.of(line.append('_').toString());
    }

    /** A version the question names, newer than any of the same major version in the source. */
    private record NewerVersion(String asked, String known) {
    }

    private static final Comparator<int[]> VERSION_ORDER = Comparator.<int[]>comparingInt(v -> v[0]).thenComparingInt(v -> v[1])
            .thenComparingInt(v -> v[2]);

    /**
     * Only versions of one lineage compare: a question about SOFARPC 5.12 is not "newer" than a source
     * that speaks of Spring Boot 2.7, so the source's versions of the same major version are the measure.
     */
    private static Optional<NewerVersion> newerVersion(String question, String source) {
        List<int[]> known = versions(source);
        return versions(question).stream().max(VERSION_ORDER).flatMap(asked -> known.stream().filter(version -> version[0] == asked[0])
                .max(VERSION_ORDER).filter(newestKnown -> VERSION_ORDER.compare(asked, newestKnown) > 0)
                .map(newestKnown -> new NewerVersion(text(asked), text(newestKnown))));
    }

    private static List<int[]> versions(String text) {
        List<int[]> versions = new ArrayList<>();
        Matcher matcher = VERSION.matcher(text);
        while (matcher.find()) {
            versions.add(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? -1 : Integer.parseInt(matcher.group(3))});
        }
        return versions;
    }

    private static String text(int[] version) {
        return version[0] + "." + version[1] + (version[2] < 0 ? "" : "." + version[2]);
    }
}
