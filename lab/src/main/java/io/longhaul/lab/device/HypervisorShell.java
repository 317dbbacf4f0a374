package io.longhaul.lab.device;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs one exec-channel command line on a simulated KVM host: virsh, ovs-vsctl and systemctl.
 * Command lines may chain with {@code &&} or {@code ;} and start with {@code sudo}.
 */
public final class HypervisorShell {

  /** stdout, stderr and the exit status of one command line. */
  public record ExecResult(String stdout, String stderr, int exitCode) {
    static ExecResult ok(String out) {
      return new ExecResult(out, "", 0);
    }

    static ExecResult err(String err) {
      return new ExecResult("", err, 1);
    }
  }

  private final HypervisorState state;
  private final LabStorage storage;

  public HypervisorShell(HypervisorState state) {
    this.state = state;
    this.storage = new LabStorage(state);
  }

  public ExecResult execute(String commandLine, byte[] stdin) {
    String line = commandLine.strip();
    state.logCommand(line);
    List<String> tokens;
    try {
      tokens = split(line);
    } catch (IllegalArgumentException e) {
      return new ExecResult("", "bash: syntax error: unexpected end of file\n", 2);
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    List<String> current = new ArrayList<>();
    int exit = 0;
    for (int i = 0; i <= tokens.size(); i++) {
      String t = i < tokens.size() ? tokens.get(i) : null;
      if (t == null || t.equals("&&") || t.equals(";")) {
        if (!current.isEmpty()) {
          ExecResult r;
          synchronized (state) {
            state.ovsChanged = false;
            r = one(current, stdin);
          }
          if (r.exitCode() == 0 && state.ovsChanged && !state.vswitchdActive) {
            r = awaitVswitchd(current, r);
          }
          // Saved before the answer leaves: a client that saw it finds it after a restart.
          state.changed();
          out.append(r.stdout());
          err.append(r.stderr());
          exit = r.exitCode();
          current = new ArrayList<>();
          if (exit != 0 && "&&".equals(t)) {
            break;
          }
        }
      } else {
        current.add(t);
      }
    }
    return new ExecResult(out.toString(), err.toString(), exit);
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean in = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        in = true;
      } else if (Character.isWhitespace(c)) {
        if (in) {
          out.add(cur.toString());
          cur.setLength(0);
          in = false;
        }
      } else if (c == ';') {
        if (in) {
          out.add(cur.toString());
          cur.setLength(0);
          in = false;
        }
        out.add(";");
      } else {
        cur.append(c);
        in = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unterminated quote");
    }
    if (in) {
      out.add(cur.toString());
    }
    return out;
  }

  private ExecResult one(List<String> args, byte[] stdin) {
    List<String> a = new ArrayList<>(args);
    while (!a.isEmpty() && a.getFirst().equals("sudo")) {
      a.removeFirst();
    }
    if (!a.isEmpty() && a.getFirst().equals("timeout")) {
      // coreutils timeout [-k N] N command...: nothing in the lab outlives it, so it just runs
      a.removeFirst();
      while (!a.isEmpty() && a.getFirst().startsWith("-")) {
        String opt = a.removeFirst();
        if ((opt.equals("-k") || opt.equals("-s")) && !a.isEmpty()) {
          a.removeFirst();
        }
      }
      if (a.isEmpty()) {
        return new ExecResult("", "timeout: missing operand\n", 125);
      }
      a.removeFirst();
    }
    if (a.isEmpty()) {
      return ExecResult.ok("");
    }
    return switch (a.getFirst()) {
      case "virsh" -> virsh(a.subList(1, a.size()), stdin);
      case "ovs-vsctl" -> ovs(a.subList(1, a.size()));
      case "systemctl" -> systemctl(a.subList(1, a.size()));
      case "hostname" -> ExecResult.ok(state.name() + "\n");
      case "tail" -> tail(a.subList(1, a.size()));
      case "true" -> ExecResult.ok("");
      case "echo" -> ExecResult.ok(String.join(" ", a.subList(1, a.size())) + "\n");
      default -> new ExecResult("", "bash: " + a.getFirst() + ": command not found\n", 127);
    };
  }

  // ------------------------------------------------------------------ virsh

