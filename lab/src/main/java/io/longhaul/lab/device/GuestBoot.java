package io.longhaul.lab.device;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a simulated guest prints on its serial console when it starts, as the real stack's test
 * image does: the BIOS, then — only when its first disk is an image over the host's golden base
 * volume — userspace, and the hostname and address its NoCloud seed (the second disk) gives it. A
 * guest without a bootable disk stays in the BIOS, as a real one does.
 */
final class GuestBoot {
  private GuestBoot() {}

  private static final Pattern HOSTNAME = Pattern.compile("local-hostname: *([A-Za-z0-9_.-]+)");
  private static final Pattern ADDRESS = Pattern.compile("addresses: *\\[([0-9./]+)\\]");

  static String console(HypervisorState state, HypervisorState.Domain d) {
    var out = new StringBuilder("SeaBIOS (version lab)\nBooting from Hard Disk...\n");
    if (d.disks().isEmpty() || !overBase(state, d.disks().getFirst())) {
      return out.append("Boot failed: not a bootable disk\n\nNo bootable device.\n").toString();
    }
    out.append("longhaul-guest: userspace reached\n");
    out.append("longhaul-guest: cmdline BOOT_IMAGE=vmlinuz console=ttyS0,115200 quiet\n");
    // the seed's files lie in the ISO image as plain text, which is all the lab's guest reads
    String seed =
        d.disks().size() < 2
            ? ""
            : new String(volume(state, d.disks().get(1)), StandardCharsets.ISO_8859_1);
    Matcher host = HOSTNAME.matcher(seed);
    Matcher address = ADDRESS.matcher(seed);
    out.append("longhaul-guest: hostname ")
        .append(host.find() ? host.group(1) : "(none)")
        .append('\n');
    out.append("longhaul-guest: eth0 ").append(address.find() ? address.group(1) : "").append('\n');
    return out.toString();
  }

  private static boolean overBase(HypervisorState state, HypervisorState.DomainDisk disk) {
    var pool = state.pools.get(disk.pool());
    String volume = disk.volume();
    while (pool != null && volume != null) {
      if (volume.equals(HypervisorState.BASE_VOLUME)) {
        return true;
      }
      var v = pool.get(volume);
      volume = v == null ? null : v.backing();
    }
    return false;
  }

  private static byte[] volume(HypervisorState state, HypervisorState.DomainDisk disk) {
    var pool = state.pools.get(disk.pool());
    var v = pool == null ? null : pool.get(disk.volume());
    return v == null ? new byte[0] : v.content();
  }
}
