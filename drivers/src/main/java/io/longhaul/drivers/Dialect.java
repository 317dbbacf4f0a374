package io.longhaul.drivers;

import java.util.Locale;

/** The operating system a device speaks; picks parsers, prompts and command sets. */
public enum Dialect {
  NXOS,
  EOS,
  KVM;

  /** Parses inventory spelling ({@code nxos}, {@code NX-OS}, {@code eos}, {@code kvm}). */
  public static Dialect parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
      case "nxos" -> NXOS;
      case "eos" -> EOS;
      case "kvm", "libvirt" -> KVM;
      default ->
          throw new IllegalArgumentException("unknown dialect: " + Printable.escape(text, 40));
    };
  }
}