  private ExecResult virsh(List<String> a, byte[] stdin) {
    List<String> args = new ArrayList<>(a);
    while (!args.isEmpty()
        && (args.getFirst().equals("-q")
            || args.getFirst().startsWith("--connect")
            || args.getFirst().equals("-c"))) {
      String f = args.removeFirst();
      if (f.equals("-c") || f.equals("--connect")) {
        if (!args.isEmpty()) {
          args.removeFirst();
        }
      }
    }
    if (args.isEmpty()) {
      return ExecResult.err("error: no command given\n");
    }
    if (!state.libvirtdActive) {
      return ExecResult.err(
          "error: failed to connect to the hypervisor\nerror: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused\n");
    }
    String cmd = args.getFirst();
    List<String> rest = args.subList(1, args.size());
    return switch (cmd) {
      case "define" -> define(rest, stdin);
      case "start" -> start(rest);
      case "destroy" -> destroy(rest);
      case "undefine" -> undefine(rest);
      case "list" -> list(rest);
      case "dominfo" -> dominfo(rest);
      case "domstate" -> withDomain(rest, d -> ExecResult.ok(d.state() + "\n\n"));
      case "dumpxml" -> withDomain(rest, d -> ExecResult.ok(dumpxml(d)));
      case "domcapabilities" -> domcapabilities(rest);
      case "vol-list", "vol-info", "vol-create-as", "vol-upload", "vol-delete", "pool-list" ->
          storage.run(cmd, rest, stdin);
      case "suspend" -> pauseOrResume(rest, "running", "paused", "suspended");
      case "resume" -> pauseOrResume(rest, "paused", "running", "resumed");
      case "domiflist" -> domiflist(rest);
      case "nodeinfo" -> nodeinfo();
      case "version" ->
          ExecResult.ok(
              "Compiled against library: libvirt 8.0.0\nUsing library: libvirt 8.0.0\nUsing API: QEMU 8.0.0\nRunning hypervisor: QEMU 6.2.0\n\n");
      default -> ExecResult.err("error: unknown command: '" + cmd + "'\n");
    };
  }

  private interface DomainOp {
    ExecResult apply(HypervisorState.Domain d);
  }

  private ExecResult withDomain(List<String> rest, DomainOp op) {
    String name = positional(rest);
    if (name == null) {
      return ExecResult.err("error: command requires a domain argument\n");
    }
    HypervisorState.Domain d = state.domains.get(name);
    if (d == null) {
      return ExecResult.err("error: failed to get domain '" + name + "'\n");
    }
    return op.apply(d);
  }

  private static String positional(List<String> rest) {
    for (String s : rest) {
      if (!s.startsWith("--")) {
        return s;
      }
    }
    return null;
  }

  private ExecResult define(List<String> rest, byte[] stdin) {
    String file = positional(rest);
    if (file == null) {
      return ExecResult.err("error: command 'define' requires <file> option\n");
    }
    if (!file.equals("/dev/stdin") && !file.equals("-")) {
      return ExecResult.err(
          "error: Failed to open file '" + file + "': No such file or directory\n");
    }
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc =
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
    } catch (Exception e) {
      return ExecResult.err(
          "error: Failed to define domain from "
              + file
              + "\nerror: (domain_definition):1: "
              + e.getMessage()
              + "\n");
    }
    Element root = doc.getDocumentElement();
    if (!root.getTagName().equals("domain")) {
      return ExecResult.err(
          "error: Failed to define domain from "
              + file
              + "\nerror: XML error: unexpected root element <"
              + root.getTagName()
              + ">, expecting <domain>\n");
    }
    String name = text(root, "name");
    if (name == null || name.isBlank()) {
      return ExecResult.err(
          "error: Failed to define domain from "
              + file
              + "\nerror: XML error: missing domain name information\n");
    }
    long memMb;
    int vcpu;
    try {
      Element mem = child(root, "memory");
      long value = Long.parseLong(mem.getTextContent().strip());
      String unit = mem.getAttribute("unit").isEmpty() ? "KiB" : mem.getAttribute("unit");
      memMb =
          switch (unit) {
            case "KiB", "k", "K" -> value / 1024;
            case "MiB", "M", "m" -> value;
            case "GiB", "G", "g" -> value * 1024;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
          };
      vcpu = Integer.parseInt(text(root, "vcpu").strip());
    } catch (RuntimeException e) {
      return ExecResult.err(
          "error: Failed to define domain from "
              + file
              + "\nerror: XML error: invalid memory or vcpu: "
              + e.getMessage()
              + "\n");
    }
    if (vcpu < 1 || memMb < 1) {
      return ExecResult.err(
          "error: Failed to define domain from "
              + file
              + "\nerror: XML error: Invalid number of vCPUs or memory\n");
    }
    List<HypervisorState.DomainInterface> nics = new ArrayList<>();
    NodeList ifaces = root.getElementsByTagName("interface");
    for (int i = 0; i < ifaces.getLength(); i++) {
      Element e = (Element) ifaces.item(i);
      String mac = attr(e, "mac", "address");
      String bridge = attr(e, "source", "bridge");
      String ifaceId = attr(e, "parameters", "interfaceid");
      String target = attr(e, "target", "dev");
      if (mac == null) {
        int h = Math.abs((name + i).hashCode());
        mac = String.format("52:54:00:%02x:%02x:%02x", (h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff);
      }
      if (target == null) {
        target = "vnet" + i;
      }
      nics.add(
          new HypervisorState.DomainInterface(
              mac.toLowerCase(Locale.ROOT), bridge, ifaceId, target));
    }
    List<HypervisorState.DomainDisk> disks = new ArrayList<>();
    NodeList diskNodes = root.getElementsByTagName("disk");
    for (int i = 0; i < diskNodes.getLength(); i++) {
      Element e = (Element) diskNodes.item(i);
      disks.add(
          new HypervisorState.DomainDisk(
              attr(e, "source", "pool"), attr(e, "source", "volume"), attr(e, "target", "dev")));
    }
    String fail = "error: Failed to define domain from " + file + "\n";
    String type = root.getAttribute("type");
    if (!type.equals("kvm") && !type.equals("qemu")) {
      return ExecResult.err(
          fail + "error: unsupported configuration: unknown virt type '" + type + "'\n");
    }
    if (type.equals("kvm") && !state.kvm) {
      return ExecResult.err(
          fail
              + "error: invalid argument: could not get preferred machine for"
              + " /usr/bin/qemu-system-x86_64 type=kvm\n");
    }
    // As libvirt: a name keeps its UUID for life, and a UUID belongs to one name.
    HypervisorState.Domain old = state.domains.get(name);
    String uuid = text(root, "uuid");
    uuid = uuid == null ? null : uuid.strip().toLowerCase(Locale.ROOT);
    if (old != null && !old.uuid().equals(uuid)) {
      return ExecResult.err(
          fail
              + "error: operation failed: domain '"
              + name
              + "' already exists with uuid "
              + old.uuid()
              + "\n");
    }
    for (HypervisorState.Domain other : state.domains.values()) {
      if (!other.name().equals(name) && other.uuid().equals(uuid)) {
        return ExecResult.err(
            fail
                + "error: operation failed: domain '"
                + other.name()
                + "' is already defined with uuid "
                + uuid
                + "\n");
      }
    }
    if (uuid == null) {
      uuid = UUID.randomUUID().toString();
    }
    state.domains.put(
        name,
        new HypervisorState.Domain(
            name,
            uuid,
            old == null ? "shut off" : old.state(),
            old == null ? null : old.id(),
            vcpu,
            memMb,
            true,
            List.copyOf(nics),
            type,
            metadata(root),
            List.copyOf(disks)));
    return ExecResult.ok("Domain '" + name + "' defined from " + file + "\n\n");
  }

