package io.sofastack.qa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are modules: knowledge flows one way (ingest → index → retrieval → answer →
 * channel), the graph has no cycle, and a module reaches another only through its top-level package,
 * never into its sub-packages.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(QaBotApplication.class);

    @Test
    void modulesFormADagAndUseOnlyEachOthersPublicFace() {
        modules.verify();
    }

    @Test
    void knowledgeFlowsOneWay() {
        assertThat(dependsOn("ingest", "index")).isFalse();
        assertThat(dependsOn("index", "retrieval")).isFalse();
        assertThat(dependsOn("retrieval", "answer")).isFalse();
        assertThat(dependsOn("answer", "channel")).isFalse();
        assertThat(dependsOn("conversation", "channel")).as("conversations serve every surface, and know none").isFalse();
        assertThat(dependsOn("channel", "conversation")).isTrue();
        assertThat(dependsOn("feedback", "channel")).as("the record of answers serves every surface, and knows none").isFalse();
        assertThat(dependsOn("answer", "feedback")).as("answering never waits on the record").isFalse();
        assertThat(dependsOn("channel", "feedback")).isTrue();
        assertThat(dependsOn("mcp", "channel")).as("the MCP tools are a surface of their own, beside the chat ones").isFalse();
        assertThat(dependsOn("community", "channel")).as("learning from the group knows no platform").isFalse();
        assertThat(dependsOn("retrieval", "community")).as("a community answer is ranked as any thread, by nothing of its own").isFalse();
        assertThat(dependsOn("index", "community")).as("the index takes knowledge sources, whoever keeps them").isFalse();
        assertThat(dependsOn("channel", "community")).isTrue();
        assertThat(dependsOn("retrieval", "index")).isTrue();
        assertThat(dependsOn("channel", "index")).as("a channel reaches the index only through answers and operations").isTrue();
    }

    private boolean dependsOn(String module, String other) {
        ApplicationModule from = modules.getModuleByName(module).orElseThrow();
        ApplicationModule to = modules.getModuleByName(other).orElseThrow();
        return from.getBootstrapDependencies(modules).anyMatch(to::equals)
                || from.getDirectDependencies(modules).contains(to);
    }
}
