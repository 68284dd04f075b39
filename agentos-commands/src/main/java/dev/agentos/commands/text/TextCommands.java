package dev.agentos.commands.text;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for text processing (head, sort, cut, tr, ...). */
public final class TextCommands {
    private TextCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("head", new Head(), "/usr/bin");
        programs.add("tail", new Tail(), "/usr/bin");
        programs.add("wc", new Wc(), "/usr/bin");
        programs.add("sort", new Sort(), "/usr/bin");
        programs.add("uniq", new Uniq(), "/usr/bin");
        programs.add("cut", new Cut(), "/usr/bin");
        programs.add("paste", new Paste(), "/usr/bin");
        programs.add("tee", new Tee(), "/usr/bin");
        programs.add("rev", new Rev(), "/usr/bin");
        programs.add("tac", new Tac(), "/usr/bin");
        programs.add("tr", new Tr(), "/usr/bin");
        programs.add("seq", new Seq(), "/usr/bin");
        programs.add("yes", new Yes(), "/usr/bin");
        programs.add("fold", new Fold(), "/usr/bin");
        programs.add("expand", new Expand(), "/usr/bin");
        programs.add("unexpand", new Unexpand(), "/usr/bin");
        programs.add("nl", new Nl(), "/usr/bin");
        programs.add("comm", new Comm(), "/usr/bin");
        programs.add("join", new Join(), "/usr/bin");
        programs.add("od", new Od(), "/usr/bin");
        programs.add("xxd", new Xxd(), "/usr/bin");
        programs.add("strings", new Strings(), "/usr/bin");
        programs.add("split", new Split(), "/usr/bin");
        programs.add("shuf", new Shuf(), "/usr/bin");
        programs.add("numfmt", new Numfmt(), "/usr/bin");
        programs.add("column", new Column(), "/usr/bin");
        programs.add("csplit", new Csplit(), "/usr/bin");
        programs.add("fmt", new Fmt(), "/usr/bin");
    }
}
