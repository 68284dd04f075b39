package dev.agentos.commands.procs;

import dev.agentos.kernel.proc.ProcessContext;
import java.util.HashMap;
import java.util.Map;

/**
 * The VM's /proc/meminfo in KiB, with procps' derived figures (used, buff/cache), so free and top
 * agree with what the file says. Fields the VM does not report read as 0.
 */
record MemInfo(Map<String, Long> kib) {
    static MemInfo read(ProcessContext ctx) {
        Map<String, Long> m = new HashMap<>();
        for (String line : Users.read(ctx, "/proc/meminfo").split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String[] v = line.substring(colon + 1).trim().split("\\s+");
            try {
                m.put(line.substring(0, colon), Long.parseLong(v[0]));
            } catch (NumberFormatException ignored) {
                // not a number: not a field free shows
            }
        }
        return new MemInfo(m);
    }

    long get(String field) { return kib.getOrDefault(field, 0L); }

    long total() { return get("MemTotal"); }
    long free() { return get("MemFree"); }
    long shared() { return get("Shmem"); }
    long buffers() { return get("Buffers"); }
    long cache() { return get("Cached") + get("SReclaimable"); }
    long available() { return kib.containsKey("MemAvailable") ? get("MemAvailable") : free(); }

    /** procps: total - free - buffers - cache, or total - free when that would be negative. */
    long used() {
        long u = total() - free() - buffers() - cache();
        return u < 0 ? total() - free() : u;
    }

    long swapTotal() { return get("SwapTotal"); }
    long swapFree() { return get("SwapFree"); }
    long swapUsed() { return swapTotal() - swapFree(); }
}
