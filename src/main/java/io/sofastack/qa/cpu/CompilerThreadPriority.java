package io.sofastack.qa.cpu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Lowers the priority of HotSpot's C2 compiler threads as soon as the configuration is known, before
 * the context is built: start-up and the first questions then get both cores, and C2 compiles in
 * the time they leave. C1, which makes the first questions fast enough, keeps its priority. Threads
 * C2 adds later are started by a C2 thread and inherit its nice value.
 *
 * <p>A listener registered by the application's {@code main} rather than a bean: a bean would come
 * a second into start-up, after most of what it is meant to speed up.
 */
public class CompilerThreadPriority implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** HotSpot's name for them ("C2 CompilerThread0"), as Linux keeps it: its first 15 characters. */
    static final String C2_THREAD_NAME = "C2 CompilerThre";

    private static final Logger log = LoggerFactory.getLogger(CompilerThreadPriority.class);

    private final ThreadPriority priority;

    public CompilerThreadPriority(ThreadPriority priority) {
        this.priority = priority;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        int nice = Binder.get(event.getEnvironment()).bindOrCreate(CpuProperties.PREFIX, CpuProperties.class).compilerNice();
        // An out-of-range value is refused with the rest of the configuration, when the context validates it.
        if (nice <= 0 || nice > 19) {
            return;
        }
        int lowered = priority.lowerThreadsNamed(C2_THREAD_NAME, nice);
        if (lowered > 0) {
            log.info("The JIT's C2 compiler runs at nice {} ({}.compiler-nice)", nice, CpuProperties.PREFIX);
        }
    }
}
