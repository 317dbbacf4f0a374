#!/bin/sh
# The real stack the driver contract tests run against, started without systemd on loopback:
# Open vSwitch (ovsdb-server + ovs-vswitchd, userspace datapath), libvirt + QEMU (libvirtd and
# virtlogd, with /dev/kvm masked in their mount namespace so this is a no-KVM host: libvirt offers
# type qemu only; a storage pool "longhaul" holding the golden image guest-image.sh builds),
# OpenSSH (its own config, host key and authorized keys) and snmpsim.
#
#   stack.sh check                      exit 3 and say what is missing
#   stack.sh start DIR SSH_PORT         start what is not running; DIR/env describes the stack
#   stack.sh vswitchd stop|start DIR    take ovs-vswitchd away (ovsdb stays) or bring it back
#   stack.sh rotate-host-key DIR        sshd gets a new host key; DIR/ssh/known_hosts follows
#   stack.sh snmp DIR PORT RECORDINGS   snmpsim on 127.0.0.1:PORT replaying RECORDINGS/*.snmprec
#   stack.sh stop DIR                   stop what start (and snmp) started
#
# libvirt and OVS use their standard run directories: libvirt runs ovs-vsctl itself for
# <virtualport type='openvswitch'> and knows no other socket. Whatever was already running there is
# used as it is and left running.
set -eu
cmd=$1
dir=${2:-}
OVS_RUN=/var/run/openvswitch

need() {
  missing=""
  for b in "$@"; do command -v "$b" >/dev/null 2>&1 || missing="$missing $b"; done
  if [ -n "$missing" ]; then echo "missing:$missing"; exit 3; fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # wait_for SECONDS command...
  n=$(( $1 * 10 )); shift
  while ! "$@" >/dev/null 2>&1; do
    n=$((n - 1)); [ $n -gt 0 ] || { echo "timed out waiting for: $*"; return 1; }
    sleep 0.1
  done
}

start_ovs() {
  mkdir -p $OVS_RUN "$dir/ovs"
  if ! alive $OVS_RUN/ovsdb-server.pid; then
    rm -f "$dir/ovs/conf.db"
    ovsdb-tool create "$dir/ovs/conf.db" /usr/share/openvswitch/vswitch.ovsschema
    ovsdb-server --remote=punix:$OVS_RUN/db.sock --pidfile=$OVS_RUN/ovsdb-server.pid --detach \
      --no-chdir --log-file="$dir/ovs/ovsdb-server.log" "$dir/ovs/conf.db" </dev/null >/dev/null 2>&1
    echo $OVS_RUN/ovsdb-server.pid >> "$dir/started"
    ovs-vsctl --timeout=5 --no-wait init
  fi
  start_vswitchd
  ovs-vsctl --timeout=5 --may-exist add-br br-int -- set bridge br-int datapath_type=netdev
}

start_vswitchd() {
  if ! alive $OVS_RUN/ovs-vswitchd.pid; then
    ovs-vswitchd --pidfile=$OVS_RUN/ovs-vswitchd.pid --detach --no-chdir \
      --log-file="$dir/ovs/ovs-vswitchd.log" </dev/null >/dev/null 2>&1
    grep -qx $OVS_RUN/ovs-vswitchd.pid "$dir/started" 2>/dev/null || echo $OVS_RUN/ovs-vswitchd.pid >> "$dir/started"
  fi
}

start_libvirt() {
  if ! alive /run/virtlogd.pid; then
    virtlogd -d </dev/null >/dev/null 2>&1
    echo /run/virtlogd.pid >> "$dir/started"
  fi
  if ! alive /run/libvirtd.pid; then
    # libvirt caches what it probed of QEMU (KVM included): probe again in the masked namespace
    rm -rf /var/cache/libvirt/qemu/capabilities
    # An unreadable plain file over /dev/kvm: libvirt finds KVM unusable for the qemu user, and
    # finds it so on every look (with /dev/null there it re-probed QEMU on every define).
    # libvirt's per-domain /dev would copy that file as a device and fail: no mount namespaces
    # for QEMU, through a qemu.conf bound over the system's in the same namespace.
    : > "$dir/no-kvm"; chmod 000 "$dir/no-kvm"
    { cat /etc/libvirt/qemu.conf; echo 'namespaces = [ ]'; } > "$dir/qemu.conf"
    unshare -m --propagation private sh -c \
      "mount --bind '$dir/qemu.conf' /etc/libvirt/qemu.conf &&
       { [ ! -e /dev/kvm ] || mount --bind '$dir/no-kvm' /dev/kvm; } && exec libvirtd -d" \
      </dev/null >/dev/null 2>&1
    echo /run/libvirtd.pid >> "$dir/started"
  fi
  wait_for 20 virsh -c qemu:///system version
}

POOL=longhaul
POOL_DIR=/var/lib/libvirt/images/longhaul-test
start_pool() {
  # the storage pool the guests' volumes live in, with the golden image the overlays are over
  mkdir -p "$POOL_DIR"
  [ -s "$POOL_DIR/longhaul-base.qcow2" ] || sh "$(dirname "$0")/guest-image.sh" "$POOL_DIR/longhaul-base.qcow2"
  if ! virsh -c qemu:///system pool-info $POOL >/dev/null 2>&1; then
    virsh -c qemu:///system pool-define-as $POOL dir --target "$POOL_DIR" >/dev/null
  fi
  virsh -c qemu:///system pool-info $POOL | grep -q running || virsh -c qemu:///system pool-start $POOL >/dev/null
  virsh -c qemu:///system pool-refresh $POOL >/dev/null
}

