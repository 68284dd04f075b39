package dev.agentos.kernel.proc;

import dev.agentos.kernel.io.Fifos;
import dev.agentos.kernel.limit.Limits;
import dev.agentos.kernel.limit.PipeQuota;
import dev.agentos.kernel.net.LoopbackNetwork;
import dev.agentos.kernel.tty.Ptys;
import dev.agentos.kernel.vfs.Vfs;
import java.time.InstantSource;

/** The other kernel subsystems a process reaches through its system calls. */
public record KernelServices(Vfs vfs, LoopbackNetwork network, Ptys ptys, Fifos fifos, PipeQuota pipes, ProgramRegistry programs,
                             InstantSource clock, Limits limits) {}