  /** The {@code <metadata>} element as given, or "" when there is none. */
  private static String metadata(Element root) {
    NodeList l = root.getElementsByTagName("metadata");
    if (l.getLength() == 0) {
      return "";
    }
    try {
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      var out = new StringWriter();
      t.transform(new DOMSource(l.item(0)), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code virsh dumpxml}: what libvirt would print for this domain (the parts the lab keeps). */
  private static String dumpxml(HypervisorState.Domain d) {
    var xml = new StringBuilder();
    xml.append("<domain type='").append(d.type()).append("'");
    if (d.id() != null) {
      xml.append(" id='").append(d.id()).append("'");
    }
    xml.append(">\n  <name>").append(d.name()).append("</name>\n");
    xml.append("  <uuid>").append(d.uuid()).append("</uuid>\n");
    if (!d.metadata().isEmpty()) {
      xml.append("  ").append(d.metadata()).append("\n");
    }
    xml.append("  <memory unit='KiB'>").append(d.memoryMb() * 1024).append("</memory>\n");
    xml.append("  <vcpu placement='static'>").append(d.vcpu()).append("</vcpu>\n");
    xml.append("  <os>\n    <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>\n");
    xml.append("    <boot dev='hd'/>\n  </os>\n  <devices>\n");
    for (HypervisorState.DomainDisk disk : d.disks()) {
      xml.append("    <disk type='volume' device='disk'>\n      <source pool='")
          .append(disk.pool())
          .append("' volume='")
          .append(disk.volume())
          .append("'/>\n      <target dev='")
          .append(disk.target())
          .append("' bus='virtio'/>\n    </disk>\n");
    }
    for (HypervisorState.DomainInterface nic : d.interfaces()) {
      xml.append("    <interface type='bridge'>\n");
      xml.append("      <mac address='").append(nic.mac()).append("'/>\n");
      if (nic.bridge() != null) {
        xml.append("      <source bridge='").append(nic.bridge()).append("'/>\n");
      }
      if (nic.interfaceId() != null) {
        xml.append("      <virtualport type='openvswitch'>\n        <parameters interfaceid='")
            .append(nic.interfaceId())
            .append("'/>\n      </virtualport>\n");
      }
      xml.append("      <target dev='").append(nic.target()).append("'/>\n");
      xml.append("      <model type='virtio'/>\n    </interface>\n");
    }
    return xml.append("  </devices>\n</domain>\n\n").toString();
  }

  /** {@code virsh domcapabilities}: kvm where the host has it, else qemu (emulation). */
  private ExecResult domcapabilities(List<String> rest) {
    int i = rest.indexOf("--virttype");
    String asked = i >= 0 && i + 1 < rest.size() ? rest.get(i + 1) : null;
    if ("kvm".equals(asked) && !state.kvm) {
      return ExecResult.err(
          "error: failed to get emulator capabilities\nerror: invalid argument: the accel 'kvm' is"
              + " not supported by '/usr/bin/qemu-system-x86_64' on this host\n");
    }
    String type = asked != null ? asked : state.kvm ? "kvm" : "qemu";
    return ExecResult.ok(
        "<domainCapabilities>\n  <path>/usr/bin/qemu-system-x86_64</path>\n  <domain>"
            + type
            + "</domain>\n  <machine>pc-i440fx-7.2</machine>\n  <arch>x86_64</arch>\n"
            + "</domainCapabilities>\n\n");
  }

  private static Element child(Element root, String tag) {
    NodeList l = root.getElementsByTagName(tag);
    if (l.getLength() == 0) {
      throw new IllegalArgumentException("missing <" + tag + ">");
    }
    return (Element) l.item(0);
  }

  private static String text(Element root, String tag) {
    NodeList l = root.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }

  private static String attr(Element e, String tag, String attribute) {
    NodeList l = e.getElementsByTagName(tag);
    if (l.getLength() == 0) {
      return null;
    }
    String v = ((Element) l.item(0)).getAttribute(attribute);
    return v.isEmpty() ? null : v;
  }

  private ExecResult start(List<String> rest) {
    return withDomain(
        rest,
        d -> {
          String fail = "error: Failed to start domain '" + d.name() + "'\n";
          if (d.running()) {
            return ExecResult.err(
                fail + "error: Requested operation is not valid: domain is already running\n");
          }
          var spec = state.spec();
          int cpuLimit = (int) Math.floor(spec.cpuCores() * spec.effectiveCpuOvercommit());
          long memLimit = (long) Math.floor(spec.memoryMb() * spec.effectiveMemoryOvercommit());
          int cpuUsed = state.allocatedVcpus();
          long memUsed = state.allocatedMemoryMb();
          if (cpuUsed + d.vcpu() > cpuLimit) {
            return ExecResult.err(
                fail
                    + String.format(
                        Locale.ROOT,
                        "error: internal error: cannot allocate %d vCPUs: %d of %d schedulable vCPUs in use (%d cores x %.1f over-commit)\n",
                        d.vcpu(),
                        cpuUsed,
                        cpuLimit,
                        spec.cpuCores(),
                        spec.effectiveCpuOvercommit()));
          }
          if (memUsed + d.memoryMb() > memLimit) {
            return ExecResult.err(
                fail
                    + String.format(
                        Locale.ROOT,
                        "error: internal error: process exited while connecting to monitor: cannot set up guest memory 'pc.ram': Cannot allocate memory (requested %d MiB, %d of %d MiB in use, %d MiB x %.1f over-commit)\n",
                        d.memoryMb(),
                        memUsed,
                        memLimit,
                        spec.memoryMb(),
                        spec.effectiveMemoryOvercommit()));
          }
          for (HypervisorState.DomainInterface nic : d.interfaces()) {
            if (nic.interfaceId() != null || nic.bridge() != null) {
              String br = nic.bridge() == null ? "br-int" : nic.bridge();
              if (!state.ovsActive) {
                return ExecResult.err(
                    fail
                        + "error: Unable to add port "
                        + nic.target()
                        + " to OVS bridge "
                        + br
                        + ": database connection failed (No such file or directory)\n");
              }
              if (!state.bridges.contains(br)) {
                return ExecResult.err(
                    fail
                        + "error: Unable to add port "
                        + nic.target()
                        + " to OVS bridge "
                        + br
                        + ": no bridge named "
                        + br
                        + "\n");
              }
            }
          }
          String missing = missingVolume(d);
          if (missing != null) {
            return ExecResult.err(
                fail
                    + "error: Cannot access storage file '"
                    + LabStorage.path(missing)
                    + "': No such file or directory\n");
          }
          for (HypervisorState.DomainInterface nic : d.interfaces()) {
            if (nic.interfaceId() != null || nic.bridge() != null) {
              state.ports.put(
                  nic.target(),
                  new String[] {nic.bridge() == null ? "br-int" : nic.bridge(), nic.interfaceId()});
            }
          }
          state.domains.put(d.name(), withState(d, "running", state.nextId++));
          state.consoles.put(d.name(), GuestBoot.console(state, d));
          return ExecResult.ok("Domain '" + d.name() + "' started\n\n");
        });
  }

  /** A disk's volume (or a volume in its backing chain) that is not in its pool, or null. */
  private String missingVolume(HypervisorState.Domain d) {
    for (HypervisorState.DomainDisk disk : d.disks()) {
      String volume = disk.volume();
      while (volume != null) {
        var v = state.pools.getOrDefault(disk.pool(), java.util.Map.of()).get(volume);
        if (v == null) {
          return volume;
        }
        volume = v.backing();
      }
    }
    return null;
  }

  private ExecResult pauseOrResume(List<String> rest, String from, String to, String verb) {
    return withDomain(
        rest,
        d -> {
          if (!d.state().equals(from)) {
            return ExecResult.err(
                "error: Failed to "
                    + (to.equals("paused") ? "suspend" : "resume")
                    + " domain '"
                    + d.name()
                    + "'\nerror: Requested operation is not valid: domain is not "
                    + from
                    + "\n");
          }
          state.domains.put(d.name(), withState(d, to, d.id()));
          return ExecResult.ok("Domain '" + d.name() + "' " + verb + "\n\n");
        });
  }

  /** {@code tail -c N FILE}: only the guests' console logs exist in the lab's file system. */
  private ExecResult tail(List<String> a) {
    String file = a.isEmpty() ? "" : a.getLast();
    String prefix = "/var/log/libvirt/qemu/";
    String suffix = "-console.log";
    if (file.startsWith(prefix) && file.endsWith(suffix)) {
      String domain = file.substring(prefix.length(), file.length() - suffix.length());
      if (state.consoles.containsKey(domain)) {
        int n = a.indexOf("-c") >= 0 ? Integer.parseInt(a.get(a.indexOf("-c") + 1)) : 16384;
        String text = state.consoles.get(domain);
        return ExecResult.ok(text.substring(Math.max(0, text.length() - n)));
      }
    }
    return new ExecResult(
        "", "tail: cannot open '" + file + "' for reading: No such file or directory\n", 1);
  }

  private static HypervisorState.Domain withState(HypervisorState.Domain d, String s, Integer id) {
    return d.with(s, id, d.persistent());
  }

  private ExecResult destroy(List<String> rest) {
    return withDomain(
        rest,
        d -> {
          if (!d.running() && !d.state().equals("paused")) {
            return ExecResult.err(
                "error: Failed to destroy domain '"
                    + d.name()
                    + "'\nerror: Requested operation is not valid: domain is not running\n");
          }
          for (HypervisorState.DomainInterface nic : d.interfaces()) {
            state.ports.remove(nic.target());
          }
          if (d.persistent()) {
            state.domains.put(d.name(), withState(d, "shut off", null));
          } else {
            state.domains.remove(d.name());
          }
          return ExecResult.ok("Domain '" + d.name() + "' destroyed\n\n");
        });
  }

  private ExecResult undefine(List<String> rest) {
    return withDomain(
        rest,
        d -> {
          if (d.running()) {
            state.domains.put(d.name(), d.with(d.state(), d.id(), false));
          } else {
            state.domains.remove(d.name());
          }
          return ExecResult.ok("Domain '" + d.name() + "' has been undefined\n\n");
        });
  }

  private ExecResult list(List<String> rest) {
    boolean all = rest.contains("--all");
    boolean nameOnly = rest.contains("--name");
    List<HypervisorState.Domain> ds =
        state.domains.values().stream().filter(d -> all || d.running()).toList();
    if (nameOnly) {
      StringBuilder sb = new StringBuilder();
      ds.forEach(d -> sb.append(d.name()).append('\n'));
      return ExecResult.ok(sb.append('\n').toString());
    }
    int w = Math.max(4, ds.stream().mapToInt(d -> d.name().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(" %-4s %-" + (w + 1) + "s %s%n", "Id", "Name", "State"));
    sb.append("-".repeat(w + 20)).append('\n');
    for (HypervisorState.Domain d : ds) {
      sb.append(
          String.format(
              " %-4s %-" + (w + 1) + "s %s%n",
              d.id() == null ? "-" : d.id().toString(),
              d.name(),
              d.state()));
    }
    return ExecResult.ok(sb.append('\n').toString());
  }

  private ExecResult dominfo(List<String> rest) {
    return withDomain(
        rest,
        d -> {
          StringBuilder sb = new StringBuilder();
          Map<String, String> rows = new java.util.LinkedHashMap<>();
          rows.put("Id", d.id() == null ? "-" : d.id().toString());
          rows.put("Name", d.name());
          rows.put("UUID", d.uuid());
          rows.put("OS Type", "hvm");
          rows.put("State", d.state());
          rows.put("CPU(s)", String.valueOf(d.vcpu()));
          if (d.running()) {
            rows.put("CPU time", "12.3s");
          }
          rows.put("Max memory", (d.memoryMb() * 1024) + " KiB");
          rows.put("Used memory", (d.memoryMb() * 1024) + " KiB");
          rows.put("Persistent", d.persistent() ? "yes" : "no");
          rows.put("Autostart", "disable");
          rows.put("Managed save", "no");
          rows.put("Security model", "none");
          rows.put("Security DOI", "0");
          rows.forEach((k, v) -> sb.append(String.format("%-16s%s%n", k + ":", v)));
          return ExecResult.ok(sb.append('\n').toString());
        });
  }

  private ExecResult domiflist(List<String> rest) {
    return withDomain(
        rest,
        d -> {
          StringBuilder sb = new StringBuilder();
          sb.append(" Interface   Type     Source   Model    MAC\n");
          sb.append("-------------------------------------------------------\n");
          for (HypervisorState.DomainInterface nic : d.interfaces()) {
            sb.append(
                String.format(
                    " %-11s %-8s %-8s %-8s %s%n",
                    d.running() ? nic.target() : "-",
                    "bridge",
                    nic.bridge() == null ? "-" : nic.bridge(),
                    "virtio",
                    nic.mac()));
          }
          return ExecResult.ok(sb.append('\n').toString());
        });
  }

  private ExecResult nodeinfo() {
    var spec = state.spec();
    int sockets = spec.cpuCores() >= 16 ? 2 : 1;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-21s%s%n", "CPU model:", "x86_64"));
    sb.append(String.format("%-21s%d%n", "CPU(s):", spec.cpuCores()));
    sb.append(String.format("%-21s%s%n", "CPU frequency:", "2400 MHz"));
    sb.append(String.format("%-21s%d%n", "CPU socket(s):", 1));
    sb.append(
        String.format(
            "%-21s%d%n",
            "Core(s) per socket:",
            spec.cpuCores() / sockets / 2 == 0 ? 1 : spec.cpuCores() / sockets / 2));
    sb.append(String.format("%-21s%d%n", "Thread(s) per core:", 2));
    sb.append(String.format("%-21s%d%n", "NUMA cell(s):", sockets));
    sb.append(String.format("%-21s%d KiB%n", "Memory size:", spec.memoryMb() * 1024));
    return ExecResult.ok(sb.append('\n').toString());
  }

  // ------------------------------------------------------------------ ovs-vsctl

  /**
   * As ovs-vsctl does after committing a change: wait until ovs-vswitchd has applied it. With
   * ovs-vswitchd down that is forever, unless {@code --timeout=N} (then SIGALRM after N s, exit
   * 142). The change itself stays committed, as in ovsdb.
   */
  private ExecResult awaitVswitchd(List<String> command, ExecResult committed) {
    long timeoutMillis = Long.MAX_VALUE;
    for (String t : command) {
      if (t.startsWith("--timeout=")) {
        timeoutMillis = Long.parseLong(t.substring("--timeout=".length())) * 1000;
      }
    }
    long deadline = System.currentTimeMillis() + Math.min(timeoutMillis, 3_600_000L);
    try {
      while (!state.vswitchdActive) {
        if (System.currentTimeMillis() >= deadline) {
          return new ExecResult(
              "", "ovs-vsctl: |fatal_signal|WARN|terminating with signal 14 (Alarm clock)\n", 142);
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return committed;
  }

  private ExecResult ovs(List<String> a) {
    if (!state.ovsActive) {
      return ExecResult.err(
          "ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (No such file or directory)\n");
    }
    // split into "--"-separated commands; options precede each command
    List<List<String>> cmds = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    for (String s : a) {
      if (s.equals("--")) {
        if (!cur.isEmpty()) {
          cmds.add(cur);
        }
        cur = new ArrayList<>();
      } else {
        cur.add(s);
      }
    }
    if (!cur.isEmpty()) {
      cmds.add(cur);
    }
    if (cmds.isEmpty()) {
      return ExecResult.err("ovs-vsctl: missing command name (use --help for help)\n");
    }
    TreeSet<String> bridges = new TreeSet<>(state.bridges);
    Map<String, String[]> ports = new TreeMap<>();
    state.ports.forEach((k, v) -> ports.put(k, v.clone()));
    StringBuilder out = new StringBuilder();
    for (List<String> c : cmds) {
      boolean mayExist = false;
      boolean ifExists = false;
      List<String> w = new ArrayList<>();
      for (String s : c) {
        if (w.isEmpty() && s.startsWith("--")) {
          if (s.equals("--may-exist")) {
            mayExist = true;
          } else if (s.equals("--if-exists")) {
            ifExists = true;
          }
          continue; // --timeout=N and friends
        }
        w.add(s);
      }
      if (w.isEmpty()) {
        continue;
      }
      String cmd = w.getFirst();
      String err = null;
      switch (cmd) {
        case "add-br" -> {
          if (w.size() != 2) {
            err = "'add-br' command requires at least 1 arguments";
          } else if (bridges.contains(w.get(1))) {
            if (!mayExist) {
              err =
                  "cannot create a bridge named "
                      + w.get(1)
                      + " because a bridge named "
                      + w.get(1)
                      + " already exists";
            }
          } else {
            bridges.add(w.get(1));
          }
        }
        case "del-br" -> {
          if (w.size() != 2) {
            err = "'del-br' command requires at least 1 arguments";
          } else if (!bridges.remove(w.get(1)) && !ifExists) {
            err = "no bridge named " + w.get(1);
          } else {
            ports.values().removeIf(p -> p[0].equals(w.get(1)));
          }
        }
        case "list-br" -> bridges.forEach(b -> out.append(b).append('\n'));
        case "br-exists" -> {
          if (!bridges.contains(w.get(1))) {
            return new ExecResult("", "", 2);
          }
        }
        case "add-port" -> {
          if (w.size() < 3) {
            err = "'add-port' command requires at least 2 arguments";
          } else if (!bridges.contains(w.get(1))) {
            err = "no bridge named " + w.get(1);
          } else if (ports.containsKey(w.get(2))) {
            if (!mayExist) {
              err =
                  "cannot create a port named "
                      + w.get(2)
                      + " because a port named "
                      + w.get(2)
                      + " already exists on bridge "
                      + ports.get(w.get(2))[0];
            }
          } else {
            ports.put(w.get(2), new String[] {w.get(1), null});
          }
        }
        case "del-port" -> {
          String port = w.size() == 3 ? w.get(2) : w.size() == 2 ? w.get(1) : null;
          if (port == null) {
            err = "'del-port' command requires at least 1 arguments";
          } else if (w.size() == 3 && !bridges.contains(w.get(1))) {
            err = "no bridge named " + w.get(1);
          } else if (ports.remove(port) == null && !ifExists) {
            err = "no port named " + port;
          }
        }
        case "list-ports" -> {
          if (w.size() != 2) {
            err = "'list-ports' command requires at least 1 arguments";
          } else if (!bridges.contains(w.get(1))) {
            err = "no bridge named " + w.get(1);
          } else {
            ports.forEach(
                (k, v) -> {
                  if (v[0].equals(w.get(1))) {
                    out.append(k).append('\n');
                  }
                });
          }
        }
        case "port-to-br", "iface-to-br" -> {
          String[] p = w.size() == 2 ? ports.get(w.get(1)) : null;
          if (p == null) {
            err = "no port named " + (w.size() == 2 ? w.get(1) : "");
          } else {
            out.append(p[0]).append('\n');
          }
        }
        case "get", "set", "remove" -> {
          if (w.size() >= 3 && w.get(1).equalsIgnoreCase("Bridge")) {
            // bridge columns (datapath_type, ...) change nothing the lab models
            err = bridges.contains(w.get(2)) ? null : "no row \"" + w.get(2) + "\" in table Bridge";
          } else {
            err = column(cmd, w, ports, out, ifExists);
          }
        }
        default -> err = "unknown command '" + cmd + "'; use --help for help";
      }
      if (err != null) {
        return ExecResult.err("ovs-vsctl: " + err + "\n");
      }
    }
    state.ovsChanged = !bridges.equals(state.bridges) || !samePorts(ports, state.ports);
    state.bridges.clear();
    state.bridges.addAll(bridges);
    state.ports.clear();
    state.ports.putAll(ports);
    return ExecResult.ok(out.toString());
  }

  private static boolean samePorts(Map<String, String[]> a, Map<String, String[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.entrySet().stream()
        .allMatch(e -> java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  /** get/set/remove on the Interface (or Port) table's external_ids:iface-id. */
  private static String column(
      String cmd,
      List<String> w,
      Map<String, String[]> ports,
      StringBuilder out,
      boolean ifExists) {
    if (w.size() < 4) {
      return "'" + cmd + "' command requires at least 3 arguments";
    }
    String table = w.get(1);
    if (!table.equals("Interface") && !table.equals("Port")) {
      return "unknown table \"" + table + "\"";
    }
    String record = w.get(2);
    String[] p = ports.get(record);
    if (p == null) {
      return ifExists ? null : "no row \"" + record + "\" in table " + table;
    }
    for (String spec : w.subList(3, w.size())) {
      String s = spec.replace("external-ids", "external_ids");
      switch (cmd) {
        case "get" -> {
          if (s.equals("external_ids:iface-id")) {
            if (p[1] == null) {
              return "no key \"iface-id\" in "
                  + table
                  + " record \""
                  + record
                  + "\" column external_ids";
            }
            out.append('"').append(p[1]).append('"').append('\n');
          } else if (s.equals("external_ids")) {
            out.append(p[1] == null ? "{}" : "{iface-id=\"" + p[1] + "\"}").append('\n');
          } else if (s.equals("name")) {
            out.append(record).append('\n');
          } else {
            return "Interface does not contain a column whose name matches \"" + s + "\"";
          }
        }
        case "set" -> {
          if (s.startsWith("external_ids:iface-id=")) {
            p[1] = s.substring("external_ids:iface-id=".length());
          } else if (!s.startsWith("external_ids:")) {
            return "Interface does not contain a column whose name matches \"" + s + "\"";
          }
        }
        default -> {
          if (s.equals("external_ids") || s.startsWith("external_ids")) {
            p[1] = null;
          }
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ systemctl

  private static final Map<String, String> UNITS = new HashMap<>();

  static {
    UNITS.put("libvirtd", "libvirtd");
    UNITS.put("libvirtd.service", "libvirtd");
    UNITS.put("openvswitch-switch", "openvswitch-switch");
    UNITS.put("openvswitch-switch.service", "openvswitch-switch");
    UNITS.put("openvswitch", "openvswitch-switch");
    UNITS.put("ovs-vswitchd", "ovs-vswitchd");
    UNITS.put("ovs-vswitchd.service", "ovs-vswitchd");
  }

  private ExecResult systemctl(List<String> a) {
    if (a.size() != 2) {
      return ExecResult.err("Too few arguments.\n");
    }
    String unit = UNITS.get(a.get(1));
    if (unit == null) {
      return new ExecResult(
          "",
          "Unit " + a.get(1) + ".service could not be found.\n",
          a.getFirst().equals("status") ? 4 : 5);
    }
    if (unit.equals("ovs-vswitchd")) {
      return vswitchd(a.getFirst());
    }
    boolean libvirt = unit.equals("libvirtd");
    switch (a.getFirst()) {
      case "status", "is-active" -> {
        boolean active = libvirt ? state.libvirtdActive : state.ovsActive;
        if (a.getFirst().equals("is-active")) {
          return new ExecResult(active ? "active\n" : "inactive\n", "", active ? 0 : 3);
        }
        String desc = libvirt ? "Virtualization daemon" : "Open vSwitch";
        String out =
            (active ? "● " : "○ ")
                + unit
                + ".service - "
                + desc
                + "\n"
                + "     Loaded: loaded (/lib/systemd/system/"
                + unit
                + ".service; enabled; vendor preset: enabled)\n"
                + (active
                    ? "     Active: active (running) since Mon 2026-11-02 08:00:00 UTC; 3h ago\n"
                    : "     Active: inactive (dead)\n");
        return new ExecResult(out, "", active ? 0 : 3);
      }
      case "restart", "start" -> {
        if (libvirt) {
          state.libvirtdActive = true;
        } else {
          restartOvs(a.getFirst().equals("restart") || !state.ovsActive);
        }
        return ExecResult.ok("");
      }
      case "stop" -> {
        if (libvirt) {
          state.libvirtdActive = false;
        } else {
          state.ovsActive = false;
        }
        return ExecResult.ok("");
      }
      default -> {
        return ExecResult.err("Unknown command verb " + a.getFirst() + ".\n");
      }
    }
  }

  /** ovs-vswitchd alone: ovsdb-server stays up, so ovs-vsctl still connects and commits. */
  private ExecResult vswitchd(String verb) {
    switch (verb) {
      case "is-active", "status" -> {
        boolean active = state.vswitchdActive;
        return new ExecResult(active ? "active\n" : "inactive\n", "", active ? 0 : 3);
      }
      case "start", "restart" -> state.vswitchdActive = true;
      case "stop" -> state.vswitchdActive = false;
      default -> {
        return ExecResult.err("Unknown command verb " + verb + ".\n");
      }
    }
    return ExecResult.ok("");
  }

  /**
   * Seed 000's hazard: restarting Open vSwitch under running VMs loses their tap ports; they stay
   * detached until re-plugged with ovs-vsctl add-port (or the VM is restarted).
   */
  private void restartOvs(boolean detach) {
    state.ovsActive = true;
    state.vswitchdActive = true;
    state.countOvsRestart();
    if (!detach) {
      return;
    }
    for (HypervisorState.Domain d : state.domains.values()) {
      if (d.running()) {
        d.interfaces().forEach(nic -> state.ports.remove(nic.target()));
      }
    }
  }
}
