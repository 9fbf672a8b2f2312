package io.sofastack.qa.bench;

import java.util.HashMap;
import java.util.Map;

/** A benchmark's {@code name=value} arguments; one without {@code =} is refused with a clear message. */
final class BenchmarkArguments {

    private BenchmarkArguments() {
    }

    static Map<String, String> of(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("arguments are name=value, not '" + arg + "'");
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }
}
