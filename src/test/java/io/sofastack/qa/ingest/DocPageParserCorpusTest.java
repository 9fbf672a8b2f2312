package io.sofastack.qa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The docs and articles of the real site in ../shared/corpus (skipped, with a reason, when it is absent). */
class DocPageParserCorpusTest {

    private static List<Passage> sections;

    @BeforeAll
    static void readTheSite() {
        assumeTrue(SharedCorpus.isPresent(), "../shared/corpus/sofastack.tech is absent: real-site docs parser tests skipped");
        sections = new CorpusReader(CorpusProperties.of(List.of(SharedCorpus.ROOT.toString()))).read().passages().stream()
                .filter(passage -> !passage.kind().thread()).toList();
    }

    @Test
    void everyDocsPageHasTheTitleOfItsFrontMatter() {
        Map<String, String> titleByPage = sections.stream().filter(section -> section.kind() == Passage.Kind.DOC)
                .collect(Collectors.toMap(Passage::path, Passage::title, (a, b) -> a));

        assertThat(titleByPage).hasSizeGreaterThan(400);
        // The section-list pages (_index.md) of a few folders have no title in their front matter.
        assertThat(titleByPage.entrySet().stream().filter(page -> page.getValue().isBlank()).map(Map.Entry::getKey))
                .allMatch(path -> path.endsWith("_index.md"));
        assertThat(titleByPage).containsEntry("content/en/projects/sofa-rpc/retry-invoke/index.md", "Retry strategy");
    }

    @Test
    void noSectionCarriesFrontMatter() {
        Pattern frontMatter = Pattern.compile("\\A---[ \\t]*\\n(title|aliases|date|author|description|keywords):");

        assertThat(sections).filteredOn(section -> frontMatter.matcher(section.text()).find()).extracting(Passage::path).isEmpty();
    }
}
