package io.longhaul.lab.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a topology from YAML. Errors name the source and the line:column of the offending node
 * (1-based), e.g. {@code topo.yaml:12:9: switch 'leaf1': unknown dialect 'ios' (nxos, eos)}.
 *
 * <p>Spine uplinks are implicit: leaf number {@code L} (1-based, in the site's switch order) is
 * cabled from its interface {@code interfaceCount - spineCount + S} to interface {@code L} of spine
 * {@code S}.
 */
public final class TopologyLoader {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern NIC = Pattern.compile("eth[0-9]{1,2}");

  private final String source;
  private final Map<Object, Mark> marks = new IdentityHashMap<>();

  private TopologyLoader(String source) {
    this.source = source;
  }

  public static Topology fromYaml(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return fromYaml(in, path.toString());
    } catch (IOException e) {
      throw new TopologyException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  public static Topology fromYaml(InputStream in) {
    return fromYaml(in, "<topology>");
  }

  public static Topology fromYaml(InputStream in, String sourceName) {
    return new TopologyLoader(sourceName).load(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  public static Topology fromYaml(String yaml, String sourceName) {
    return new TopologyLoader(sourceName).load(new java.io.StringReader(yaml));
  }

  /** Checks cross-references of a topology built in code (e.g. by the generator). */
  public static Topology validate(Topology topology) {
    new TopologyLoader("<topology>").check(topology);
    return topology;
  }

  private Topology load(Reader reader) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(new SafeConstructor(options)).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new TopologyException(at(m) + "invalid YAML: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new TopologyException(source + ": invalid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      throw new TopologyException(source + ": empty topology file");
    }
    MappingNode top = mapping(root, "topology");
    List<SiteSpec> sites = new ArrayList<>();
    for (Node n : sequence(required(top, "sites", "topology"), "sites")) {
      sites.add(site(n));
    }
    if (sites.isEmpty()) {
      throw new TopologyException(at(root.getStartMark()) + "topology has no sites");
    }
    Topology t = new Topology(sites);
    check(t);
    return t;
  }

  private SiteSpec site(Node node) {
    MappingNode m = mapping(node, "site");
    String code = name(m, "code", "site");
    String what = "site '" + code + "'";
    String name = optionalString(m, "name", what, code);
    String tz = optionalString(m, "timeZone", what, "UTC");
    try {
      java.time.ZoneId.of(tz);
    } catch (RuntimeException e) {
      throw new TopologyException(
          at(find(m, "timeZone")) + what + ": unknown timeZone '" + tz + "'");
    }
    List<SwitchSpec> switches = new ArrayList<>();
    for (Node n : sequence(optional(m, "switches"), "switches")) {
      switches.add(switchSpec(n, what));
    }
    List<HypervisorSpec> hvs = new ArrayList<>();
    for (Node n : sequence(optional(m, "hypervisors"), "hypervisors")) {
      hvs.add(hypervisor(n, what));
    }
    List<NetworkSpec> nets = new ArrayList<>();
    for (Node n : sequence(optional(m, "networks"), "networks")) {
      nets.add(network(n, what));
    }
    List<ClusterSpec> clusters = new ArrayList<>();
    for (Node n : sequence(optional(m, "clusters"), "clusters")) {
      clusters.add(cluster(n, what));
    }
    SiteSpec s = new SiteSpec(code, name, tz, switches, hvs, nets, clusters);
    marks.put(s, node.getStartMark());
    return s;
  }

  private SwitchSpec switchSpec(Node node, String site) {
    MappingNode m = mapping(node, site + " switch");
    String name = name(m, "name", site + " switch");
    String what = "switch '" + name + "'";
    String role = string(m, "role", what);
    if (!role.equals(SwitchSpec.LEAF) && !role.equals(SwitchSpec.SPINE)) {
      throw new TopologyException(
          at(find(m, "role")) + what + ": unknown role '" + role + "' (leaf, spine)");
    }
    String dialect = string(m, "dialect", what);
    if (!dialect.equals(SwitchSpec.NXOS) && !dialect.equals(SwitchSpec.EOS)) {
      throw new TopologyException(
          at(find(m, "dialect")) + what + ": unknown dialect '" + dialect + "' (nxos, eos)");
    }
    String pair = optionalString(m, "leafPair", what, null);
    if (role.equals(SwitchSpec.LEAF) && pair == null) {
      throw new TopologyException(at(node.getStartMark()) + what + ": a leaf needs a leafPair");
    }
    if (role.equals(SwitchSpec.SPINE) && pair != null) {
      throw new TopologyException(at(find(m, "leafPair")) + what + ": a spine has no leafPair");
    }
    int count = (int) integer(m, "interfaceCount", what, 48, 1, 512);
    SwitchSpec s = new SwitchSpec(name, role, dialect, pair, count);
    marks.put(s, node.getStartMark());
    return s;
  }

  private HypervisorSpec hypervisor(Node node, String site) {
    MappingNode m = mapping(node, site + " hypervisor");
    String name = name(m, "name", site + " hypervisor");
    String what = "hypervisor '" + name + "'";
    int cores = (int) integer(m, "cpuCores", what, null, 1, 4096);
    long mem = integer(m, "memoryMb", what, null, 256, 64L * 1024 * 1024);
    List<NicSpec> nics = new ArrayList<>();
    for (Node n : sequence(required(m, "nics", what), "nics")) {
      MappingNode nm = mapping(n, what + " nic");
      String nic = string(nm, "nic", what + " nic");
      if (!NIC.matcher(nic).matches()) {
        throw new TopologyException(at(find(nm, "nic")) + what + ": bad NIC name '" + nic + "'");
      }
      NicSpec spec =
          new NicSpec(
              nic,
              string(nm, "switch", what + " " + nic),
              string(nm, "interface", what + " " + nic));
      marks.put(spec, n.getStartMark());
      nics.add(spec);
    }
    Double cpuOc = decimal(m, "cpuOvercommit", what);
    Double memOc = decimal(m, "memoryOvercommit", what);
    HypervisorSpec h = new HypervisorSpec(name, cores, mem, nics, cpuOc, memOc);
    marks.put(h, node.getStartMark());
    return h;
  }

  private NetworkSpec network(Node node, String site) {
    MappingNode m = mapping(node, site + " network");
    String name = name(m, "name", site + " network");
    String what = "network '" + name + "'";
    List<String> labels = new ArrayList<>();
    for (Node n : sequence(optional(m, "labels"), "labels")) {
      labels.add(scalar(n, what + " label"));
    }
    String cidr = string(m, "cidr", what);
    String gw = string(m, "gateway", what);
    String cidrProblem = Cidr.problem(cidr, gw);
    if (cidrProblem != null) {
      throw new TopologyException(at(find(m, "cidr")) + what + ": " + cidrProblem);
    }
    int vlan = (int) integer(m, "vlan", what, null, 1, 4094);
    Node vniNode = optional(m, "vni");
    Integer vni = vniNode == null ? null : (int) integer(m, "vni", what, null, 1, 16_777_215);
    NetworkSpec s = new NetworkSpec(name, labels, cidr, gw, vlan, vni);
    marks.put(s, node.getStartMark());
    return s;
  }

  private ClusterSpec cluster(Node node, String site) {
    MappingNode m = mapping(node, site + " cluster");
    String name = name(m, "name", site + " cluster");
    String what = "cluster '" + name + "'";
    String kind = string(m, "kind", what);
    if (!kind.equals(ClusterSpec.MESH) && !kind.equals(ClusterSpec.HDFS)) {
      throw new TopologyException(
          at(find(m, "kind"))
              + what
              + ": unknown kind '"
              + kind
              + "' (the lab simulates mesh and hdfs)");
    }
    String version = optionalString(m, "version", what, "1.24.2");
    if (!version.matches("[0-9]+\\.[0-9]+\\.[0-9]+([-.][a-z0-9.]+)?")) {
      throw new TopologyException(
          at(find(m, "version")) + what + ": bad version '" + version + "' (x.y.z)");
    }
    ClusterSpec c = new ClusterSpec(name, kind, version);
    marks.put(c, node.getStartMark());
    return c;
  }

  private void check(Topology t) {
    Set<String> deviceNames = new HashSet<>();
    Set<String> siteCodes = new HashSet<>();
    for (SiteSpec site : t.sites()) {
      if (!siteCodes.add(site.code())) {
        fail(site, "duplicate site code '" + site.code() + "'");
      }
      Map<String, SwitchSpec> switches = new HashMap<>();
      Map<String, List<SwitchSpec>> pairs = new HashMap<>();
      for (SwitchSpec s : site.switches()) {
        if (!deviceNames.add(s.name())) {
          fail(s, "duplicate device name '" + s.name() + "'");
        }
        switches.put(s.name(), s);
        if (s.isLeaf()) {
          pairs.computeIfAbsent(s.leafPair(), k -> new ArrayList<>()).add(s);
        }
      }
      pairs.forEach(
          (pair, members) -> {
            if (members.size() != 2) {
              fail(
                  members.getFirst(),
                  "leaf pair '" + pair + "' has " + members.size() + " leaves, needs 2");
            }
          });
      int spineCount = site.spines().size();
      Set<String> cabled = new HashSet<>();
      for (SwitchSpec leaf : site.leaves()) {
        if (spineCount > 0 && leaf.interfaceCount() <= spineCount) {
          fail(
              leaf,
              "switch '" + leaf.name() + "' has too few interfaces for " + spineCount + " uplinks");
        }
        for (int sp = 1; sp <= spineCount; sp++) {
          cabled.add(leaf.name() + "|" + (leaf.interfaceCount() - spineCount + sp));
        }
      }
      for (SwitchSpec spine : site.spines()) {
        if (spine.interfaceCount() < site.leaves().size()) {
          fail(spine, "spine '" + spine.name() + "' has fewer interfaces than the site has leaves");
        }
      }
      for (HypervisorSpec h : site.hypervisors()) {
        if (!deviceNames.add(h.name())) {
          fail(h, "duplicate device name '" + h.name() + "'");
        }
        Set<String> nicNames = new HashSet<>();
        for (NicSpec nic : h.nics()) {
          if (!nicNames.add(nic.nic())) {
            fail(nic, "hypervisor '" + h.name() + "': duplicate NIC " + nic.nic());
          }
          SwitchSpec sw = switches.get(nic.switchName());
          if (sw == null) {
            fail(
                nic,
                "hypervisor '"
                    + h.name()
                    + "' "
                    + nic.nic()
                    + ": unknown switch '"
                    + nic.switchName()
                    + "' in site "
                    + site.code());
          }
          int n = sw.interfaceNumber(nic.interfaceName());
          if (n < 0 || !sw.interfaceName(n).equals(nic.interfaceName())) {
            fail(
                nic,
                "hypervisor '"
                    + h.name()
                    + "' "
                    + nic.nic()
                    + ": switch '"
                    + sw.name()
                    + "' has no interface '"
                    + nic.interfaceName()
                    + "' ("
                    + sw.interfaceName(1)
                    + ".."
                    + sw.interfaceName(sw.interfaceCount())
                    + ")");
          }
          if (!cabled.add(sw.name() + "|" + n)) {
            fail(
                nic,
                "hypervisor '"
                    + h.name()
                    + "' "
                    + nic.nic()
                    + ": "
                    + sw.name()
                    + " "
                    + nic.interfaceName()
                    + " is already cabled");
          }
        }
        if (h.cpuOvercommit() != null && h.cpuOvercommit() < 1.0
            || h.memoryOvercommit() != null && h.memoryOvercommit() < 0.1) {
          fail(
              h, "hypervisor '" + h.name() + "': over-commit ratios must be positive (cpu >= 1.0)");
        }
      }
      for (ClusterSpec c : site.clusters()) {
        if (!deviceNames.add(c.name())) {
          fail(c, "duplicate device name '" + c.name() + "'");
        }
      }
      Set<Integer> vlans = new HashSet<>();
      Set<String> netNames = new HashSet<>();
      for (NetworkSpec n : site.networks()) {
        if (!netNames.add(n.name())) {
          fail(n, "duplicate network name '" + n.name() + "'");
        }
        if (!vlans.add(n.vlan())) {
          fail(
              n,
              "network '"
                  + n.name()
                  + "': VLAN "
                  + n.vlan()
                  + " used twice in site "
                  + site.code());
        }
      }
    }
  }

  private void fail(Object spec, String message) {
    Mark m = marks.get(spec);
    throw new TopologyException((m == null ? source + ": " : at(m)) + message);
  }

  private String at(Mark m) {
    if (m == null) {
      return source + ": ";
    }
    return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ";
  }

  private MappingNode mapping(Node node, String what) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw new TopologyException(at(node.getStartMark()) + what + ": expected a mapping");
  }

  private List<Node> sequence(Node node, String what) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    throw new TopologyException(at(node.getStartMark()) + what + ": expected a list");
  }

  private Node optional(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private Mark find(MappingNode m, String key) {
    Node n = optional(m, key);
    return n == null ? m.getStartMark() : n.getStartMark();
  }

  private Node required(MappingNode m, String key, String what) {
    Node n = optional(m, key);
    if (n == null) {
      throw new TopologyException(at(m.getStartMark()) + what + ": missing '" + key + "'");
    }
    return n;
  }

  private String scalar(Node n, String what) {
    if (n instanceof ScalarNode s && !s.getValue().isEmpty()) {
      return s.getValue();
    }
    throw new TopologyException(at(n.getStartMark()) + what + ": expected a value");
  }

  private String string(MappingNode m, String key, String what) {
    return scalar(required(m, key, what), what + " " + key);
  }

  private String optionalString(MappingNode m, String key, String what, String dflt) {
    Node n = optional(m, key);
    return n == null ? dflt : scalar(n, what + " " + key);
  }

  private String name(MappingNode m, String key, String what) {
    String v = string(m, key, what);
    if (!NAME.matcher(v).matches()) {
      throw new TopologyException(
          at(find(m, key)) + what + ": bad " + key + " '" + v + "' (letters, digits, . _ -)");
    }
    return v;
  }

  private long integer(MappingNode m, String key, String what, Integer dflt, long min, long max) {
    Node n = optional(m, key);
    if (n == null) {
      if (dflt == null) {
        throw new TopologyException(at(m.getStartMark()) + what + ": missing '" + key + "'");
      }
      return dflt;
    }
    String v = scalar(n, what + " " + key);
    long value;
    try {
      value = Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new TopologyException(
          at(n.getStartMark()) + what + ": " + key + " '" + v + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new TopologyException(
          at(n.getStartMark())
              + what
              + ": "
              + key
              + " "
              + value
              + " out of range "
              + min
              + ".."
              + max);
    }
    return value;
  }

  private Double decimal(MappingNode m, String key, String what) {
    Node n = optional(m, key);
    if (n == null) {
      return null;
    }
    String v = scalar(n, what + " " + key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new TopologyException(
          at(n.getStartMark()) + what + ": " + key + " '" + v + "' is not a number");
    }
  }
}
