package io.sofastack.qa.answer;

import io.sofastack.qa.retrieval.Scripts;

/** The language a question is written in, as far as the answer's wording goes. */
enum Language {
    CHINESE, ENGLISH;

    static Language of(String text) {
        return Scripts.isMostlyLatin(text) ? ENGLISH : CHINESE;
    }
}
