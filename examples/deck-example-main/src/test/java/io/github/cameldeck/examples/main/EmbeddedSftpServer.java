package io.github.cameldeck.examples.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server for tests (Apache MINA SSHD) on 127.0.0.1 and a free port: one user with a password, a file system
 * rooted in a folder, and an EC host key generated at start, which {@link #writeKnownHosts} hands to the client. It
 * counts the uploads to each path: files opened for writing and closed without error.
 */
final class EmbeddedSftpServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final Map<String, Integer> uploads = new ConcurrentHashMap<>();

    private EmbeddedSftpServer(Path root, String user, String password) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        hostKey = generator.generateKeyPair();

        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new UploadCounter());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((name, secret, session) -> user.equals(name) && password.equals(secret));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    }

    /** Starts a server whose file system is the folder {@code root}, for {@code user} with {@code password}. */
    static EmbeddedSftpServer start(Path root, String user, String password)
            throws IOException, GeneralSecurityException {
        EmbeddedSftpServer sftp = new EmbeddedSftpServer(root, user, password);
        sftp.server.start();
        return sftp;
    }

    int port() {
        return server.getPort();
    }

    /** Writes a known_hosts file with this server's address and host key, so a client can check whom it talks to. */
    Path writeKnownHosts(Path file) throws IOException {
        String line = "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n";
        return Files.writeString(file, line);
    }

    /** How many uploads each path received, by its path on the server ({@code /archive/...}). */
    Map<String, Integer> uploads() {
        return Map.copyOf(uploads);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class UploadCounter implements SftpEventListener {
        @Override
        public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
            if (thrown == null && localHandle instanceof FileHandle file
                    && file.getOpenOptions().contains(StandardOpenOption.WRITE)) {
                uploads.merge(localHandle.getFile().toString(), 1, Integer::sum);
            }
        }
    }
}