start_sshd() {
  port=$1
  mkdir -p "$dir/ssh" /run/sshd
  [ -f "$dir/ssh/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh/host_ed25519"
  [ -f "$dir/ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C longhaul-test -f "$dir/ssh/id_ed25519"
  [ -f "$dir/ssh/id_rsa_pass" ] || ssh-keygen -q -t rsa -b 3072 -N 'a-passphrase' -C longhaul-test -f "$dir/ssh/id_rsa_pass"
  cat "$dir/ssh/id_ed25519.pub" "$dir/ssh/id_rsa_pass.pub" > "$dir/ssh/authorized_keys"
  # a local user for password logins (root logs in by key only)
  id longhaul-test >/dev/null 2>&1 || useradd -M -d /nonexistent -s /bin/sh longhaul-test
  [ -s "$dir/ssh/password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/ssh/password"
  echo "longhaul-test:$(cat "$dir/ssh/password")" | chpasswd
  chmod 600 "$dir/ssh/authorized_keys"
  cat > "$dir/ssh/sshd_config" <<CONF
ListenAddress 127.0.0.1:$port
HostKey $dir/ssh/host_ed25519
PidFile $dir/ssh/sshd.pid
AuthorizedKeysFile $dir/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 50:30:100
MaxSessions 50
Subsystem sftp internal-sftp
CONF
  if ! alive "$dir/ssh/sshd.pid"; then
    /usr/sbin/sshd -f "$dir/ssh/sshd_config" -E "$dir/ssh/sshd.log"
    echo "$dir/ssh/sshd.pid" >> "$dir/started"
  fi
  wait_for 10 sh -c "ssh-keyscan -p $port -t ed25519 127.0.0.1 2>/dev/null | grep -q ed25519"
  # a known_hosts line for this server, as an operator would have it
  printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$dir/ssh/host_ed25519.pub")" > "$dir/ssh/known_hosts"
}

case "$cmd" in
  check)
    need sshd ssh-keygen ssh-keyscan libvirtd virtlogd virsh qemu-system-x86_64 ovsdb-server \
      ovs-vswitchd ovs-vsctl ovsdb-tool unshare snmpsimd qemu-img busybox syslinux mcopy mkfs.fat cpio
    ls /boot/vmlinuz-* >/dev/null 2>&1 || { echo "missing: a kernel in /boot (linux-image-amd64)"; exit 3; }
    [ "$(id -u)" = 0 ] || { echo "not root: libvirt's system instance and OVS need root"; exit 3; }
    ;;
  start)
    mkdir -p "$dir"; touch "$dir/started"
    start_ovs
    start_libvirt
    start_pool
    start_sshd "$3"
    printf 'SSH_PORT=%s\nVERSIONS=%s / %s / %s / %s\n' "$3" \
      "$(virsh -c qemu:///system version | sed -n 's/^Using library: //p')" \
      "$(virsh -c qemu:///system version | sed -n 's/^Running hypervisor: //p')" \
      "$(ovs-vsctl --version | head -1)" "$(ssh -V 2>&1)" > "$dir/env"
    ;;
  rotate-host-key)
    # a new host key, as a re-installed or re-keyed host has; sshd re-reads it on SIGHUP
    rm -f "$dir/ssh/host_ed25519.new" "$dir/ssh/host_ed25519.new.pub"
    ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh/host_ed25519.new"
    mv "$dir/ssh/host_ed25519.new" "$dir/ssh/host_ed25519"
    mv "$dir/ssh/host_ed25519.new.pub" "$dir/ssh/host_ed25519.pub"
    kill -HUP "$(cat "$dir/ssh/sshd.pid")"
    port=$(sed -n 's/^SSH_PORT=//p' "$dir/env")
    wait_for 10 sh -c "ssh-keyscan -p $port -t ed25519 127.0.0.1 2>/dev/null | grep -q '$(cut -d' ' -f2 "$dir/ssh/host_ed25519.pub")'"
    printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$dir/ssh/host_ed25519.pub")" > "$dir/ssh/known_hosts"
    ;;
  vswitchd)
    case "$2" in
      stop) kill "$(cat $OVS_RUN/ovs-vswitchd.pid)"; wait_for 10 sh -c "! kill -0 $(cat $OVS_RUN/ovs-vswitchd.pid)" ;;
      start) dir=$3; start_vswitchd ;;
    esac
    ;;
  snmp)
    need snmpsimd
    # snmpsimd drops root for nobody, which must read the recordings and write its cache
    mkdir -p "$dir/snmp/data" "$dir/snmp/cache" "$dir/snmp/run"
    cp "$4"/*.snmprec "$dir/snmp/data/"
    chmod 755 "$dir/snmp" "$dir/snmp/data"; chmod 644 "$dir/snmp/data"/*
    chmod 777 "$dir/snmp/cache" "$dir/snmp/run"
    snmpsimd --data-dir="$dir/snmp/data" --agent-udpv4-endpoint=127.0.0.1:"$3" \
      --process-user=nobody --process-group=nogroup --cache-dir="$dir/snmp/cache" \
      --v3-user=longhaul --v3-auth-key=longhaul-auth-key --v3-auth-proto=SHA256 \
      --v3-priv-key=longhaul-priv-key --v3-priv-proto=AES128 \
      --logging-method=file:"$dir/snmp/run/snmpsimd.log" --daemonize --pid-file="$dir/snmp/run/snmpsimd.pid"
    wait_for 20 test -s "$dir/snmp/run/snmpsimd.pid"
    echo "$dir/snmp/run/snmpsimd.pid" >> "$dir/started"
    ;;
  stop)
    [ -f "$dir/started" ] || exit 0
    tac "$dir/started" | while read -r pidfile; do
      if alive "$pidfile"; then kill "$(cat "$pidfile")" || true; fi
    done
    rm -f "$dir/started"
    ;;
  *) echo "usage: stack.sh check|start|vswitchd|snmp|stop"; exit 2 ;;
esac
