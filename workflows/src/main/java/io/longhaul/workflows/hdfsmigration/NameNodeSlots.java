package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationInput;
import io.longhaul.workflows.common.RunJournal;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Functions;
import java.util.List;

/**
 * At most {@code maxPerNameNode} BU migrations per NameNode, as a counted lease made of slot leases
 * {@code hdfs-nn:<cluster>.<n>}: the first free slot is taken; with none free the run waits for
 * slot 1. A continued run takes the slot it held again.
 */
final class NameNodeSlots {
  private final RunJournal journal;
  private final HdfsMigrationInput in;

  NameNodeSlots(RunJournal journal, HdfsMigrationInput in) {
    this.journal = journal;
    this.in = in;
  }

  String slot(int n) {
    return "hdfs-nn:" + in.cluster() + "." + n;
  }

  <R> R hold(Functions.Func<R> body) {
    JournalCarry carry = in.carry();
    if (carry != null) {
      for (String held : carry.heldLeases()) {
        if (held.startsWith("hdfs-nn:" + in.cluster() + ".")) {
          return journal.withLeases(LeasePolicy.WAIT, List.of(held), body);
        }
      }
    }
    for (int n = 1; n <= in.maxPerNameNode(); n++) {
      boolean[] entered = {false};
      try {
        return journal.withLeases(
            LeasePolicy.FAIL_FAST,
            List.of(slot(n)),
            () -> {
              entered[0] = true;
              return body.apply();
            });
      } catch (ApplicationFailure e) {
        if (entered[0]) {
          throw e;
        }
      }
    }
    return journal.withLeases(LeasePolicy.WAIT, List.of(slot(1)), body);
  }
}
