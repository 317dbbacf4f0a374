/**
 * How an operation is declared ({@link io.longhaul.contracts.operation.Operation} on its workflow
 * interface) and the catalog entry built from it: workflow, input type, parameter schema, stages.
 */
package io.longhaul.contracts.operation;
