package io.sofastack.qa.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sofastack.qa.retrieval.RetrievalBusyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A question that found every retrieval slot busy for too long is told so, and when to come back. */
class BusyProblemTest {

    @Test
    void aRetrievalThatWaitedTooLongIsA503BusyProblemWithRetryAfter() {
        ResponseEntity<ProblemDetail> response = new ProblemHandler().busy(new RetrievalBusyException(Duration.ofSeconds(10)));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().getType().toString()).endsWith("/busy");
        assertThat(response.getBody().getDetail()).contains("qa.retrieval.max-concurrent").contains("ask again");
    }
}
