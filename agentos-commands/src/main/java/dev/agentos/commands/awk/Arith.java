package dev.agentos.commands.awk;

/** awk's arithmetic operators on doubles. */
final class Arith {
    private Arith() {}

    static double apply(char op, double l, double r) {
        switch (op) {
            case '+': return l + r;
            case '-': return l - r;
            case '*': return l * r;
            case '/':
                if (r == 0) throw new AwkFatal("division by zero attempted");
                return l / r;
            case '%':
                if (r == 0) throw new AwkFatal("division by zero attempted in `%'");
                return l % r;
            default: return pow(l, r);
        }
    }

    static double pow(double l, double r) {
        if (r == (int) r && r >= 0 && r < 1024) {
            // repeated squaring like gawk, so integer powers are exact
            double result = 1, base = l;
            int n = (int) r;
            while (n > 0) {
                if ((n & 1) != 0) result *= base;
                base *= base;
                n >>= 1;
            }
            return result;
        }
        return Math.pow(l, r);
    }
}
