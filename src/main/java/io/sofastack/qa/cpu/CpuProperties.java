package io.sofastack.qa.cpu;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the bot's own threads share the cores.
 *
 * @param compilerNice the Linux nice value of the JIT's optimising (C2) compiler threads, 0 to 19
 *        (0: as the rest of the bot). On 2 cores C2 otherwise takes a core from start-up and from the
 *        first questions; lowered, it compiles the same code in the time the bot leaves free
 *        (README, "Benchmarks")
 */
@Validated
@ConfigurationProperties(CpuProperties.PREFIX)
public record CpuProperties(@DefaultValue("19") @Min(0) @Max(19) int compilerNice) {

    static final String PREFIX = "qa.cpu";
}
