/** The catalog entry of an operation: its workflow, input type and parameter schema. */
package io.longhaul.contracts.operation;
