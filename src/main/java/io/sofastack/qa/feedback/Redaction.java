package io.sofastack.qa.feedback;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What is taken out of a question before it is stored: e-mail addresses, secrets that look like tokens
 * (platform tokens, bearer tokens, long random strings) and phone numbers. A question keeps its words,
 * identifiers, versions and error codes, which are what a maintainer needs to read it.
 */
final class Redaction {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[email]"),
            new Rule(Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}"), "Bearer [token]"),
            new Rule(Pattern.compile("\\b(?:xox[abposr]|xapp|sk|ghp|gho|glpat|AKIA)[-_A-Za-z0-9]{10,}"), "[token]"),
            new Rule(Pattern.compile("(?i)\\b(password|passwd|secret|token|access[_-]?key|app[_-]?secret)(\\s*[=:]\\s*)\\S+"), "$1$2[secret]"),
            // A run of 32 or more letters and digits that mixes both is a key or a hash, never a word.
            new Rule(Pattern.compile("\\b(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}\\b"), "[token]"),
            // Mainland mobile numbers, and international numbers written with a leading +.
            new Rule(Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)"), "[phone]"),
            new Rule(Pattern.compile("(?<![\\w.])\\+\\d{1,3}[- ]?(?:\\(?\\d{1,4}\\)?[- ]?){2,4}\\d{2,4}(?!\\d)"), "[phone]"));

    private Redaction() {
    }

    static String redact(String text) {
        String redacted = text;
        for (Rule rule : RULES) {
            redacted = rule.pattern().matcher(redacted).replaceAll(rule.replacement());
        }
        return redacted;
    }
}
