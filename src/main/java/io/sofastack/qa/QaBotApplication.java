package io.sofastack.qa;

import io.sofastack.qa.cpu.CompilerThreadPriority;
import io.sofastack.qa.cpu.ThreadPriority;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Community Q&amp;A bot: answers questions from the SOFA Weekly reader Q&amp;A archive. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QaBotApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QaBotApplication.class);
        application.addListeners(new CompilerThreadPriority(new ThreadPriority()));
        application.run(args);
    }

    /** The one source of time, so that tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
