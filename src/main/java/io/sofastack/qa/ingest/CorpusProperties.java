package io.sofastack.qa.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the knowledge is read from.
 *
 * @param paths Markdown files and folders to read; a passage's path is relative to the folder it was found under
 * @param maxFileBytes files larger than this are skipped
 * @param siteUrl the site the pages are published on, for citation links
 * @param siteDefaultLanguage the site's language that has no prefix in its URLs
 * @param articles whether technical articles (blog posts that are not weekly posts) are indexed
 * @param maxSectionChars docs and articles sections longer than this are cut between paragraphs
 */
@Validated
@ConfigurationProperties("qa.corpus")
public record CorpusProperties(@DefaultValue("data") @NotEmpty List<String> paths,
                               @DefaultValue("2000000") @Positive long maxFileBytes,
                               @DefaultValue("https://www.sofastack.tech") String siteUrl,
                               @DefaultValue("zh") String siteDefaultLanguage,
                               @DefaultValue("true") boolean articles,
                               @DefaultValue("1500") @Min(200) @Max(20000) int maxSectionChars) {

    /** The embedded defaults with other paths: for tests and tools. */
    public static CorpusProperties of(List<String> paths) {
        return new CorpusProperties(paths, 2_000_000, "https://www.sofastack.tech", "zh", true, 1500);
    }
}
