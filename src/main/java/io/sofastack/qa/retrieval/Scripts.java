package io.sofastack.qa.retrieval;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question is written in English or Chinese, decided once for retrieval (glossary expansion,
 * which words count as names) and for the answer's wording alike.
 */
public final class Scripts {

    /** What lies between Han characters and spaces: a word, a name, or a piece of code. */
    private static final Pattern TOKEN = Pattern.compile("[^\\s\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]+");
    /** A word of prose, with the punctuation around it: letters, inner hyphens and apostrophes only. */
    private static final Pattern PROSE = Pattern.compile("[\\p{Punct}“”‘’]*([A-Za-z]+(?:['’-][A-Za-z]+)*)[\\p{Punct}“”‘’]*");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Z]");

    private Scripts() {
    }

    /**
     * A Chinese question names English products, so Latin letters must clearly outnumber Han
     * characters: three Latin letters weigh about one Han character. Beside Han characters only words
     * of prose count: a stack trace, a class or a path pasted into a Chinese question
     * ({@code java.lang.NoClassDefFoundError}, {@code com/alipay/sofa}, {@code initializeBean}) is
     * code, not English, and the asker still wants a Chinese answer.
     */
    public static boolean isMostlyLatin(String text) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                latin++;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        return han == 0 ? latin > 0 : proseLetters(text) > 3 * han;
    }

    private static int proseLetters(String text) {
        int letters = 0;
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            Matcher prose = PROSE.matcher(token.group());
            if (prose.matches() && !CAMEL_CASE.matcher(prose.group(1)).find()) {
                letters += (int) prose.group(1).chars().filter(Character::isLetter).count();
            }
        }
        return letters;
    }
}
