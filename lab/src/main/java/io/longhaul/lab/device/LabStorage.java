package io.longhaul.lab.device;

import io.longhaul.lab.device.HypervisorShell.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * libvirt's storage commands on a simulated host, as virsh 9.0 answers them: {@code vol-list},
 * {@code vol-info}, {@code vol-create-as} (a qcow2 overlay needs its backing volume), {@code
 * vol-upload} from stdin, {@code vol-delete}, {@code pool-list}. Called under the state's lock.
 */
final class LabStorage {
  private final HypervisorState state;

  LabStorage(HypervisorState state) {
    this.state = state;
  }

  ExecResult run(String cmd, List<String> rest, byte[] stdin) {
    List<String> args = new ArrayList<>(rest);
    String pool = option(args, "--pool");
    if (cmd.equals("pool-list")) {
      var sb =
          new StringBuilder(" Name       State    Autostart\n-------------------------------\n");
      state.pools.keySet().forEach(p -> sb.append(String.format(" %-10s active   yes%n", p)));
      return ExecResult.ok(sb.append('\n').toString());
    }
    if (pool == null) {
      pool = args.isEmpty() ? null : args.removeFirst();
    }
    Map<String, HypervisorState.Volume> volumes = pool == null ? null : state.pools.get(pool);
    if (volumes == null) {
      return ExecResult.err(
          "error: failed to get pool '"
              + pool
              + "'\nerror: Storage pool not found: no storage pool with matching name '"
              + pool
              + "'\n");
    }
    return switch (cmd) {
      case "vol-list" -> {
        var sb = new StringBuilder(" Name   Path\n---------------\n");
        volumes
            .keySet()
            .forEach(v -> sb.append(' ').append(v).append(' ').append(path(v)).append('\n'));
        yield ExecResult.ok(sb.append('\n').toString());
      }
      case "vol-info" -> {
        var v = volumes.get(first(args));
        if (v == null) {
          yield notFound(first(args));
        }
        yield ExecResult.ok(
            String.format(
                "Name:           %s%nType:           file%nCapacity:       %d bytes%n"
                    + "Allocation:     %d bytes%n%n",
                v.name(), v.capacityBytes(), v.content().length));
      }
      case "vol-create-as" -> create(pool, volumes, args);
      case "vol-upload" -> {
        String name = first(args);
        var v = volumes.get(name);
        if (v == null) {
          yield notFound(name);
        }
        byte[] data = stdin == null ? new byte[0] : stdin;
        if (data.length > v.capacityBytes()) {
          yield ExecResult.err("error: cannot upload to volume " + name + ": exceeds capacity\n");
        }
        volumes.put(
            name,
            new HypervisorState.Volume(name, v.format(), v.capacityBytes(), v.backing(), data));
        yield ExecResult.ok("");
      }
      case "vol-delete" -> {
        String name = first(args);
        if (volumes.remove(name) == null) {
          yield notFound(name);
        }
        yield ExecResult.ok("Vol " + name + " deleted\n\n");
      }
      default -> ExecResult.err("error: unknown command: '" + cmd + "'\n");
    };
  }

  private ExecResult create(
      String pool, Map<String, HypervisorState.Volume> volumes, List<String> args) {
    String format = option(args, "--format");
    String backing = option(args, "--backing-vol");
    option(args, "--backing-vol-format");
    if (args.size() < 2) {
      return ExecResult.err("error: command 'vol-create-as' requires <name> and <capacity>\n");
    }
    String name = args.get(0);
    String fail = "error: Failed to create vol " + name + "\n";
    if (volumes.containsKey(name)) {
      return ExecResult.err(
          fail + "error: operation failed: storage vol '" + name + "' already exists\n");
    }
    if (backing != null && !volumes.containsKey(backing)) {
      return ExecResult.err(
          "error: failed to get vol '"
              + backing
              + "'\nerror: Storage volume not found: no storage vol with matching path '"
              + backing
              + "'\n");
    }
    long capacity;
    try {
      capacity = bytes(args.get(1));
    } catch (NumberFormatException e) {
      return ExecResult.err(fail + "error: Malformed size " + args.get(1) + "\n");
    }
    if (backing != null && capacity < volumes.get(backing).capacityBytes()) {
      return ExecResult.err(
          fail
              + "error: internal error: Child process (qemu-img create) unexpected exit status 1:"
              + " Backing file is larger than the requested size\n");
    }
    volumes.put(
        name,
        new HypervisorState.Volume(
            name, format == null ? "raw" : format, capacity, backing, new byte[0]));
    return ExecResult.ok("Vol " + name + " created\n\n");
  }

  /** {@code 24M}, {@code 1G}, {@code 25165824b}, a bare number of bytes. */
  static long bytes(String size) {
    String s = size.toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = s.charAt(s.length() - 1);
    switch (last) {
      case 'b' -> s = s.substring(0, s.length() - 1);
      case 'k' -> unit = 1L << 10;
      case 'm' -> unit = 1L << 20;
      case 'g' -> unit = 1L << 30;
      default -> {}
    }
    if (unit > 1) {
      s = s.substring(0, s.length() - 1);
    }
    return Long.parseLong(s) * unit;
  }

  static String path(String volume) {
    return "/var/lib/libvirt/images/longhaul/" + volume;
  }

  private static ExecResult notFound(String name) {
    return ExecResult.err(
        "error: failed to get vol '"
            + name
            + "'\nerror: Storage volume not found: no storage vol with matching path '"
            + name
            + "'\n");
  }

  private static String first(List<String> args) {
    return args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("");
  }

  /** Removes {@code --name value} from args and returns value, or null. */
  private static String option(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size()) {
      return null;
    }
    String v = args.get(i + 1);
    args.remove(i + 1);
    args.remove(i);
    return v;
  }
}
