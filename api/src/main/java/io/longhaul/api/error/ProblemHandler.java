package io.longhaul.api.error;

import io.longhaul.db.NotFoundException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure the API raises to problem+json, naming the field where there is one. Spring
 * MVC's own exceptions (405, 415, 404...) come out as problem+json through the base class.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
            .sorted(java.util.Comparator.comparing(FieldProblem::field))
            .toList();
    return problem(Problems.of(HttpStatus.BAD_REQUEST, "request body is invalid", problems));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return problem(Problems.of(HttpStatus.BAD_REQUEST, "request parameters are invalid", problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        return problem(
            Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                tooLarge.getMessage(),
                List.of(new FieldProblem(JsonProblems.BODY, tooLarge.getMessage()))));
      }
      if (t instanceof JacksonException json) {
        FieldProblem p = JsonProblems.of(json);
        return problem(
            Problems.of(HttpStatus.BAD_REQUEST, p.field() + ": " + p.message(), List.of(p)));
      }
    }
    return problem(
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "request body is missing or not JSON",
            List.of(new FieldProblem(JsonProblems.BODY, "is missing or not JSON"))));
  }

  /** Spring MVC's own problems (405, 415, ...) get the same type URI as ours. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> r = super.handleExceptionInternal(e, body, headers, status, request);
    if (r != null && r.getBody() instanceof ProblemDetail p) {
      p.setType(Problems.type(status.value()));
    }
    return r;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "request parameters are invalid",
        List.of(new FieldProblem(e.getName(), "is not a valid value")));
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, e.getMessage(), null);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(
        HttpStatus.CONFLICT,
        e.getMessage(),
        e.field() == null ? null : List.of(new FieldProblem(e.field(), e.getMessage())));
  }

  /** A rule the database enforces: the field and what is wrong, never the server's own text. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail constraint(DataIntegrityViolationException e) {
    var v = ConstraintViolations.of(e);
    return Problems.of(
        v.status(),
        v.field() + ": " + v.message(),
        List.of(new FieldProblem(v.field(), v.message())));
  }

  private static ResponseEntity<Object> problem(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return Problems.of(HttpStatus.FORBIDDEN, e.getMessage(), null);
  }
}
