/** The parsed runbook: one record per step kind, serialisable as a workflow's input. */
package io.longhaul.dsl.model;
