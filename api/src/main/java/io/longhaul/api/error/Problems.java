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
    p.setType(URI.create("https://longhaul.io/problems/" + status.value()));
    if (errors != null && !errors.isEmpty()) {
      p.setProperty("errors", errors);
    }
    return p;
  }

  /** For filters that answer before Spring MVC: security's 401 and 403. */
  public static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String body =
        "{\"type\":\"https://longhaul.io/problems/%d\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
            .formatted(status.value(), status.getReasonPhrase(), status.value(), escape(detail));
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
