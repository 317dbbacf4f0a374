package io.longhaul.drivers.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.drivers.capability.Binding;
import java.util.ArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Correctness at batch size, logging how long it took (figures for the report, never asserted). */
@DisplayName("Batch-sized operations against the lab")
class FiguresLabTest {
  private static final Logger log = LoggerFactory.getLogger(FiguresLabTest.class);

  @Test
  @DisplayName("a 16-hypervisor batch applies in one session on each dialect, and walks complete")
  void figures() {
    try (var drivers = LabSupport.drivers()) {
      for (String site : new String[] {"sha", "sin"}) {
        String leaf = LabSupport.leafOf(site + "-hv01", "eth1");
        var bindings = new ArrayList<Binding>();
        for (int i = 1; i <= 16; i++) {
          String hv = String.format("%s-hv%02d", site, i);
          if (LabSupport.leafOf(hv, "eth1").equals(leaf)) {
            bindings.add(new Binding(LabSupport.leafPort(hv, "eth1"), 2000 + i, 62000 + i));
          }
        }
        var driver = LabSupport.switchDriver(drivers, leaf, LabSupport.v3());
        var state = LabSupport.lab().switchState(leaf);
        state.resetCounters();
        long t0 = System.nanoTime();
        var result = driver.overlay().apply("figures-" + site, bindings);
        long applyMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(result.changed()).isTrue();
        assertThat(state.configSessionCount()).isEqualTo(1);
        t0 = System.nanoTime();
        assertThat(driver.overlay().apply("figures-" + site, bindings).changed()).isFalse();
        long noopMs = (System.nanoTime() - t0) / 1_000_000;
        driver.interfaces().interfaces(); // warm
        t0 = System.nanoTime();
        var interfaces = driver.interfaces().interfaces();
        var neighbors = driver.lldp().neighbors();
        var vlanPorts = driver.vlanPorts().vlanPorts();
        long walkMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(interfaces).isNotEmpty();
        assertThat(neighbors).isNotEmpty();
        assertThat(vlanPorts).containsKey(2001);
        log.info(
            "FIGURES {} {}: apply {} bindings ({} commands) {} ms; no-op re-apply {} ms;"
                + " SNMPv3 ifTable+ifXTable+LLDP+Q-BRIDGE walks {} ms ({} interfaces)",
            site,
            leaf,
            bindings.size(),
            result.commands().size(),
            applyMs,
            noopMs,
            walkMs,
            interfaces.size());
      }
    }
  }
}
