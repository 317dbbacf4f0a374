package io.longhaul.lab.device;

/**
 * The answer to one command line: text (lines end with \n), whether it failed, and whether the
 * session should close (exit from exec mode).
 */
public record CliResult(String output, boolean error, boolean close) {
  static CliResult ok(String output) {
    return new CliResult(output, false, false);
  }

  static CliResult fail(String output) {
    return new CliResult(output, true, false);
  }
}
