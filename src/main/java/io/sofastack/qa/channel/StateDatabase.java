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

    /**
     * Statements H2 keeps parsed per connection. Its default of 8 is fewer than the delivery log, the
     * rate limits and the embedding cache use, and parsing them again took a tenth of a webhook's ack.
     */
    private static final int PREPARED_STATEMENTS_KEPT = 64;
    /**
     * H2's page cache, in KiB, on the Java heap. Its default of 16 MiB fills with the embedding cache's
     * pages on a first build and then stays; the tables the ask path writes (answer records,
     * conversations, rate limits) need far less.
     */
    private static final int PAGE_CACHE_KIB = 4096;

    /** The pool takes {@code spring.datasource.hikari.*} as Spring Boot's own would. */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource embeddedStateDatabase(ChannelProperties properties) {
        Path file = Path.of(properties.stateDir()).toAbsolutePath().resolve("qa-bot");
        return DataSourceBuilder.create().type(HikariDataSource.class).url("jdbc:h2:file:" + file + ";QUERY_CACHE_SIZE=" + PREPARED_STATEMENTS_KEPT + ";CACHE_SIZE=" + PAGE_CACHE_KIB).username("sa").password("")
                .build();
    }
}
