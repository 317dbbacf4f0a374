package io.longhaul.api.json;

import io.longhaul.api.error.BodyTooLargeException;
import io.longhaul.api.error.JsonProblems;
import io.longhaul.api.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body: one announced as larger is refused before it is read, and one that grows
 * past the cap while being read (chunked) fails with {@link BodyTooLargeException}, which the
 * problem handler answers as 413. No API body comes near the cap; a 60 MB window description once
 * did, and every viewer downloaded it.
 */
public class BodyLimitFilter extends OncePerRequestFilter {
  private final long maxBytes;

  public BodyLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      Problems.write(
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "request body is larger than " + maxBytes + " bytes",
          JsonProblems.BODY);
      return;
    }
    chain.doFilter(new Capped(request, maxBytes), response);
  }

  private static final class Capped extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), maxBytes);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long maxBytes;
    private long read;

    CountingStream(ServletInputStream in, long maxBytes) {
      this.in = in;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > maxBytes) {
        throw new BodyTooLargeException(maxBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
