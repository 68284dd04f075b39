package dev.agentos.protocol;

/** A program installed in a VM: its name and where its executable lives. */
public record SoftwareInfo(String name, String path) {}
