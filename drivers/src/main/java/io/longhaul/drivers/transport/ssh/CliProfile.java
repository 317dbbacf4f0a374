package io.longhaul.drivers.transport.ssh;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to drive one vendor's interactive CLI: the prompt that ends every answer, the output that
 * means the command was refused, and commands that prepare the session (paging off).
 */
public record CliProfile(Pattern prompt, Pattern error, List<String> setup) {
  public CliProfile {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(error, "error");
    setup = List.copyOf(setup);
  }
}
