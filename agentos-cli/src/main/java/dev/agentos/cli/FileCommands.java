package dev.agentos.cli;

import dev.agentos.client.AgentOsHandle;
import dev.agentos.protocol.DirEntryInfo;
import dev.agentos.protocol.FileInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ls}, {@code cat}, {@code rm} and {@code mkdir} on a path inside a server's VM ({@code KEY:/path}). */
final class FileCommands {
    private FileCommands() {}

    @Command(name = "ls", mixinStandardHelpOptions = true, description = {"List a directory in a server's VM.",
        "  agentos ls my-agent:/home/agentos", "  agentos ls -l my-agent:/tmp"})
    static final class Ls implements Callable<Integer> {
        @ParentCommand private AgentOsCli cli;
        @Mixin private Remote remote;
        @Spec private CommandSpec spec;
        @Option(names = "-l", description = "Long listing: type, size and name.") private boolean long_;
        @Option(names = "-R", description = "Recursive: every path below the directory.") private boolean recursive;
        @Parameters(paramLabel = "KEY:PATH", description = "The VM's key and a path in it.") private String target;

        @Override public Integer call() {
            VmPath p = VmPath.require(spec, target);
            AgentOsHandle vm = remote.vm(p.key());
            FileInfo st = vm.stat(p.path());
            if (!st.type().equals("directory")) {
                cli.out().println(long_ ? line(st.type(), st.size(), p.path()) : p.path());
                return 0;
            }
            if (recursive) {
                for (DirEntryInfo e : vm.readdirRecursive(p.path())) {
                    cli.out().println(long_ ? line(e.type(), e.size(), e.path()) : e.path());
                }
            } else if (long_) {
                for (DirEntryInfo e : vm.readdirRecursive(p.path(), 1)) {
                    cli.out().println(line(e.type(), e.size(), e.path().substring(e.path().lastIndexOf('/') + 1)));
                }
            } else {
                for (String name : vm.readdir(p.path())) cli.out().println(name);
            }
            return 0;
        }

        private static String line(String type, long size, String name) {
            char t = switch (type) { case "directory" -> 'd'; case "symlink" -> 'l'; case "file" -> '-'; default -> '?'; };
            return String.format("%c %12d %s", t, size, name);
        }
    }

    @Command(name = "cat", mixinStandardHelpOptions = true, description = {"Print files of a server's VM.",
        "  agentos cat my-agent:/etc/hostname"})
    static final class Cat implements Callable<Integer> {
        @ParentCommand private AgentOsCli cli;
        @Mixin private Remote remote;
        @Spec private CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "KEY:PATH", description = "Files to print, in order.") private List<String> targets;

        @Override public Integer call() throws Exception {
            for (String t : targets) {
                VmPath p = VmPath.require(spec, t);
                cli.out().write(remote.vm(p.key()).readFile(p.path()));
            }
            cli.out().flush();
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = {"Remove files of a server's VM.",
        "  agentos rm -r my-agent:/tmp/build"})
    static final class Rm implements Callable<Integer> {
        @Mixin private Remote remote;
        @Spec private CommandSpec spec;
        @Option(names = {"-r", "-R", "--recursive"}, description = "Remove directories and their contents.") private boolean recursive;
        @Parameters(arity = "1..*", paramLabel = "KEY:PATH") private List<String> targets;

        @Override public Integer call() {
            for (String t : targets) {
                VmPath p = VmPath.require(spec, t);
                remote.vm(p.key()).deleteFile(p.path(), recursive);
            }
            return 0;
        }
    }

    @Command(name = "mkdir", mixinStandardHelpOptions = true, description = {"Make directories in a server's VM.",
        "  agentos mkdir -p my-agent:/home/agentos/src/lib"})
    static final class Mkdir implements Callable<Integer> {
        @Mixin private Remote remote;
        @Spec private CommandSpec spec;
        @Option(names = {"-p", "--parents"}, description = "Make parents as needed; no error if it exists.") private boolean parents;
        @Parameters(arity = "1..*", paramLabel = "KEY:PATH") private List<String> targets;

        @Override public Integer call() {
            for (String t : targets) {
                VmPath p = VmPath.require(spec, t);
                remote.vm(p.key()).mkdir(p.path(), parents);
            }
            return 0;
        }
    }
}
