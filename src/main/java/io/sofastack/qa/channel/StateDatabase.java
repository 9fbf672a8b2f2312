package io.sofastack.qa.channel;

import java.nio.file.Path;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the shared state lives. Without {@code spring.datasource.url} it is an H2 database in a file
 * in {@code qa.channel.state-dir} (nothing to set up, and it survives restarts, unlike the in-memory
 * database Spring Boot would embed); with it, that database (PostgreSQL for several replicas).
 */
@Configuration(proxyBeanMethods = false)
class StateDatabase {

    /** The pool takes {@code spring.datasource.hikari.*} as Spring Boot's own would. */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource embeddedStateDatabase(ChannelProperties properties) {
        Path file = Path.of(properties.stateDir()).toAbsolutePath().resolve("qa-bot");
        return DataSourceBuilder.create().type(HikariDataSource.class).url("jdbc:h2:file:" + file).username("sa").password("")
                .build();
    }
}
