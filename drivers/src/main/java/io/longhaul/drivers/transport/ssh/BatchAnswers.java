package io.longhaul.drivers.transport.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits what a CLI printed for commands typed ahead in one write into each command's output. The
 * CLI reads the lines one at a time and answers each with its output and a prompt, so the stream is
 * {@code out₁ prompt₁ out₂ prompt₂ ... promptₙ}; a terminal that echoes also puts each command
 * after the prompt before it. An answer ends at the first prompt of this device (the profile's
 * pattern, the host name of the prompt before the batch) that starts a line or follows the previous
 * prompt directly: config commands print nothing, or whole lines (errors).
 *
 * @param answered how many commands have been answered so far (all when complete)
 * @param outputs each answered command's output, without an echo
 * @param prompt the final prompt, once complete
 */
record BatchAnswers(int answered, List<String> outputs, String prompt) {

  boolean complete(int commands) {
    return answered == commands && prompt != null;
  }

  /**
   * Parses {@code text} (normalised line ends) as far as it goes. {@code lastPrompt} is the prompt
   * the CLI showed before the batch; {@code promptAtEnd} the profile's prompt pattern.
   */
  static BatchAnswers parse(
      String text, List<String> commands, String lastPrompt, Pattern promptAtEnd) {
    String host = host(lastPrompt);
    var outputs = new ArrayList<String>();
    int start = skipEcho(text, 0, commands.getFirst());
    for (int i = 0; i < commands.size(); i++) {
      int q = start;
      String found = null;
      while (q <= text.length()) {
        found = promptAt(text, q, host, promptAtEnd);
        if (found != null) {
          break;
        }
        int nl = text.indexOf('\n', q);
        if (nl < 0) {
          break;
        }
        q = nl + 1;
      }
      if (found == null) {
        return new BatchAnswers(i, outputs, null);
      }
      int end = q + found.length();
      if (end < text.length() && text.charAt(end) == ' ') {
        end++;
      }
      boolean last = i == commands.size() - 1;
      if (last && !text.substring(end).isBlank()) {
        return new BatchAnswers(i, outputs, null); // more is coming, or it is not our prompt
      }
      outputs.add(text.substring(start, q));
      if (last) {
        return new BatchAnswers(commands.size(), List.copyOf(outputs), found);
      }
      start = skipEcho(text, end, commands.get(i + 1));
    }
    throw new IllegalStateException("unreachable");
  }

  /** The prompt starting at {@code q}, or null. */
  private static String promptAt(String text, int q, String host, Pattern promptAtEnd) {
    if (!text.startsWith(host, q)) {
      return null;
    }
    int nl = text.indexOf('\n', q);
    int lineEnd = nl < 0 ? text.length() : nl;
    for (int j = q + host.length(); j < lineEnd; j++) {
      char c = text.charAt(j);
      if (c == '#' || c == '>') {
        String candidate = text.substring(q, j + 1);
        Matcher m = promptAtEnd.matcher(candidate);
        return m.find() && m.start(1) == 0 && host(candidate).equals(host) ? candidate : null;
      }
    }
    return null;
  }

  /**
   * Where command output starts at {@code from}: after its echo line if the terminal echoed it,
   * else at {@code from}. An echo still incomplete is not taken for a prompt, so the caller waits.
   */
  private static int skipEcho(String text, int from, String command) {
    int nl = text.indexOf('\n', from);
    if (nl >= 0 && text.substring(from, nl).strip().equals(command.strip())) {
      return nl + 1;
    }
    return from;
  }

  /** {@code leaf1} of {@code leaf1(config-if)#}. */
  private static String host(String prompt) {
    int end = 0;
    while (end < prompt.length() && "(#> ".indexOf(prompt.charAt(end)) < 0) {
      end++;
    }
    return prompt.substring(0, end);
  }
}
