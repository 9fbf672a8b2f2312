package io.sofastack.qa.retrieval;

/**
 * Whether a question is written in English or Chinese, decided once for retrieval (glossary expansion,
 * which words count as names) and for the answer's wording alike.
 */
public final class Scripts {

    private Scripts() {
    }

    /**
     * A Chinese question names English products, so Latin letters must clearly outnumber Han
     * characters: three Latin letters weigh about one Han character.
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
        return latin > 3 * han;
    }
}
