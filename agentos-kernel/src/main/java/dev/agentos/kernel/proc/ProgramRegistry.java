package dev.agentos.kernel.proc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The programs a VM can run, by name: the shell, the commands, runtimes. Executable files in the VFS
 * refer to them by name ({@link ProgramImage}); there are no host binaries. Immutable once built, so
 * one registry (and the base image made from it) serves every VM.
 */
public final class ProgramRegistry {
    /** Where a program is installed in the base image. */
    public record Entry(String name, Program program, String installDir) {}

    private final Map<String, Entry> entries;

    private ProgramRegistry(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Program> find(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::program);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** Collects programs; a later registration of a name replaces the earlier one. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        /** Installs {@code program} as {@code /bin/<name>}. */
        public Builder add(String name, Program program) {
            return add(name, program, "/bin");
        }

        public Builder add(String name, Program program, String installDir) {
            if (name.isEmpty() || name.contains("/")) throw new IllegalArgumentException("bad program name: " + name);
            entries.put(name, new Entry(name, program, installDir));
            return this;
        }

        public Builder addAll(ProgramRegistry other) {
            entries.putAll(other.entries);
            return this;
        }

        public ProgramRegistry build() {
            return new ProgramRegistry(entries);
        }
    }
}
