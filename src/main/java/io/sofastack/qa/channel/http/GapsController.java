package io.sofastack.qa.channel.http;

import io.sofastack.qa.feedback.GapReport;
import io.sofastack.qa.feedback.GapReports;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/gaps}: what the bot could not answer (abstentions, unsure answers, 👎) in a
 * period, clustered by topic; {@code ?format=csv} for a spreadsheet, one row per question. Period:
 * {@code from} and {@code to} as ISO instants, by default the last {@code qa.gaps.period}.
 */
@RestController
class GapsController {

    private final AdminAccess access;
    private final GapReports reports;

    GapsController(AdminAccess access, GapReports reports) {
        this.access = access;
        this.reports = reports;
    }

    @GetMapping("/api/admin/gaps")
    ResponseEntity<?> gaps(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                           @RequestParam(name = "from", required = false) String from,
                           @RequestParam(name = "to", required = false) String to,
                           @RequestParam(name = "format", defaultValue = "json") String format) {
        access.check(authorization);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "format-unknown", "Unknown format", "\"format\" is json (the default) or csv.");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "period-empty", "Empty period", "\"from\" must be before \"to\".");
        }
        GapReport report = reports.report(start, end);
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gaps.csv\"").body(reports.csv(report));
        }
        return ResponseEntity.ok(report);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "period-invalid", "Invalid " + name,
                    "\"" + name + "\" must be an ISO-8601 instant such as 2026-11-01T00:00:00Z; it was \"" + value + "\".");
        }
    }
}
