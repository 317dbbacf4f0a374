package io.longhaul.api.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders the failure of another request (one that failed outside Spring MVC, e.g. in the servlet
 * container) as problem+json with its status and nothing more. Asked for directly, there is no
 * failure to render: 404, where Spring Boot's own page answered anyone with a 500.
 */
@Hidden // not an API operation
@RestController
public class ErrorPage implements org.springframework.boot.webmvc.error.ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer c && HttpStatus.resolve(c) != null
            ? HttpStatus.resolve(c)
            : HttpStatus.NOT_FOUND;
    String detail = code == null ? "no such resource" : status.getReasonPhrase();
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(status, detail, null));
  }
}
