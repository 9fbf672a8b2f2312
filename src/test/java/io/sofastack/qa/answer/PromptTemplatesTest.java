package io.sofastack.qa.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedTemplates() {
        PromptTemplates templates = PromptTemplates.load(Path.of("prompts"));
        String user = templates.render(PromptTemplates.USER, Map.of("question", "Q {sources} $1", "sources", "S"));
        assertThat(user).contains("Q {sources} $1").contains("S");
    }

    @Test
    void refusesATemplateWithAMissingOrUnknownPlaceholder() throws IOException {
        Files.writeString(dir.resolve(PromptTemplates.SYSTEM), "Answer in {language}.");
        Files.writeString(dir.resolve(PromptTemplates.USER), "{question} {context}");
        assertThatThrownBy(() -> PromptTemplates.load(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("user.st").hasMessageContaining("[question, sources]");
    }

    @Test
    void refusesAMissingTemplateNamingTheSetting() {
        assertThatThrownBy(() -> PromptTemplates.load(dir)).hasMessageContaining("qa.answer.prompts-dir");
    }
}
