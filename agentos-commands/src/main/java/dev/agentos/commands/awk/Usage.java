package dev.agentos.commands.awk;

/** gawk's usage text (--help, or no program). */
final class Usage {
    private Usage() {}

    static String text(String me) {
        return "Usage: " + me + " [POSIX or GNU style options] -f progfile [--] file ...\n"
                + "Usage: " + me + " [POSIX or GNU style options] [--] 'program' file ...\n" + BODY;
    }

    private static final String BODY =
            "POSIX options:		GNU long options: (standard)\n" +
            "	-f progfile		--file=progfile\n" +
            "	-F fs			--field-separator=fs\n" +
            "	-v var=val		--assign=var=val\n" +
            "Short options:		GNU long options: (extensions)\n" +
            "	-b			--characters-as-bytes\n" +
            "	-c			--traditional\n" +
            "	-C			--copyright\n" +
            "	-d[file]		--dump-variables[=file]\n" +
            "	-D[file]		--debug[=file]\n" +
            "	-e 'program-text'	--source='program-text'\n" +
            "	-E file			--exec=file\n" +
            "	-g			--gen-pot\n" +
            "	-h			--help\n" +
            "	-i includefile		--include=includefile\n" +
            "	-I			--trace\n" +
            "	-l library		--load=library\n" +
            "	-L[fatal|invalid|no-ext]	--lint[=fatal|invalid|no-ext]\n" +
            "	-M			--bignum\n" +
            "	-N			--use-lc-numeric\n" +
            "	-n			--non-decimal-data\n" +
            "	-o[file]		--pretty-print[=file]\n" +
            "	-O			--optimize\n" +
            "	-p[file]		--profile[=file]\n" +
            "	-P			--posix\n" +
            "	-r			--re-interval\n" +
            "	-s			--no-optimize\n" +
            "	-S			--sandbox\n" +
            "	-t			--lint-old\n" +
            "	-V			--version\n" +
            "\n" +
            "To report bugs, use the `gawkbug' program.\n" +
            "For full instructions, see the node `Bugs' in `gawk.info'\n" +
            "which is section `Reporting Problems and Bugs' in the\n" +
            "printed version.  This same information may be found at\n" +
            "https://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\n" +
            "PLEASE do NOT try to report bugs by posting in comp.lang.awk,\n" +
            "or by using a web forum such as Stack Overflow.\n" +
            "\n" +
            "gawk is a pattern scanning and processing language.\n" +
            "By default it reads standard input and writes standard output.\n" +
            "\n" +
            "Examples:\n" +
            "	gawk '{ sum += $1 }; END { print sum }' file\n" +
            "	gawk -F: '{ print $1 }' /etc/passwd\n";
}
