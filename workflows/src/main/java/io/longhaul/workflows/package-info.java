/** One package per operation, plus {@code common}: what every operation shares. */
package io.longhaul.workflows;
