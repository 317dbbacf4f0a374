package io.longhaul.dsl;

import io.longhaul.dsl.check.ActionSpec;
import io.longhaul.dsl.check.Catalogs;
import io.longhaul.dsl.model.Runbook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogs the corpus is checked against: a few actions shaped like the registry's (the DSL
 * module cannot see the registry itself), and one stored runbook, {@code probe-one} v2.
 */
final class TestCatalogs {
  private TestCatalogs() {}

  static final Map<String, ActionSpec> ACTIONS = new LinkedHashMap<>();

  static {
    add(
        "log",
        Map.of("message", "string"),
        Set.of("message"),
        Map.of("message", "string"),
        true,
        "NONE",
        null);
    add(
        "ipam.allocate-port",
        Map.of("site", "string", "allocationKey", "string", "name", "string", "networkId", "int"),
        Set.of("site", "allocationKey"),
        Map.of("portId", "string", "ip", "string", "mac", "string", "prefixLength", "int"),
        false,
        "BUILT_IN",
        "ipam.release-port");
    add(
        "switch.push-overlay",
        Map.of(
            "changeId",
            "string",
            "switchName",
            "string",
            "apply",
            "list<object>",
            "remove",
            "list<object>"),
        Set.of("changeId", "switchName", "apply", "remove"),
        Map.of("switchName", "string", "changeId", "string", "changed", "bool", "commands", "int"),
        false,
        "REQUIRED",
        "switch.push-overlay");
    add(
        "switch.verify-overlay",
        Map.of("switchName", "string", "interfaces", "list<string>", "vlan", "int"),
        Set.of("switchName", "interfaces", "vlan"),
        Map.of(),
        true,
        "NONE",
        null);
    add(
        "hypervisor.domain-status",
        Map.of("hypervisor", "string", "domain", "string"),
        Set.of("hypervisor", "domain"),
        Map.of("state", "string", "ifaceId", "string"),
        true,
        "NONE",
        null);
    add(
        "cluster.probe",
        Map.of("cluster", "string"),
        Set.of("cluster"),
        Map.of("version", "string", "healthy", "bool"),
        true,
        "NONE",
        null);
  }

  private static void add(
      String name,
      Map<String, String> in,
      Set<String> required,
      Map<String, String> out,
      boolean read,
      String undo,
      String undoAction) {
    ACTIONS.put(name, ActionSpec.of(name, name, in, required, out, read, undo, undoAction));
  }

  static final Runbook PROBE_ONE =
      RunbookCompiler.compile(
              "probe-one.yaml",
              """
              name: probe-one
              title: Probe one
              params: {type: object, required: [cluster], properties: {cluster: {type: string, maxLength: 40}}}
              steps:
                - id: probe
                  action: cluster.probe
                  input: {cluster: "${params.cluster}"}
              """,
              new Catalogs(ACTIONS, Catalogs.Runbooks.NONE))
          .runbook();

  static final Catalogs CATALOGS =
      new Catalogs(
          ACTIONS,
          (name, version) ->
              name.equals("probe-one") && (version == null || version == 2)
                  ? Optional.of(new Catalogs.Pinned(name, 2, PROBE_ONE))
                  : Optional.empty());

  static List<String> problems(String file, String text) {
    return RunbookCompiler.compile(file, text, CATALOGS).problems().stream()
        .map(p -> p.line() + ":" + p.column() + ": " + p.message())
        .toList();
  }
}
