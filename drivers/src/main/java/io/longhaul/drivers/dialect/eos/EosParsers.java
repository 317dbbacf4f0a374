package io.longhaul.drivers.dialect.eos;

import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.drivers.capability.VlanState;
import io.longhaul.drivers.dialect.Parsers;
import io.longhaul.drivers.dialect.VlanRow;
import java.util.List;
import java.util.Map;

/** Pure parsers for EOS show commands. */
public final class EosParsers {
  private EosParsers() {}

  public static Map<Integer, VlanRow> showVlan(String text) {
    return Parsers.showVlan(Dialect.EOS, text);
  }

  public static List<InterfaceStatus> showInterfaceStatus(String text) {
    return Parsers.showInterfaceStatus(Dialect.EOS, text);
  }

  public static List<LldpNeighbor> showLldpNeighbors(String text) {
    return Parsers.showLldpNeighbors(Dialect.EOS, text);
  }

  public static VlanState showRunningConfig(String text) {
    return Parsers.runningConfig(text);
  }

  public static Parsers.SessionDiff showSessionConfigDiffs(String text) {
    return Parsers.sessionDiffs(text);
  }
}
