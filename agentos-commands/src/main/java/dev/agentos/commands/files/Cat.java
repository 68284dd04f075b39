package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** cat: concatenates files with GNU's -n, -b, -s, -v, -E, -T, -A, -e, -t; line numbers run across files. */
final class Cat extends FileCommand {
    Cat() { super("cat", "[OPTION]... [FILE]..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('A', "show-all", "A").flag('b', "number-nonblank", "b").flag('e', null, "e")
                .flag('E', "show-ends", "E").flag('n', "number", "n").flag('s', "squeeze-blank", "s")
                .flag('t', null, "t").flag('T', "show-tabs", "T").flag('u', null, "u").flag('v', "show-nonprinting", "v");
    }

    /** The line state that carries from one file to the next. */
    private static final class State {
        boolean atLineStart = true;
        int blankRun;
        long line;
    }

    @Override protected int execute(Invocation inv) throws IOException {
        boolean a = inv.has("A");
        boolean nonprinting = a || inv.has("v") || inv.has("e") || inv.has("t");
        boolean ends = a || inv.has("E") || inv.has("e");
        boolean tabs = a || inv.has("T") || inv.has("t");
        boolean nonblank = inv.has("b");
        boolean number = nonblank || inv.has("n");
        boolean squeeze = inv.has("s");
        boolean plain = !nonprinting && !ends && !tabs && !number && !squeeze;
        List<String> files = inv.operands().isEmpty() ? List.of("-") : inv.operands();
        State st = new State();
        OutputStream out = inv.out();
        byte[] buf = new byte[64 * 1024];
        int status = 0;
        for (String f : files) {
            InputStream in;
            try {
                in = inv.open(f);
            } catch (AgentOsException e) {
                inv.error(Quoting.ifNeeded(f) + ": " + SysFiles.reason(e));
                status = 1;
                continue;
            }
            try (in) {
                int n;
                while ((n = in.read(buf, 0, buf.length)) > 0) {
                    if (plain) {
                        out.write(buf, 0, n);
                        out.flush(); // cat passes on what it read at once: it sits in pipelines and on terminals
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        int c = buf[i] & 0xff;
                        if (c == '\n') {
                            if (st.atLineStart) {
                                st.blankRun++;
                                if (squeeze && st.blankRun > 1) continue;
                                if (number && !nonblank) lineNumber(out, st);
                            }
                            if (ends) out.write('$');
                            out.write('\n');
                            st.atLineStart = true;
                            continue;
                        }
                        if (st.atLineStart) {
                            st.blankRun = 0;
                            st.atLineStart = false;
                            if (number) lineNumber(out, st);
                        }
                        if (c == '\t') {
                            if (tabs) out.write(new byte[] {'^', 'I'});
                            else out.write(c);
                        } else if (nonprinting) {
                            if (c >= 128) {
                                out.write('M');
                                out.write('-');
                                c -= 128;
                            }
                            if (c < 32) {
                                out.write('^');
                                out.write(c + 64);
                            } else if (c == 127) {
                                out.write('^');
                                out.write('?');
                            } else {
                                out.write(c);
                            }
                        } else {
                            out.write(c);
                        }
                    }
                    out.flush();
                }
            } catch (AgentOsException e) {
                inv.error(Quoting.ifNeeded(f) + ": " + SysFiles.reason(e));
                status = 1;
            }
        }
        return status;
    }

    private static void lineNumber(OutputStream out, State st) throws IOException {
        out.write(String.format("%6d\t", ++st.line).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
