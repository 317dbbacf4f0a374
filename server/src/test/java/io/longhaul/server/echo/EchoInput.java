package io.longhaul.server.echo;

import java.util.List;

/**
 * Input of the test-only echo operation. Each echo step applies the message to a target named
 * {@code prefix + i}; the options switch on the operator-control features under test. With {@code
 * disruptive} each echo step is gated by the maintenance windows and freezes of its site; {@code
 * databaseStep} adds a local-activity step that writes to PostgreSQL (see {@link
 * EchoDatabaseActivities#write}).
 */
public record EchoInput(
    String message,
    Integer steps,
    String site,
    Boolean waitForSignal,
    String failWith,
    String prefix,
    Boolean skippable,
    Boolean compensate,
    Boolean approval,
    Integer approvalExpiresSeconds,
    List<String> leases,
    Boolean failFast,
    Integer giveUpAfterSeconds,
    Boolean disruptive,
    String databaseStep) {}
