package dev.agentos;

import dev.agentos.kernel.vfs.FileSystemBackend;
import java.util.function.Supplier;

/**
 * A filesystem to mount at boot: where, which backend (a fresh one per VM from the supplier), and
 * whether it is read-only.
 */
public record Mount(String path, Supplier<FileSystemBackend> backend, boolean readOnly) {}
