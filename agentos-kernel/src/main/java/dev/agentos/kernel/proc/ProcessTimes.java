package dev.agentos.kernel.proc;

/**
 * times(2) for a guest process. Guest processes run on virtual threads, whose CPU time the JVM does
 * not measure, so the kernel counts <em>runnable time</em>: the process's lifetime minus the time it
 * spent parked in a blocking kernel wait (read or write on a pipe, terminal or socket, accept, poll,
 * waitpid, sleep, or stopped by a signal). A busy loop accrues it at wall-clock rate; a process
 * waiting for input accrues none. It includes time the JVM's scheduler had the process ready but not
 * on a carrier thread, so on a loaded host it overstates real CPU use; none of it is split into system
 * time. {@code childrenCpuNanos} sums the runnable time of reaped children and their reaped
 * descendants, like Linux's cutime.
 */
public record ProcessTimes(long cpuNanos, long childrenCpuNanos) {}
