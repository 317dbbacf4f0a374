/** KVM hypervisors over SSH exec: virsh, ovs-vsctl, systemctl. */
package io.longhaul.drivers.dialect.kvm;
