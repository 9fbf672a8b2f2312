package io.sofastack.qa.channel.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/ask}: a question in, a grounded answer with its sources out. */
@RestController
class AskController {

    private final HttpQuestions questions;

    AskController(HttpQuestions questions) {
        this.questions = questions;
    }

    @PostMapping(path = "/api/ask", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    AskResponse ask(@RequestBody AskRequest request, HttpServletRequest http) {
        HttpQuestions.Answered answered = questions.answer(questions.check(request, http, "http"), null);
        return AskResponse.of(answered.answer(), answered.tookMs(), answered.followUpOf());
    }
}
