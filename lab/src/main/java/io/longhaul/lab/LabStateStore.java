package io.longhaul.lab;

import io.longhaul.lab.device.DeviceSnapshots;
import io.longhaul.lab.device.HypervisorState;
import io.longhaul.lab.device.SwitchState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps every device's configuration in the state dir ({@code devices/<name>.json}), so a lab
 * started again from the same state dir has the domains, OVS ports and switch configurations it
 * had: a restart of {@code ./longhaul run} (or a kill -9) does not reset the datacenter behind the
 * inventory's back. Written through: after each command, before its answer goes out, and only when
 * something changed (a file is replaced atomically, so a kill leaves the old or the new one). Not
 * fsynced: it survives the process, not a power cut.
 */
final class LabStateStore {
  private final Path dir;
  private final Map<String, String> written = new ConcurrentHashMap<>();
  private final List<String> notes = new ArrayList<>();

  LabStateStore(Path stateDir) {
    this.dir = stateDir.resolve("devices");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Restores the switch from its file, if any, then saves it after every change. */
  void keep(SwitchState s) {
    restore(s.name(), text -> DeviceSnapshots.restore(s, text));
    s.onChange(() -> save(s.name(), () -> DeviceSnapshots.of(s)));
    save(s.name(), () -> DeviceSnapshots.of(s));
  }

  /** Restores the hypervisor from its file, if any, then saves it after every change. */
  void keep(HypervisorState h) {
    restore(h.name(), text -> DeviceSnapshots.restore(h, text));
    h.onChange(() -> save(h.name(), () -> DeviceSnapshots.of(h)));
    save(h.name(), () -> DeviceSnapshots.of(h));
  }

  /** What the start found: devices restored, files that no longer fit their device. */
  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  private void restore(String device, java.util.function.Consumer<String> into) {
    Path file = file(device);
    if (!Files.exists(file)) {
      return;
    }
    try {
      into.accept(Files.readString(file));
      note(device + ": restored from " + file);
    } catch (IOException | IllegalArgumentException e) {
      // The topology changed under the saved state: start this device from the topology, and say
      // so (the inventory's drift report shows what it means for instances).
      note(device + ": saved state not restored (" + e.getMessage() + "); started from topology");
    }
  }

  private void save(String device, Supplier<String> snapshot) {
    // One writer per device at a time, so a later snapshot is never overwritten by an earlier one.
    synchronized (lock(device)) {
      String text = snapshot.get();
      if (text.equals(written.get(device))) {
        return;
      }
      Path file = file(device);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try {
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the state of " + device, e);
      }
      written.put(device, text);
    }
  }

  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  private Object lock(String device) {
    return locks.computeIfAbsent(device, d -> new Object());
  }

  private synchronized void note(String line) {
    notes.add(line);
  }

  private Path file(String device) {
    return dir.resolve(device + ".json");
  }
}
