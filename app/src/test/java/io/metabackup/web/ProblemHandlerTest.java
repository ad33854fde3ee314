package io.metabackup.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    @Test
    void aRequestStoppedByDeadlockDetectionIsAConflictToRetryAndNamesNoSqlDetail() {
        var deadlock = new PessimisticLockingFailureException("wrapped",
                new SQLException("ERROR: deadlock detected; Process 12 waits for ShareLock on secret-value", "40P01"));

        var response = new ProblemHandler().handleAny(deadlock, new ServletWebRequest(new MockHttpServletRequest()));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody()).isInstanceOfSatisfying(ProblemDetail.class, problem -> {
            assertThat(problem.getProperties()).containsEntry("code", "VERSION_CONFLICT");
            assertThat(problem.getDetail()).doesNotContain("secret-value").contains("Run it again");
        });
    }
}
