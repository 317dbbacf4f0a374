/** YAML to a JSON tree with every node's position, and the tree to the runbook model. */
package io.longhaul.dsl.parse;
