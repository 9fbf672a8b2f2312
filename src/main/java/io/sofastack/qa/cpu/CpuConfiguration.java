package io.sofastack.qa.cpu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link ThreadPriority} of the context, so that it says once when priorities cannot be lowered. */
@Configuration(proxyBeanMethods = false)
class CpuConfiguration {

    @Bean
    ThreadPriority threadPriority() {
        return new ThreadPriority();
    }
}
