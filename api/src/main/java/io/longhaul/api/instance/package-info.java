/** Inventory views of instances and of the ports of each network. */
package io.longhaul.api.instance;
