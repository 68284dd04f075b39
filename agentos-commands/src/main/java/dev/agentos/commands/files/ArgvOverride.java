package dev.agentos.commands.files;

import dev.agentos.kernel.proc.ProcessContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * A process context whose argv is rewritten: for commands (chmod) whose operands look like options
 * and must be taken out before getopt sees them. Every other call goes to the real context.
 */
final class ArgvOverride {
    private ArgvOverride() {}

    static ProcessContext of(ProcessContext ctx, List<String> argv) {
        List<String> copy = List.copyOf(argv);
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("argv") && method.getParameterCount() == 0) return copy;
            try {
                return method.invoke(ctx, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ProcessContext) Proxy.newProxyInstance(ProcessContext.class.getClassLoader(), new Class<?>[] {ProcessContext.class}, h);
    }
}
