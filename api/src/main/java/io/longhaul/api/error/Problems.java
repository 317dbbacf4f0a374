package io.longhaul.api.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds problem+json bodies, the one error format of the API. */
public final class Problems {
  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String detail, List<FieldProblem> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(type(status.value()));
    if (errors != null && !errors.isEmpty()) {
      p.setProperty("errors", errors);
    }
    return p;
  }

  /** The problem type of a status: one URI per status code. */
  public static URI type(int status) {
    return URI.create("https://longhaul.io/problems/" + status);
  }

  /** For filters that answer before Spring MVC: security's 401 and 403, the body cap's 413. */
  public static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    write(response, status, detail, null);
  }

  /** The same, naming the field at fault (null: none). */
  public static void write(
      HttpServletResponse response, HttpStatus status, String detail, String field)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String errors =
        field == null
            ? ""
            : ",\"errors\":[{\"field\":\"%s\",\"message\":\"%s\"}]"
                .formatted(escape(field), escape(detail));
    String body =
        "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"%s}"
            .formatted(
                type(status.value()),
                status.getReasonPhrase(),
                status.value(),
                escape(detail),
                errors);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
