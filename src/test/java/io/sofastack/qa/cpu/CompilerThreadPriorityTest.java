package io.sofastack.qa.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CompilerThreadPriorityTest {

    private final List<String> lowered = new ArrayList<>();
    private final ThreadPriority recording = new ThreadPriority() {
        @Override
        public int lowerThreadsNamed(String namePrefix, int nice) {
            lowered.add(namePrefix + " to " + nice);
            return 1;
        }
    };

    @Test
    void byDefaultTheC2CompilerRunsAtTheLowestPriority() {
        new CompilerThreadPriority(recording).onApplicationEvent(environmentPrepared(Map.of()));

        assertThat(lowered).containsExactly("C2 CompilerThre to 19");
    }

    @Test
    void theNiceValueIsConfigurableAndZeroLeavesTheCompilerAlone() {
        new CompilerThreadPriority(recording).onApplicationEvent(environmentPrepared(Map.of("qa.cpu.compiler-nice", "5")));
        new CompilerThreadPriority(recording).onApplicationEvent(environmentPrepared(Map.of("qa.cpu.compiler-nice", "0")));

        assertThat(lowered).containsExactly("C2 CompilerThre to 5");
    }

    @Test
    void anOutOfRangeValueIsLeftToTheContextToRefuse() {
        new CompilerThreadPriority(recording).onApplicationEvent(environmentPrepared(Map.of("qa.cpu.compiler-nice", "40")));

        assertThat(lowered).isEmpty();
    }

    @Test
    void theNameIsTheOneLinuxShowsForHotSpotsC2Threads() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc: not Linux");
        String compilers = ManagementFactory.getCompilationMXBean() == null ? "" : ManagementFactory.getCompilationMXBean().getName();
        assumeTrue(compilers.contains("HotSpot") && compilers.contains("Tiered"), "not HotSpot's tiered compilers (" + compilers + "): no C2 threads");
        List<String> names = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip());
                } catch (NoSuchFileException ended) {
                    // A thread (another test's, or the JIT's) ended between the listing and the read.
                }
            }
        }
        assertThat(names).anyMatch(name -> name.startsWith(CompilerThreadPriority.C2_THREAD_NAME));
    }

    private static ApplicationEnvironmentPreparedEvent environmentPrepared(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment);
    }
}
