package io.longhaul.contracts.window;

import java.util.List;

/** A gated step's question: which rules apply to these scopes of this run? */
public record GateQuery(String runId, List<Scope> scopes) {}
