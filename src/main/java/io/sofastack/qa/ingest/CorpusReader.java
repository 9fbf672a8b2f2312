package io.sofastack.qa.ingest;

import io.sofastack.qa.ingest.IngestReport.SkipReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads every Markdown file under the configured paths into passages: weekly posts into their Q&amp;A
 * threads, documentation pages ({@code projects/}, {@code guides/}, {@code faq/}) and articles (the
 * rest of {@code blog/}) into sections. A bad file (unreadable, empty, binary, not UTF-8, too large)
 * is skipped with one warning naming it; it never stops the read.
 */
@Component
public class CorpusReader {

    private static final Logger log = LoggerFactory.getLogger(CorpusReader.class);

    private static final Pattern DOC_PATH = Pattern.compile("(^|/)(projects|guides|faq)/");
    private static final Pattern BLOG_PATH = Pattern.compile("(^|/)blog/");
    private static final Pattern WEEKLY_PATH = Pattern.compile("weekly", Pattern.CASE_INSENSITIVE);

    private final CorpusProperties properties;
    private final WeeklyPostParser weeklyParser;
    private final DocPageParser pageParser;

    public CorpusReader(CorpusProperties properties) {
        this.properties = properties;
        SiteUrls siteUrls = new SiteUrls(properties.siteUrl(), properties.siteDefaultLanguage());
        ProductTagger productTagger = new ProductTagger();
        this.weeklyParser = new WeeklyPostParser(siteUrls, productTagger);
        this.pageParser = new DocPageParser(siteUrls, productTagger, properties.maxSectionChars());
    }

    public Corpus read() {
        long started = System.nanoTime();
        List<Passage> passages = new ArrayList<>();
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        Map<Passage.Kind, Integer> pages = new EnumMap<>(Passage.Kind.class);
        List<String> problems = new ArrayList<>();
        int filesRead = 0;
        for (String configured : properties.paths()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.exists(root)) {
                log.error("Corpus path {} does not exist", configured);
                skipped.merge(SkipReason.MISSING_PATH, 1, Integer::sum);
                problems.add("corpus path " + configured + " does not exist");
                continue;
            }
            Path base = Files.isDirectory(root) ? root : root.getParent();
            int before = passages.size();
            Optional<List<Path>> files = markdownFiles(root);
            if (files.isEmpty()) {
                problems.add("corpus path " + configured + " cannot be listed");
                continue;
            }
            for (Path file : files.get()) {
                String path = base.relativize(file).toString().replace('\\', '/');
                Readout readout = readText(file);
                if (readout.skipReason() != null) {
                    log.warn("Skipped {}: {}", file, readout.skipReason().name().toLowerCase().replace('_', ' '));
                    skipped.merge(readout.skipReason(), 1, Integer::sum);
                    continue;
                }
                filesRead++;
                List<Passage> found = parse(path, readout.text());
                passages.addAll(found);
                if (!found.isEmpty()) {
                    pages.merge(found.get(0).kind(), 1, Integer::sum);
                }
            }
            if (passages.size() == before) {
                log.error("Corpus path {} yields no passage", configured);
                problems.add("corpus path " + configured + " yields no passage");
            }
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        Map<Passage.Kind, Long> byKind = new EnumMap<>(Passage.Kind.class);
        passages.forEach(passage -> byKind.merge(passage.kind(), 1L, Long::sum));
        IngestReport report = new IngestReport(filesRead, pages.getOrDefault(Passage.Kind.QA, 0),
                byKind.getOrDefault(Passage.Kind.QA, 0L).intValue(), pages.getOrDefault(Passage.Kind.DOC, 0),
                byKind.getOrDefault(Passage.Kind.DOC, 0L).intValue(), pages.getOrDefault(Passage.Kind.ARTICLE, 0),
                byKind.getOrDefault(Passage.Kind.ARTICLE, 0L).intValue(), skipped, problems, tookMs);
        log.info("Read the knowledge: {} files; {} Q&A threads from {} weekly posts, {} sections of {} docs pages, "
                        + "{} sections of {} articles; skipped {} {}, in {} ms",
                filesRead, report.threads(), report.postsWithThreads(), report.docSections(), report.docPages(),
                report.articleSections(), report.articles(), report.skippedTotal(), report.skippedSorted(), tookMs);
        return new Corpus(passages, report);
    }

    /** Weekly posts give their Q&A threads, docs and articles their sections; anything else is tried as a weekly post. */
    private List<Passage> parse(String path, String markdown) {
        if (DOC_PATH.matcher(path).find()) {
            return pageParser.parse(path, markdown, Passage.Kind.DOC);
        }
        boolean blog = BLOG_PATH.matcher(path).find();
        boolean weekly = WEEKLY_PATH.matcher(path).find();
        if (blog && !weekly) {
            return properties.articles() ? pageParser.parse(path, markdown, Passage.Kind.ARTICLE) : List.of();
        }
        String language = SiteUrls.language(path, properties.siteDefaultLanguage());
        String pageKey = SiteUrls.pageKey(path);
        return weeklyParser.parse(path, markdown).stream().map(thread -> Passage.of(thread, language, pageKey)).toList();
    }

    /** The Markdown files under the root; empty when it cannot be listed. */
    private Optional<List<Path>> markdownFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.of(List.of(root));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return Optional.of(walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase().endsWith(".md"))
                    .sorted()
                    .toList());
        } catch (IOException | RuntimeException e) {
            log.error("Could not list corpus folder {}: {}", root, e.getMessage());
            return Optional.empty();
        }
    }

    private Readout readText(Path file) {
        try {
            long size = Files.size(file);
            if (size > properties.maxFileBytes()) {
                return Readout.skipped(SkipReason.TOO_LARGE);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0 || isBlank(bytes)) {
                return Readout.skipped(SkipReason.EMPTY);
            }
            if (looksBinary(bytes)) {
                return Readout.skipped(SkipReason.BINARY);
            }
            return Readout.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Readout.skipped(SkipReason.NOT_UTF8);
        } catch (IOException | SecurityException e) {
            return Readout.skipped(SkipReason.UNREADABLE);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** A NUL byte never appears in text, and is the cheapest reliable sign of a binary file. */
    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private record Readout(String text, SkipReason skipReason) {
        static Readout of(String text) {
            return new Readout(text, null);
        }

        static Readout skipped(SkipReason reason) {
            return new Readout(null, reason);
        }
    }
}
