package io.sofastack.qa.channel.http;

import io.sofastack.qa.community.CommunityAnswer;
import io.sofastack.qa.community.CommunityAnswer.Status;
import io.sofastack.qa.community.CommunityAnswers;
import io.sofastack.qa.community.CommunityProperties;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue of answers learnt from the group, behind {@code qa.admin.token}:
 * {@code GET /api/admin/community?status=pending} lists candidates; {@code POST …/{id}/accept} (with
 * an optional edited {@code {question, answer}}), {@code …/decline} and {@code …/withdraw} decide;
 * {@code PUT …/{id}} edits; {@code GET …/export} gives the accepted ones as a weekly-Q&amp;A Markdown post.
 */
@RestController
class CommunityController {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_QUESTION_CHARS = 2000;

    private final AdminAccess access;
    private final CommunityAnswers community;
    private final int maxAnswerChars;

    CommunityController(AdminAccess access, CommunityAnswers community, CommunityProperties properties) {
        this.access = access;
        this.community = community;
        this.maxAnswerChars = properties.maxAnswerChars();
    }

    @GetMapping("/api/admin/community")
    Map<String, Object> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                             @RequestParam(name = "status", defaultValue = "pending") String status,
                             @RequestParam(name = "limit", defaultValue = "100") int limit,
                             @RequestParam(name = "offset", defaultValue = "0") int offset) {
        access.check(authorization);
        Status wanted = Status.of(status);
        if (wanted == null && !status.equals("all")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "status-unknown", "Unknown status",
                    "\"status\" is pending (the default), accepted, declined, withdrawn or all; it was \"" + status + "\".");
        }
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "page-invalid", "Invalid page",
                    "\"limit\" is between 1 and " + MAX_LIMIT + ", and \"offset\" is not negative.");
        }
        return Map.of("status", status, "candidates", community.list(wanted, limit, offset));
    }

    @GetMapping("/api/admin/community/{id}")
    CommunityAnswer one(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                        @PathVariable("id") String id) {
        access.check(authorization);
        return community.find(id);
    }

    @PostMapping("/api/admin/community/{id}/accept")
    CommunityAnswers.Reviewed accept(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                     @PathVariable("id") String id, @RequestBody(required = false) ReviewRequest edits) {
        access.check(authorization);
        String question = edits == null ? null : checked("question", edits.question(), MAX_QUESTION_CHARS, true);
        String answer = edits == null ? null : checked("answer", edits.answer(), maxAnswerChars, true);
        return community.accept(id, question, answer);
    }

    @PutMapping("/api/admin/community/{id}")
    CommunityAnswers.Reviewed edit(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                   @PathVariable("id") String id, @RequestBody ReviewRequest edits) {
        access.check(authorization);
        return community.edit(id, checked("question", edits.question(), MAX_QUESTION_CHARS, false),
                checked("answer", edits.answer(), maxAnswerChars, false));
    }

    @PostMapping("/api/admin/community/{id}/decline")
    CommunityAnswers.Reviewed decline(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                      @PathVariable("id") String id) {
        access.check(authorization);
        return community.decline(id);
    }

    @PostMapping("/api/admin/community/{id}/withdraw")
    CommunityAnswers.Reviewed withdraw(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @PathVariable("id") String id) {
        access.check(authorization);
        return community.withdraw(id);
    }

    @GetMapping("/api/admin/community/export")
    ResponseEntity<String> export(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        access.check(authorization);
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"community-qa.md\"").body(community.exportMarkdown());
    }

    /** The field stripped, or {@code null} when it may be and is left out; a problem when it is blank or too long. */
    private String checked(String name, String value, int maxChars, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        if (value == null || value.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, name + "-missing", name + " missing",
                    "\"" + name + "\" must be the text to serve, e.g. {\"question\": \"…\", \"answer\": \"…\"}.");
        }
        if (value.length() > maxChars) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, name + "-too-long", name + " too long",
                    "\"" + name + "\" may be at most " + maxChars + " characters; it has " + value.length() + ".");
        }
        return value.strip();
    }

    @ExceptionHandler(CommunityAnswers.UnknownCandidate.class)
    ResponseEntity<?> unknown(CommunityAnswers.UnknownCandidate e) {
        return problem(new ApiProblem(HttpStatus.NOT_FOUND, "candidate-unknown", "Candidate unknown", e.getMessage()));
    }

    @ExceptionHandler(CommunityAnswers.NotAllowed.class)
    ResponseEntity<?> notAllowed(CommunityAnswers.NotAllowed e) {
        return problem(new ApiProblem(HttpStatus.CONFLICT, "review-not-allowed", "Not allowed in this state", e.getMessage()));
    }

    private static ResponseEntity<?> problem(ApiProblem problem) {
        return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }
}
