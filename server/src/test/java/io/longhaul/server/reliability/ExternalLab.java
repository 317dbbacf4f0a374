package io.longhaul.server.reliability;

import io.longhaul.db.credential.CredentialCipher;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.CredentialScopes;
import io.longhaul.db.inventory.ClusterRepository;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.lab.DeviceKind;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.LabOptions;
import io.longhaul.lab.topology.Topology;
import io.longhaul.server.lab.LabInventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The demo lab in the test's own JVM, so that its device state and command logs outlive the
 * Longhaul process the test kills; loaded into that process's database as the default run loads its
 * own lab.
 */
final class ExternalLab implements AutoCloseable {
  final Lab lab;
  final Path knownHosts;

  private ExternalLab(Lab lab, Path knownHosts) {
    this.lab = lab;
    this.knownHosts = knownHosts;
  }

  static ExternalLab start(Path dir, String dbUrl, String user, byte[] credentialKey)
      throws Exception {
    Lab lab = Lab.start(Topology.demo(), LabOptions.defaults().withStateDir(dir.resolve("lab")));
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, lab.knownHostsText());
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(dbUrl);
    ds.setUser(user);
    var db = DSL.using(new TransactionAwareDataSourceProxy(ds), SQLDialect.POSTGRES);
    new LabInventoryLoader(
            new SiteRepository(db),
            new SwitchRepository(db),
            new HypervisorRepository(db),
            new NetworkRepository(db),
            new ClusterRepository(db),
            new CredentialRepository(db, new CredentialCipher(credentialKey)),
            new CredentialScopes(db),
            new DataSourceTransactionManager(ds))
        .load(lab);
    return new ExternalLab(lab, knownHosts);
  }

  /**
   * Device changes applied twice to the same object: a hypervisor told to start, destroy or
   * undefine the same domain twice, a switch given the same configuration line twice under the same
   * interface. (The drivers read state first and send only what is missing, so a change is sent
   * twice only when a step's effect was not seen the second time.)
   */
  Map<String, Integer> duplicateChanges() {
    Map<String, Integer> dup = new TreeMap<>();
    for (LabDevice d : lab.devices()) {
      Map<String, Integer> seen = new LinkedHashMap<>();
      if (d.kind() == DeviceKind.HYPERVISOR) {
        for (String line : lab.hypervisorState(d.name()).commandLog()) {
          if (line.matches("virsh (start|destroy|undefine) \\S+")) {
            seen.merge(line, 1, Integer::sum);
          }
        }
      } else if (d.kind() == DeviceKind.SWITCH) {
        String context = "";
        for (String line : lab.switchState(d.name()).commandLog()) {
          String l = line.strip();
          if (l.startsWith("interface ")) {
            context = l;
          } else if (l.equals("end") || l.equals("exit") || l.startsWith("configure")) {
            context = "";
          } else if (!READ_OR_MODE.matcher(l).find()) {
            seen.merge(context + " / " + l, 1, Integer::sum);
          }
        }
      }
      seen.forEach(
          (line, n) -> {
            if (n > 1) {
              dup.put(d.name() + ": " + line, n - 1);
            }
          });
    }
    return dup;
  }

  /**
   * Idempotent commands sent again by a step the kill interrupted after its effect and before its
   * ledger entry (at-least-once): {@code virsh define} of a domain already defined (the same XML),
   * {@code ovs-vsctl --may-exist add-port} of a port already there. They change nothing.
   */
  Map<String, Integer> resentIdempotent() {
    Map<String, Integer> out = new TreeMap<>();
    for (LabDevice d : lab.devices()) {
      if (d.kind() != DeviceKind.HYPERVISOR) {
        continue;
      }
      var state = lab.hypervisorState(d.name());
      List<String> log = state.commandLog();
      long defines = log.stream().filter(l -> l.startsWith("virsh define")).count();
      long extra = defines - state.domains().size();
      if (extra > 0) {
        out.put(d.name() + ": virsh define", (int) extra);
      }
      Map<String, Integer> ports = new LinkedHashMap<>();
      log.stream()
          .filter(l -> l.contains("--may-exist add-port"))
          .forEach(l -> ports.merge(l, 1, Integer::sum));
      ports.forEach(
          (l, n) -> {
            if (n > 1) {
              out.put(d.name() + ": " + l, n - 1);
            }
          });
    }
    return out;
  }

  /** Lines that read state or change the CLI's mode rather than the configuration. */
  private static final java.util.regex.Pattern READ_OR_MODE =
      java.util.regex.Pattern.compile(
          "^(show|terminal|copy|write|commit|abort|ping|dir|no terminal)\\b");

  /** Domains in the lab, by name, across all hypervisors. */
  Map<String, String> domains() {
    Map<String, String> out = new TreeMap<>();
    for (LabDevice d : lab.devices()) {
      if (d.kind() == DeviceKind.HYPERVISOR) {
        lab.hypervisorState(d.name()).domains().keySet().forEach(n -> out.put(n, d.name()));
      }
    }
    return out;
  }

  /** OVS ports in the lab, across all hypervisors. */
  int ovsPorts() {
    int n = 0;
    for (LabDevice d : lab.devices()) {
      if (d.kind() == DeviceKind.HYPERVISOR) {
        n += lab.hypervisorState(d.name()).ovsPorts().size();
      }
    }
    return n;
  }

  @Override
  public void close() {
    lab.close();
  }
}
