package io.sofastack.qa.ingest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the archive is read from.
 *
 * @param paths Markdown files and folders to read; a thread's path is relative to the folder it was found under
 * @param maxFileBytes files larger than this are skipped
 * @param siteUrl the site the posts are published on, for citation links
 * @param siteDefaultLanguage the site's language that has no prefix in its URLs
 */
@Validated
@ConfigurationProperties("qa.corpus")
public record CorpusProperties(@DefaultValue("data") @NotEmpty List<String> paths,
                               @DefaultValue("2000000") @Positive long maxFileBytes,
                               @DefaultValue("https://www.sofastack.tech") String siteUrl,
                               @DefaultValue("zh") String siteDefaultLanguage) {
}
