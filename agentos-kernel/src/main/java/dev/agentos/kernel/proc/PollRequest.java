package dev.agentos.kernel.proc;

/** One entry of a poll(2) call: the fd, the events asked for and (filled in) the events that hold. */
public final class PollRequest {
    public final int fd;
    public final int events;
    public int revents;

    public PollRequest(int fd, int events) { this.fd = fd; this.events = events; }
}
