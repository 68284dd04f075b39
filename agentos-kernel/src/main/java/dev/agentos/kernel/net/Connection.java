package dev.agentos.kernel.net;

/** The two ends of one loopback connection, crossed over a pair of buffers. */
record Connection(SocketFile client, SocketFile server) {

    /**
     * Wires a connection. Each buffer's changes are fired to both ends: a write makes the reader
     * readable and may make the writer unwritable, a read the reverse.
     */
    static Connection open(int bufferCapacity, SocketInode clientInode, int clientPort, Runnable clientRelease,
                           SocketInode serverInode, int serverPort, Runnable serverRelease) {
        StreamBuffer toServer = new StreamBuffer(bufferCapacity);
        StreamBuffer toClient = new StreamBuffer(bufferCapacity);
        SocketFile client = new SocketFile(toClient, toServer, clientInode, clientPort, serverPort, clientRelease);
        SocketFile server = new SocketFile(toServer, toClient, serverInode, serverPort, clientPort, serverRelease);
        Runnable fireBoth = () -> {
            client.readinessChanged();
            server.readinessChanged();
        };
        toServer.onChange(fireBoth);
        toClient.onChange(fireBoth);
        return new Connection(client, server);
    }
}
