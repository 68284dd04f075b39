package dev.agentos.commands.net;

/** curl --help: the options this curl has. */
final class CurlHelp {
    private CurlHelp() {}

    static final String TEXT = """
            Usage: curl [options...] <url>
                 --connect-timeout <seconds>  Maximum time allowed for connection
             -d, --data <data>          HTTP POST data
                 --data-binary <data>   HTTP POST binary data
                 --data-raw <data>      HTTP POST data, '@' allowed
                 --data-urlencode <data>  HTTP POST data URL encoded
             -D, --dump-header <filename>  Write the received headers to <filename>
             -f, --fail                 Fail fast with no output on HTTP errors
                 --fail-with-body       Fail on HTTP errors but save the body
             -G, --get                  Put the post data in the URL and use GET
             -H, --header <header/@file>  Pass custom header(s) to server
             -h, --help                 Get help for commands
             -i, --include              Include protocol response headers in the output
             -I, --head                 Show document info only
             -k, --insecure             Allow insecure server connections
                 --json <data>          HTTP POST JSON
             -L, --location             Follow redirects
                 --max-redirs <num>     Maximum number of redirects allowed
             -m, --max-time <seconds>   Maximum time allowed for transfer
             -N, --no-buffer            Disable buffering of the output stream
             -o, --output <file>        Write to file instead of stdout
             -O, --remote-name          Write output to a file named as the remote file
             -e, --referer <URL>        Referrer URL
             -X, --request <method>     Specify request method to use
             -S, --show-error           Show error even when -s is used
             -s, --silent               Silent mode
             -T, --upload-file <file>   Transfer local FILE to destination
                 --url <url>            URL to work with
             -u, --user <user:password> Server user and password
             -A, --user-agent <name>    Send User-Agent <name> to server
             -v, --verbose              Make the operation more talkative
             -V, --version              Show version number and quit
             -w, --write-out <format>   Use output FORMAT after completion
            """;
}
