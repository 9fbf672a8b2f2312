package io.sofastack.qa.answer;

/** The language a question is written in, as far as the answer's wording goes. */
enum Language {
    CHINESE, ENGLISH;

    static Language of(String text) {
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (c < 128 && Character.isLetter(c)) {
                latin++;
            }
        }
        // A Chinese question names English products; three Latin letters weigh about one Han character.
        return han * 3 >= latin ? CHINESE : ENGLISH;
    }
}
