/**
 * Runbooks: operators' own operations in YAML, parsed with positions, checked for structure (JSON
 * Schema) and meaning (actions, types, references, CEL), and pinned as a plain record tree.
 */
package io.longhaul.dsl;
