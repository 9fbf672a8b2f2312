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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads every Markdown file under the configured paths into threads. A bad file (unreadable, empty,
 * binary, not UTF-8, too large) is skipped with one warning naming it; it never stops the read.
 */
@Component
public class CorpusReader {

    private static final Logger log = LoggerFactory.getLogger(CorpusReader.class);

    private final CorpusProperties properties;
    private final WeeklyPostParser parser;

    public CorpusReader(CorpusProperties properties) {
        this.properties = properties;
        this.parser = new WeeklyPostParser(new SiteUrls(properties.siteUrl(), properties.siteDefaultLanguage()),
                new ProductTagger());
    }

    public Corpus read() {
        long started = System.nanoTime();
        List<QaThread> threads = new ArrayList<>();
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        int filesRead = 0;
        int postsWithThreads = 0;
        for (String configured : properties.paths()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.exists(root)) {
                log.warn("Corpus path {} does not exist: skipped", configured);
                skipped.merge(SkipReason.MISSING_PATH, 1, Integer::sum);
                continue;
            }
            Path base = Files.isDirectory(root) ? root : root.getParent();
            for (Path file : markdownFiles(root)) {
                String path = base.relativize(file).toString().replace('\\', '/');
                Readout readout = readText(file);
                if (readout.skipReason() != null) {
                    log.warn("Skipped {}: {}", file, readout.skipReason().name().toLowerCase().replace('_', ' '));
                    skipped.merge(readout.skipReason(), 1, Integer::sum);
                    continue;
                }
                filesRead++;
                List<QaThread> found = parser.parse(path, readout.text());
                threads.addAll(found);
                postsWithThreads += found.isEmpty() ? 0 : 1;
            }
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        IngestReport report = new IngestReport(filesRead, postsWithThreads, threads.size(), skipped, tookMs);
        log.info("Read the archive: {} files, {} posts with Q&A, {} threads, skipped {} {}, in {} ms",
                filesRead, postsWithThreads, threads.size(), report.skippedTotal(), report.skippedSorted(), tookMs);
        return new Corpus(threads, report);
    }

    private List<Path> markdownFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not list corpus folder {}: {}", root, e.getMessage());
            return List.of();
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
