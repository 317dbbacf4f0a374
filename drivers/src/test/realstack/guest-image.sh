#!/bin/sh
# Builds the golden image the real-stack guests boot from, out of Debian packages only (no cloud
# image can be downloaded here): Debian's kernel (linux-image-amd64) and an initramfs of
# busybox-static whose /init does what cloud-init's NoCloud datasource does for a first boot — find
# the volume labelled cidata, take local-hostname from meta-data and the address from
# network-config — and says so on the serial console. SYSLINUX on a FAT disk boots it from the
# disk under SeaBIOS, so the guest boots from its image (a qcow2 overlay over this one), not from
# a kernel handed to QEMU. Small, so QEMU's TCG boots it in seconds.
#
#   guest-image.sh OUT.qcow2
set -eu
out=$1
kver=$(ls /lib/modules | sort -V | tail -1)
kernel=/boot/vmlinuz-$kver
[ -r "$kernel" ] || { echo "no kernel at $kernel (linux-image-amd64)"; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/seed" "$root/mod"
cp /bin/busybox "$root/bin/busybox"
: > "$root/modules"
for m in virtio_pci virtio_blk virtio_net isofs; do
  modprobe --show-depends -S "$kver" "$m" | sed -n 's/^insmod \([^ ]*\).*/\1/p' | while read -r ko; do
    base=$(basename "$ko")
    grep -qx "$base" "$root/modules" || { cp "$ko" "$root/mod/$base"; echo "$base" >> "$root/modules"; }
  done
done
cat > "$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in $(cat /modules); do insmod /mod/$m 2>/dev/null; done
echo "longhaul-guest: userspace reached"
# the disk's boot loader (SYSLINUX) names the kernel it loaded from the disk
echo "longhaul-guest: cmdline $(cat /proc/cmdline)"
n=0
until mount -t iso9660 -o ro /dev/vdb /seed 2>/dev/null; do
  n=$((n + 1)); [ $n -lt 50 ] || { echo "longhaul-guest: no cidata seed"; break; }
  sleep 0.1
done
if [ ! -f /seed/meta-data ]; then
  echo "longhaul-guest: no meta-data on the seed: $(ls /seed 2>&1)"
else
  hostname "$(sed -n 's/^local-hostname: *//p' /seed/meta-data)"
  addr=$(sed -n 's/^ *addresses: *\[\(.*\)\]/\1/p' /seed/network-config)
  ip link set eth0 up 2>/dev/null
  [ -z "$addr" ] || ip addr add "$addr" dev eth0
fi
echo "longhaul-guest: hostname $(hostname)"
echo "longhaul-guest: eth0 $(ip -4 -o addr show dev eth0 2>/dev/null | sed -n 's/.* inet \([^ ]*\).*/\1/p')"
while :; do sleep 3600; done
INIT
chmod 755 "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.gz"
cat > "$work/syslinux.cfg" <<'CFG'
DEFAULT linux
PROMPT 0
TIMEOUT 0
LABEL linux
  KERNEL vmlinuz
  INITRD initrd.gz
  APPEND console=ttyS0,115200 quiet panic=-1
CFG
size_kib=$(( ($(stat -c %s "$kernel") + $(stat -c %s "$work/initrd.gz")) / 1024 + 4096 ))
mkfs.fat -C -n LONGHAUL "$work/disk.raw" "$size_kib" >/dev/null
syslinux --install "$work/disk.raw"
mcopy -i "$work/disk.raw" "$kernel" ::vmlinuz
mcopy -i "$work/disk.raw" "$work/initrd.gz" ::initrd.gz
mcopy -i "$work/disk.raw" "$work/syslinux.cfg" ::syslinux.cfg
qemu-img convert -f raw -O qcow2 "$work/disk.raw" "$out.tmp"
mv "$out.tmp" "$out"
