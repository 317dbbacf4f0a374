package io.longhaul.contracts.window;

import java.util.List;

/**
 * The windows and freezes that apply to a run's step, read at one moment; {@code scopes} are the
 * step's declared scopes plus the run's operation.
 */
public record GateRules(List<Scope> scopes, List<WindowSpec> windows, List<FreezeSpec> freezes) {}
