/** Checks of a runbook's meaning: actions, inputs, references, CEL types, compensation. */
package io.longhaul.dsl.check;
