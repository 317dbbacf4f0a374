package io.longhaul.contracts.interfaceaudit;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.longhaul.contracts.operation.Operation.Stage;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** Reads every switch's interfaces at a site and reports the ones in use that nobody described. */
@WorkflowInterface
@Operation(
    name = "interface-audit",
    title = "Interface description audit",
    description =
        "Reads the interfaces of every switch of the site (SNMP IF-MIB, or the CLI where the"
            + " switch has no SNMP credential) and reports the interfaces that are up without a"
            + " description, switch by switch. Changes nothing.",
    schema = "operations/interface-audit.schema.json",
    siteField = "site",
    stages = {
      @Stage(step = "list-switches", label = "listing the site's switches"),
      @Stage(step = "read-interfaces", label = "reading the switches' interfaces")
    })
public interface InterfaceAuditWorkflow extends OperatorControlled {
  @WorkflowMethod(name = "InterfaceAudit")
  Report audit(Input input);

  record Input(String site) {}

  /** {@code undescribed}: "switch interface" of every interface that is up with no description. */
  record Report(String site, int switches, int interfaces, List<String> undescribed) {}
}
