package io.longhaul.drivers.dialect;

import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.transport.ssh.CliProfile;
import java.util.List;
import java.util.regex.Pattern;

/** Prompts and error markers of the switch CLIs. */
public final class CliProfiles {
  private CliProfiles() {}

  /** {@code leaf1#}, {@code leaf1(config-if)#}, {@code leaf3(config-s-lh-x-if-Et1)#}, {@code >}. */
  private static final Pattern PROMPT =
      Pattern.compile("(?:^|\\n)([A-Za-z0-9._-]+(?:\\([A-Za-z0-9./_-]+\\))?[#>]) ?$");

  public static final CliProfile NXOS =
      new CliProfile(PROMPT, Pattern.compile("(?m)^\\s*(% |ERROR:)"), List.of("terminal length 0"));

  public static final CliProfile EOS =
      new CliProfile(PROMPT, Pattern.compile("(?m)^\\s*% "), List.of("terminal length 0"));

  public static CliProfile of(Dialect dialect) {
    return switch (dialect) {
      case NXOS -> NXOS;
      case EOS -> EOS;
      case KVM -> throw new IllegalArgumentException("KVM has no switch CLI");
    };
  }
}
